import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandAccepted } from '@carnet/contracts';
import { DomainError, type Actor, type Decider, type DomainEvent } from '@carnet/domain';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@carnet/event-store';
import type { AccountStore } from '@carnet/account-store';
import { ACCOUNT_STORE, CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import type { CommandOptions } from './command-options.js';
import { deterministicUuid } from './deterministic-id.js';
import { fingerprint } from './fingerprint.js';
import { placeInCommune } from './geo/commune-outlines.js';
import { ProblemException } from './problem.js';
import { Metrics, type CommandOutcome } from '../operations/metrics.js';

/**
 * Appends tried per command sent without If-Match before giving up with a 409: each lost race means
 * another command was appended meanwhile, so 20 people writing at once all get through.
 */
const MAX_ATTEMPTS = 12;

/** Full jitter, growing with the attempt (5 ms, 10 ms… capped at 150 ms), so losers do not collide again. */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(150, 5 * 2 ** (attempt - 1))));

export interface DecisionRequest<C, S = unknown> {
  /** Id answered to the caller (the aggregate's id). */
  id: string;
  streamId: string;
  command: C;
  actor: Actor;
  options: CommandOptions;
  /** Defaults to the id derived from the Idempotency-Key, or a random one. */
  commandId?: string;
  /**
   * Without If-Match, a command that lost a race is decided again on the fresh state (default);
   * false refuses it with a 409 instead. With If-Match, the 409 always stays.
   */
  redecideOnConflict?: boolean;
  /** Runs on the folded state before anything else: e.g. a 404 for whoever may not know the aggregate exists. */
  guard?: (state: S) => void;
  /** What a person calls the thing, for the 409 message: « Ce projet » (default), « L’espace de la commune »… */
  subject?: { title: string; name: string };
}

const PROJECT_SUBJECT = { title: 'Ce projet a été modifié entre-temps', name: 'le projet' };

/**
 * The one path every command takes: read the stream, fold it, run the pure decider, append with
 * the revision that was read. Idempotency: the command id (from Idempotency-Key, per actor) makes
 * event ids deterministic, and a command whose events are already in the stream answers what it
 * answered the first time (ADR 0002).
 */
