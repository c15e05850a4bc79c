import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LogTamperedError, recordAnchor, type EventStore } from '@carnet/event-store';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { CLOCK, EVENT_STORE, type Clock } from './tokens.js';
import { settleWithin } from '../shared/settle-within.js';

/**
 * Records an audit anchor (one hash over the heads of every stream, ADR 0008) at a regular
 * interval, so that an exported anchor later proves nothing before it was rewritten. Only when
 * the log has grown since the last one; never at start-up (a restart must stay fast).
 */
@Injectable()
export class AnchorScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastAnchored = -1;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.anchorIntervalHours <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.anchorIntervalHours * 3_600_000);
    this.timer.unref();
  }

  /** Records an anchor now if the log grew since the last one; a tampered log is reported, not anchored. */
  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const head = await this.events.headPosition();
        if (head === this.lastAnchored) return;
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

  /** No new anchor; one being recorded is finished before the stores close. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if ((await settleWithin(this.running)) === 'timed_out') this.logger.error('Arrêt : l’ancre d’audit en cours n’a pas été attendue.');
  }
}
