import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ANCHOR_STREAM, LogTamperedError, recordAnchor, type AnchorRecordedData, type EventStore, type RecordedEvent } from '@carnet/event-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import type { ProjectionRunner } from '@carnet/read-store';
import { CLOCK, EVENT_STORE, PROJECTION_RUNNER, type Clock } from './tokens.js';
import { settleWithin } from '../shared/settle-within.js';

/** How often the scheduler looks at the head of the log (a cheap read) to decide whether an anchor is due. */
const POLL_MS = 15_000;

/** The last anchor of the log, as the audit area shows it. */
export interface LatestAnchor extends AnchorRecordedData {
  /** Global position of the AnchorRecorded event itself. */
  eventPosition: number;
  recordedAt: string;
}

/**
 * Records an audit anchor (one hash over the heads of every stream, ADR 0008) at start-up, then
 * after every AUDIT_ANCHOR_EVERY_EVENTS events or AUDIT_ANCHOR_MINUTES minutes, whichever comes
 * first, and only when the log has grown since the last one (ADR 0020). A deletion at the end of a
 * stream made while the server was down, or between two anchors, is seen by the next verification.
 * The start-up anchor runs after the server is up, in the background: a restart stays fast (with
 * demo data, it waits for the demo, whose log is small, so that the demo starts sealed).
 */
@Injectable()
export class AnchorScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private startup: Promise<void> = Promise.resolve();
  /** Position of the last AnchorRecorded event (-1: not read yet), and when it was recorded. */
  private lastAnchored = -1;
  private lastAnchoredAt = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'role'>,
  ) {}

  onApplicationBootstrap(): void {
    const { atStartup, everyEvents, everyMinutes } = this.config.anchors;
    // With demo data, createApp records it once the demo is written (recordAtStartup), so that it seals the demo.
    if (atStartup && !this.config.demoData) this.startup = this.tick();
    if (everyEvents <= 0 && everyMinutes <= 0) return;
    this.timer = setInterval(() => void this.tickIfDue(), everyMinutes > 0 ? Math.min(POLL_MS, everyMinutes * 60_000) : POLL_MS);
    this.timer.unref();
  }

  /** The start-up anchor, recorded now: after the demo data, on a development server. */
  recordAtStartup(): Promise<void> {
    this.startup = this.tick();
    return this.startup;
  }

  /** Resolves once the start-up anchor is recorded (or found needless). */
  started(): Promise<void> {
    return this.startup;
  }

  /** Records an anchor when N events were appended, or M minutes went by with a grown log. */
  async tickIfDue(): Promise<void> {
    // Several instances on one log: the one that runs the projections records the anchors (ADR 0024).
    if (this.runner.role.role === 'standby') return;
    const { everyEvents, everyMinutes } = this.config.anchors;
    const [head, last] = await Promise.all([this.events.headPosition(), this.lastKnown()]);
    const grown = head - last.position;
    const byCount = everyEvents > 0 && grown >= everyEvents;
    const byTime = everyMinutes > 0 && grown > 0 && this.clock.now().getTime() - last.at >= everyMinutes * 60_000;
    if (byCount || byTime) await this.tick();
  }

  /** Records an anchor now if the log grew since the last one; a tampered log is reported, not anchored. */
  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const head = await this.events.headPosition();
        const last = await this.lastKnown();
        if (head === 0 || head === last.position) return;
        const commandId = randomUUID();
        const anchor = await recordAnchor(this.events, {
          actorId: 'system',
          actorRole: 'departement_admin',
          actorCommune: null,
          correlationId: commandId,
          causationId: commandId,
          commandId,
          recordedAt: this.clock.now().toISOString(),
        });
        this.lastAnchored = anchor.eventPosition;
        this.lastAnchoredAt = Date.parse(anchor.recordedAt);
        this.logger.log(`Ancre d’audit enregistrée : position ${anchor.position}, empreinte ${anchor.headsHash}`);
      } catch (error) {
        if (error instanceof LogTamperedError) this.logger.error(`Journal altéré, aucune ancre enregistrée : ${error.message}`);
        else this.logger.error(`Ancre d’audit non enregistrée : ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** The last anchor recorded in the log (by this server, another one, or `npm run audit:anchor`); null when none. */
  async latest(): Promise<LatestAnchor | null> {
    const anchors = await this.events.readStream(ANCHOR_STREAM);
    const last = anchors.at(-1);
    return last ? toLatest(last) : null;
  }

  private async lastKnown(): Promise<{ position: number; at: number }> {
    if (this.lastAnchored < 0) {
      // First look since start-up: the log itself says when it was last anchored.
      const latest = await this.latest();
      this.lastAnchored = latest?.eventPosition ?? 0;
      this.lastAnchoredAt = latest ? Date.parse(latest.recordedAt) : 0;
    }
    return { position: this.lastAnchored, at: this.lastAnchoredAt };
  }

  /** No new anchor; one being recorded is finished before the stores close. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if ((await settleWithin(this.running)) === 'timed_out') this.logger.error('Arrêt : l’ancre d’audit en cours n’a pas été attendue.');
  }
}

function toLatest(event: RecordedEvent): LatestAnchor {
  const data = event.data as AnchorRecordedData;
  return { position: data.position, streams: data.streams, headsHash: data.headsHash, eventPosition: event.position, recordedAt: event.metadata.recordedAt };
}