@Injectable()
export class DeciderRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACCOUNT_STORE) private readonly keys: Pick<AccountStore, 'bindIdempotencyKey'>,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /** Id of the command: stable for a retried request carrying the same Idempotency-Key. */
  commandId(actor: Actor, options: CommandOptions): string {
    return options.idempotencyKey ? deterministicUuid(`command:${actor.id}:${options.idempotencyKey}`) : randomUUID();
  }

  /** The folded state of a stream and its version (number of events), for checks made before a command. */
  async state<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<{ state: S; version: number }> {
    const recorded = await this.events.readStream(streamId);
    return { state: recorded.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState()), version: recorded.length };
  }

  /** The events a command appended to a stream (none when it was never accepted there). */
  async recordedBy(streamId: string, commandId: string): Promise<RecordedEvent[]> {
    return (await this.events.readStream(streamId)).filter((e) => e.metadata.commandId === commandId);
  }

  async run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, request: DecisionRequest<C, S>): Promise<CommandAccepted> {
    if (!this.metrics) return this.decideAndAppend(decider, request);
    const started = performance.now();
    const type = String((request.command as { type?: unknown }).type ?? 'unknown');
    let outcome: CommandOutcome = 'failed';
    try {
      const result = await this.decideAndAppend(decider, request);
      outcome = 'accepted';
      return result;
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      this.metrics.command(type, outcome, (performance.now() - started) / 1000);
    }
  }

  private async decideAndAppend<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, request: DecisionRequest<C, S>): Promise<CommandAccepted> {
    const { id, streamId, command, actor, options } = request;
    const commandId = request.commandId ?? this.commandId(actor, options);
    if (options.idempotencyKey && options.requestHash) {
      // A key serves one request, whichever stream it went to: another method, path or body is refused (ADR 0020).
      const bound = await this.keys.bindIdempotencyKey(`${actor.id}:${options.idempotencyKey}`, options.requestHash, this.clock.now().toISOString());
      if (bound !== options.requestHash) throw keyReused();
    }
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.events.readStream(streamId);
      const already = recorded.filter((e) => e.metadata.commandId === commandId && e.metadata.actorId === actor.id);
      if (already.length > 0) {
        const first = already[0].metadata.requestHash;
        if (first !== undefined && options.requestHash !== undefined && first !== options.requestHash) throw keyReused();
        return accepted(id, already[already.length - 1]);
      }
      if (options.expectedVersion !== undefined && options.expectedVersion !== recorded.length) {
        throw staleVersion(request.subject ?? PROJECT_SUBJECT, options.expectedVersion, recorded.length);
      }
      const state = recorded.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
      request.guard?.(state);
      const now = this.clock.now();
      const decided = decider.decide(command, state, { actor, now, newId: (purpose) => deterministicUuid(`${commandId}:${purpose}`), fingerprint, placeInCommune });
      // A decision may be that nothing happens (the same vote again): nothing is appended, the caller learns where the stream is.
      if (decided.length === 0) return { id, version: recorded.length, position: recorded.length ? recorded[recorded.length - 1].position : 0 };
      const toAppend: NewEvent[] = decided.map((event, i) => ({
        id: deterministicUuid(`${commandId}:${streamId}:${i}`),
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: {
          actorId: actor.id,
          actorRole: actor.role,
          actorCommune: actor.communeInsee,
          correlationId: options.correlationId ?? commandId,
          causationId: commandId,
          commandId,
          ...(options.requestId ? { requestId: options.requestId } : {}),
          recordedAt: now.toISOString(),
          ...(options.idempotencyKey && options.requestHash ? { requestHash: options.requestHash } : {}),
        },
      }));
      try {
        const appendStarted = performance.now();
        const result = await this.events.appendToStream(streamId, toAppend, recorded.length === 0 ? 'no_stream' : recorded.length - 1);
        this.metrics?.append((performance.now() - appendStarted) / 1000, result.written);
        return { id, version: result.nextExpectedRevision + 1, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const redecide = options.expectedVersion === undefined && request.redecideOnConflict !== false && attempt < MAX_ATTEMPTS;
        if (!redecide) throw staleVersion(request.subject ?? PROJECT_SUBJECT, recorded.length, typeof error.actual === 'number' ? error.actual + 1 : 0);
        await backoff(attempt);
      }
    }
  }
}

/** A 409 is a concurrent edit; other 4xx and business rules are refusals; anything else failed. */
function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof ProblemException) return error.getStatus() === 409 ? 'conflict' : error.getStatus() < 500 ? 'refused' : 'failed';
  if (error instanceof DomainError) return error.kind === 'conflict' ? 'conflict' : 'refused';
  return 'failed';
}

function accepted(id: string, last: RecordedEvent): CommandAccepted {
  return { id, version: last.revision + 1, position: last.position };
}

/** The Idempotency-Key draft's answer to a key sent again with another request. */
function keyReused(): ProblemException {
  return new ProblemException(
    422,
    'idempotency_key_reused',
    'Cette clé d’idempotence a déjà servi pour une autre requête',
    'Une clé Idempotency-Key ne vaut que pour une seule requête (même méthode, même adresse, même contenu). Envoyez cette requête avec une nouvelle clé.',
    [{ field: 'Idempotency-Key', message: 'Cette clé a déjà servi pour une autre requête : utilisez une nouvelle clé.' }],
  );
}

/** The 409 of a command sent with a project version that is no longer the current one. */
export const staleProjectVersion = (expected: number, actual: number): ProblemException => staleVersion(PROJECT_SUBJECT, expected, actual);

function staleVersion(subject: { title: string; name: string }, expected: number, actual: number): ProblemException {
  return new ProblemException(
    409,
    'concurrent_modification',
    subject.title,
    `Vous avez travaillé sur la version ${expected}, ${subject.name} en est à la version ${actual}. Rechargez la page, vérifiez, puis recommencez.`,
    undefined,
    { ETag: `"${actual}"` },
  );
}
