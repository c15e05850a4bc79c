import { Inject, Injectable } from '@nestjs/common';
import type { Account, AccountStore } from '@carnet/account-store';
import { projectEventPath, type EmailMode, type NotificationItem } from '@carnet/contracts';
import { isCommuneRole, type Actor } from '@carnet/domain';
import type { ReadModelSet } from '@carnet/read-store';
import { CommuneCatalog } from '../communes/commune-catalog.js';
import type { MembershipDoc } from '../communes/projections/membership.projection.js';
import { SeatDirectory } from '../communes/seat-directory.js';
import { ACCOUNT_STORE } from '../infrastructure/tokens.js';
import type { ProjectPartnerDoc } from '../projects/projections/project-partner.projection.js';
import { actorOf } from '../shared/actor-of.js';
import { PeopleDirectory } from '../shared/people-directory.js';
import { ReadModels } from '../shared/read-models.js';
import { canFollow, followsByDefault, receives, type NotificationEntry, type Recipient } from './notification-rules.js';
import { defaultEmailMode, notificationText } from './notification-texts.js';
import type { NotificationFeedDoc } from './projections/notification-feed.projection.js';

/** How many of the most recently active projects a Département inbox looks at. */
const STAFF_FEEDS = 50;
/** How many notifications an inbox shows. */
export const INBOX_LIMIT = 100;

const FEEDS = 'notification_feeds';

export interface Delivered {
  feed: NotificationFeedDoc;
  entry: NotificationEntry;
  read: boolean;
}

/**
 * Notifications as a person sees them: the feeds of the projects they may follow, filtered by the
 * rules of `notification-rules.ts`, with their reading state and e-mail mode from the account store.
 */
@Injectable()
export class NotificationCenter {
  constructor(
    private readonly readModels: ReadModels,
    private readonly seats: SeatDirectory,
    private readonly communes: CommuneCatalog,
    private readonly people: PeopleDirectory,
    @Inject(ACCOUNT_STORE) private readonly accounts: AccountStore,
  ) {}

  /** The actor an account is now (its seat for a commune account). */
  async actorOfAccount(account: Account): Promise<Actor> {
    return actorOf(account, account.kind === 'commune' ? await this.seats.seatOf(account.id) : null, this.communes.departement);
  }

  async emailModeOf(actor: Actor): Promise<{ emailMode: EmailMode; defaultEmailMode: EmailMode }> {
    const settings = await this.accounts.getNotificationSettings(actor.id);
    const fallback = defaultEmailMode(actor.role);
    return { emailMode: settings.emailMode ?? fallback, defaultEmailMode: fallback };
  }

  async feed(projectId: string, set?: ReadModelSet): Promise<NotificationFeedDoc | null> {
    return (set ?? (await this.readModels.current())).get<NotificationFeedDoc>(FEEDS, projectId);
  }

  /** The feeds that may hold notifications for this person. */
  private async feedsFor(actor: Actor, follows: Map<string, boolean>, set: ReadModelSet): Promise<NotificationFeedDoc[]> {
    const found = new Map<string, NotificationFeedDoc>();
    const add = (docs: Iterable<NotificationFeedDoc>) => {
      for (const d of docs) found.set(d.projectId, d);
    };
    if (isCommuneRole(actor.role) && actor.communeInsee) add(await set.find<NotificationFeedDoc>(FEEDS, { where: { codeInsee: actor.communeInsee } }));
    else if (actor.role === 'partner_member' && actor.organisationId) {
      const involved = await set.find<ProjectPartnerDoc>('project_partners', { where: { organisationId: actor.organisationId } });
      add((await set.getMany<NotificationFeedDoc>(FEEDS, involved.map((p) => p.projectId))).values());
    } else if (actor.role === 'departement_agent' || actor.role === 'departement_admin' || actor.role === 'auditor') {
      // Their Département's projects only: a log may hold other Départements' communes (issue #17).
      const codeInsee = actor.departement ? this.communes.codesOf(actor.departement) : [];
      add(await set.find<NotificationFeedDoc>(FEEDS, { where: { codeInsee }, orderBy: [{ field: 'staffPosition', direction: 'desc' }], limit: STAFF_FEEDS }));
    }
    const followed = [...follows].filter(([id, on]) => on && !found.has(id)).map(([id]) => id);
    if (followed.length > 0) add((await set.getMany<NotificationFeedDoc>(FEEDS, followed)).values());
    return [...found.values()];
  }

