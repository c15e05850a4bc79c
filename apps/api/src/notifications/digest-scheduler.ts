import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { AccountStore } from '@carnet/account-store';
import { frenchDate } from '@carnet/contracts';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity/identity.config.js';
import { Mailer } from '../identity/mailer.js';
import type { ProjectionRunner } from '@carnet/read-store';
import { ACCOUNT_STORE, CLOCK, PROJECTION_RUNNER, type Clock } from '../infrastructure/tokens.js';
import { ReadModels } from '../shared/read-models.js';
import { NotificationCenter } from './notification-center.js';
import { digestMail } from './notification-mails.js';
import { settleWithin } from '../shared/settle-within.js';

/** How often the server checks whether digests are due. */
const CHECK_EVERY_MS = 10 * 60_000;
/** A first digest (no previous one) covers the last day only, not a whole history. */
const FIRST_DIGEST_WINDOW_MS = 24 * 3_600_000;

/** The calendar day (YYYY-MM-DD), its French label and the hour in Europe/Paris. */
export function parisTime(date: Date): { day: string; hour: number; label: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const label = frenchDate(date);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), label };
}

/**
 * Mode « daily_digest »: from DIGEST_HOUR (Europe/Paris) on, each person who chose it gets ONE
 * e-mail a day with their unread notifications since the previous digest, grouped by project.
 * The day is claimed in the account store before anything is sent, so a restart or a second
 * server instance never sends a second digest the same day (ADR 0012).
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IDENTITY_CONFIG) private readonly identity: IdentityConfig,
    private readonly readModels: ReadModels,
    private readonly center: NotificationCenter,
    private readonly mailer: Mailer,
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'role'>,
  ) {}

  onApplicationBootstrap(): void {
    // Several processes on the same stores: the one that runs the projections sends the digests (ADR 0024);
    // the per-day claim still guarantees one digest a day if two ever tried.
    this.timer = setInterval(() => void (this.runner.role.role === 'standby' ? undefined : this.tick()), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Sends the digests that are due now; returns how many e-mails were sent. */
  tick(): Promise<number> {
    if (!this.running) this.running = this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    const now = this.clock.now();
    const { day, hour, label } = parisTime(now);
    if (hour < this.config.digestHour) return 0;
    const upTo = this.readModels.position;
    let sent = 0;
    for (const account of await this.accounts.listAccounts()) {
      if (account.status !== 'active') continue;
      try {
        const actor = await this.center.actorOfAccount(account);
        if ((await this.center.emailModeOf(actor)).emailMode !== 'daily_digest') continue;
        if (!(await this.accounts.claimDigest(account.id, day, now.toISOString()))) continue;
        const { lastDigestPosition } = await this.accounts.getNotificationSettings(account.id);
        const since = now.getTime() - FIRST_DIGEST_WINDOW_MS;
        const unread = (await this.center.delivered(actor, { afterPosition: lastDigestPosition })).filter(
          (d) => !d.read && d.entry.position <= upTo && (lastDigestPosition > 0 || Date.parse(d.entry.at) >= since),
        );
        await this.accounts.setLastDigestPosition(account.id, upTo);
        if (unread.length === 0) continue;
        await this.mailer.send(digestMail(account.email, await this.center.items(actor, unread), this.identity.publicUrl, label));
        sent += 1;
      } catch (error) {
        this.logger.error(`Récapitulatif non envoyé à ${account.id} : ${(error as Error).message}`);
      }
    }
    return sent;
  }

  /** No new round; a round under way finishes before the stores close. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if ((await settleWithin(this.running)) === 'timed_out') this.logger.error('Arrêt : la tournée des récapitulatifs en cours est interrompue (serveur de courriel trop lent).');
  }
}
