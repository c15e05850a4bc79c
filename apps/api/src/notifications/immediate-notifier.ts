import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Account, AccountStore } from '@carnet/account-store';
import type { Actor } from '@carnet/domain';
import type { RecordedEvent } from '@carnet/event-store';
import type { ProjectionRunner } from '@carnet/read-store';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity/identity.config.js';
import { Mailer } from '../identity/mailer.js';
import { ACCOUNT_STORE, CLOCK, PROJECTION_RUNNER, type Clock } from '../infrastructure/tokens.js';
import { NotificationCenter } from './notification-center.js';
import { NOTIFICATION_RULES, type NotificationEntry } from './notification-rules.js';
import type { NotificationFeedDoc } from './projections/notification-feed.projection.js';
import { immediateMail } from './notification-mails.js';
import { settleWithin } from '../shared/settle-within.js';

/** Older events (catching up after a long stop, demo data written in the past) are not mailed one by one. */
const MAX_AGE_MS = 24 * 3_600_000;

/**
 * Mode « immediate »: one e-mail per notification, sent once the read models hold the event.
 * Each (person, notification) e-mail is claimed in the account store before it is sent, so that
 * two server instances never both send it (ADR 0012). At most once: a crash between the claim and
 * the sending loses that e-mail, never doubles it; the notification stays in the inbox.
 */
@Injectable()
export class ImmediateNotifier implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private unsubscribe: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly identity: IdentityConfig,
    private readonly center: NotificationCenter,
    private readonly mailer: Mailer,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.runner.observe((batch) => {
      const relevant = batch.filter((e) => NOTIFICATION_RULES[e.type]);
      if (relevant.length === 0) return;
      this.queue = this.queue.then(() => this.send(relevant)).catch((error: Error) => this.logger.error(`Courriels de notification non envoyés : ${error.message}`));
    });
  }

  /** Resolves once the e-mails of the batches seen so far are sent (tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async send(events: RecordedEvent[]): Promise<void> {
    const now = this.clock.now();
    // Who should get an e-mail for which notification, for the whole batch first: their claims are
    // then made in one write (one fsync for the batch, not one per e-mail — issue #15's profile).
    const due: Array<{ account: Account; actor: Actor; feed: NotificationFeedDoc; entry: NotificationEntry }> = [];
    for (const event of events) {
      if (now.getTime() - Date.parse(event.metadata.recordedAt) > MAX_AGE_MS) continue;
      const projectId = (event.data as { projectId?: string }).projectId;
      const feed = projectId ? await this.center.feed(projectId) : null;
      const entry = feed?.entries.find((e) => e.id === event.id);
      if (!feed || !entry) continue;
      for (const { account, actor } of await this.center.recipientsOf(feed, entry)) {
        if ((await this.center.emailModeOf(actor)).emailMode !== 'immediate') continue;
        due.push({ account, actor, feed, entry });
      }
    }
    const claimed = await this.accounts.claimNotificationMails(
      due.map((d) => ({ accountId: d.account.id, notificationId: d.entry.id })),
      now.toISOString(),
    );
    for (let i = 0; i < due.length; i++) {
      if (!claimed[i]) continue;
      const { account, actor, feed, entry } = due[i];
      const [item] = await this.center.items(actor, [{ feed, entry, read: false }]);
      await this.mailer.send(immediateMail(account.email, item, this.identity.publicUrl));
    }
  }

  /** Stops listening, then lets the e-mails already queued go out before the stores close (10 s at most). */
  async beforeApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if ((await settleWithin(this.queue)) === 'timed_out') this.logger.error('Arrêt : des courriels de notification en cours d’envoi sont abandonnés (serveur de courriel trop lent).');
  }
}