  /** This person's notifications, newest first. */
  async delivered(actor: Actor, options: { afterPosition?: number; limit?: number } = {}): Promise<Delivered[]> {
    const set = await this.readModels.current();
    const [follows, settings, readIds, teams] = await Promise.all([
      this.accounts.followsOf(actor.id),
      this.accounts.getNotificationSettings(actor.id),
      this.accounts.readNotificationIds(actor.id),
      actor.role === 'departement_agent' ? this.accounts.getTeams(actor.id) : Promise.resolve([]),
    ]);
    const arrival = await this.arrivalOf(actor, set);
    const out: Delivered[] = [];
    for (const feed of await this.feedsFor(actor, follows, set)) {
      const recipient = recipientOf(actor, follows.get(feed.projectId), teams);
      for (const entry of feed.entries) {
        if (entry.position <= (options.afterPosition ?? 0) || !receives(recipient, feed, entry)) continue;
        out.push({ feed, entry, read: entry.position <= settings.readUpTo || readIds.has(entry.id) || isBefore(entry, arrival) });
      }
    }
    out.sort((a, b) => b.entry.position - a.entry.position);
    return out.slice(0, options.limit ?? INBOX_LIMIT);
  }

  /**
   * When a person arrived: a commune member when they took their seat, anyone else when their
   * account was created. What happened before is in their inbox as already read: a newcomer does not
   * start with dozens of unread notifications about the past.
   */
  private async arrivalOf(actor: Actor, set: ReadModelSet): Promise<Arrival> {
    if (isCommuneRole(actor.role)) {
      const membership = await set.get<MembershipDoc>('memberships', actor.id);
      return { position: membership?.sincePosition ?? null, at: membership?.since ?? null };
    }
    return { position: null, at: (await this.accounts.getAccount(actor.id))?.createdAt ?? null };
  }

  /** The inbox items, with names and commune names resolved now. */
  async items(actor: Actor, delivered: Delivered[]): Promise<NotificationItem[]> {
    const view = await this.people.viewer(delivered.map((d) => d.entry.actorId));
    return delivered.map(({ feed, entry, read }) => ({
      id: entry.id,
      position: entry.position,
      at: entry.at,
      projectId: feed.projectId,
      projectTitle: feed.title,
      communeName: this.communes.nameOf(feed.codeInsee),
      text: notificationText(entry, view(entry.actorId, entry.actorRole).name, actor.id, actor.role),
      link: projectEventPath(feed.projectId, entry.type, entry.questionId),
      read,
    }));
  }

  /** The people who get `entry` now, among everyone who might. */
  async recipientsOf(feed: NotificationFeedDoc, entry: NotificationEntry): Promise<Array<{ account: Account; actor: Actor }>> {
    const explicit = await this.accounts.followersOf(feed.projectId);
    const seats = await this.seats.seatsOf(feed.codeInsee);
    const ids = new Set<string>([...explicit.keys(), ...entry.audience.accountIds, ...feed.handlers, ...seats.collaborators]);
    if (seats.mayor) ids.add(seats.mayor);
    const candidates = [...(await this.accounts.getAccounts([...ids])).values()];
    if (entry.audience.agents) candidates.push(...(await this.accounts.listAccounts({ kind: 'departement_agent' })));
    for (const organisationId of entry.audience.partnerOrganisations) candidates.push(...(await this.accounts.listAccounts({ kind: 'partner_member', organisationId })));
    const out = new Map<string, { account: Account; actor: Actor }>();
    const teams = entry.audience.agents ? new Map((await this.accounts.listTeams()).map((m) => [m.accountId, m.teams])) : new Map<string, string[]>();
    for (const account of candidates) {
      if (out.has(account.id) || account.status !== 'active') continue;
      const actor = await this.actorOfAccount(account);
      if (receives(recipientOf(actor, explicit.get(account.id), teams.get(account.id)), feed, entry)) out.set(account.id, { account, actor });
    }
    return [...out.values()];
  }

  /** Whether the person follows the project, and whether they would by default. */
  async followState(actor: Actor, feed: NotificationFeedDoc): Promise<{ following: boolean; byDefault: boolean }> {
    const choice = (await this.accounts.followsOf(actor.id)).get(feed.projectId);
    const recipient = recipientOf(actor, choice);
    const byDefault = followsByDefault(recipient, feed);
    return { following: canFollow(recipient, feed) && (choice ?? byDefault), byDefault };
  }
}

/** When a person arrived: the log position of their seat (commune members), or a date (accounts). */
interface Arrival {
  position: number | null;
  at: string | null;
}

const isBefore = (entry: NotificationEntry, arrival: Arrival): boolean =>
  arrival.position !== null ? entry.position < arrival.position : arrival.at !== null && Date.parse(entry.at) < Date.parse(arrival.at);

export function recipientOf(actor: Actor, follows: boolean | undefined, teams: readonly string[] = []): Recipient {
  return { accountId: actor.id, role: actor.role, communeInsee: actor.communeInsee, organisationId: actor.organisationId ?? null, departement: actor.departement ?? null, follows, teams };
}
