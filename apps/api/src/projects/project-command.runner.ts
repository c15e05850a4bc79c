import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CommandAccepted } from '@carnet/contracts';
import { projectDecider, projectStreamId, type Actor, type ProjectCommand, type ProjectEvent } from '@carnet/domain';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@carnet/event-store';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import type { CommandOptions } from '../shared/command-options.js';
import { deterministicUuid } from '../shared/deterministic-id.js';
import { ProblemException } from '../shared/problem.js';

/** Additive commands may be re-decided on fresh state after a concurrent write; edits may not. */
const SAFE_TO_REDECIDE = new Set<ProjectCommand['type']>(['AskQuestion', 'AnswerQuestion']);
const MAX_ATTEMPTS = 3;

/**
 * The one path every project command takes: read the stream, fold it, run the pure decider,
 * append with the revision that was read. Idempotency: the command id (from Idempotency-Key, per
 * actor) makes event ids deterministic, and a command whose events are already in the stream
 * answers what it answered the first time.
 */
@Injectable()
export class ProjectCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Id of the command: stable for a retried request carrying the same Idempotency-Key. */
  commandId(actor: Actor, options: CommandOptions): string {
    return options.idempotencyKey ? deterministicUuid(`command:${actor.id}:${options.idempotencyKey}`) : randomUUID();
  }

  async run(projectId: string, command: ProjectCommand, actor: Actor, options: CommandOptions, commandId = this.commandId(actor, options)): Promise<CommandAccepted> {
    const streamId = projectStreamId(projectId);
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.events.readStream(streamId);
      const already = recorded.filter((e) => e.metadata.commandId === commandId);
      if (already.length > 0) return accepted(projectId, recorded, already[already.length - 1]);
      if (options.expectedVersion !== undefined && options.expectedVersion !== recorded.length) {
        throw staleVersion(options.expectedVersion, recorded.length);
      }
      const state = recorded.reduce((s, e) => projectDecider.evolve(s, e as unknown as ProjectEvent), projectDecider.initialState());
      const now = this.clock.now();
      const decided = projectDecider.decide(command, state, {
        actor,
        now,
        newId: (purpose) => deterministicUuid(`${commandId}:${purpose}`),
      });
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
          recordedAt: now.toISOString(),
        },
      }));
      try {
        const result = await this.events.appendToStream(streamId, toAppend, recorded.length === 0 ? 'no_stream' : recorded.length - 1);
        return { id: projectId, version: result.nextExpectedRevision + 1, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const redecide = options.expectedVersion === undefined && SAFE_TO_REDECIDE.has(command.type) && attempt < MAX_ATTEMPTS;
        if (!redecide) throw staleVersion(recorded.length, typeof error.actual === 'number' ? error.actual + 1 : 0);
      }
    }
  }
}

function accepted(projectId: string, recorded: RecordedEvent[], last: RecordedEvent): CommandAccepted {
  return { id: projectId, version: last.revision + 1, position: last.position };
}

function staleVersion(expected: number, actual: number): ProblemException {
  return new ProblemException(
    409,
    'concurrent_modification',
    'Ce projet a été modifié entre-temps',
    `Vous avez travaillé sur la version ${expected}, le projet en est à la version ${actual}. Rechargez la page, vérifiez, puis recommencez.`,
    undefined,
    { ETag: `"${actual}"` },
  );
}
