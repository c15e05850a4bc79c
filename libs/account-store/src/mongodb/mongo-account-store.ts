import { MongoClient, MongoServerError, type Collection, type Db, MongoBulkWriteError } from 'mongodb';
import {
  EmailTakenError,
  type Account,
  type EmailMode,
  type NotificationSettings,
  type AccountKind,
  type AccountStore,
  type Contact,
  type Invitation,
  type TeamMembership,
  type PasswordReset,
  type Session,
  type Throttle,
} from '../account-store.port.js';
import { emailKeyOf } from '../email-key.js';
import { release, reserve, type AttemptReservation, type ThrottleLimits } from '../throttle.js';

export interface MongoAccountStoreOptions {
  /** e.g. `mongodb://127.0.0.1:27018/` (FerretDB) or a MongoDB replica set. */
  url: string;
  dbName: string;
}

type AccountDoc = Omit<Account, 'id'> & { _id: string; emailKey: string };
type InvitationDoc = Omit<Invitation, 'id'> & { _id: string };
type ResetDoc = Omit<PasswordReset, 'tokenHash'> & { _id: string };
type SessionDoc = Omit<Session, 'idHash'> & { _id: string };
type ThrottleDoc = Omit<Throttle, 'key'> & { _id: string };
type ContactDoc = Omit<Contact, 'id'> & { _id: string };
type TeamDoc = { _id: string; teams: string[] };
/** `_id` = `invitation:<id>` or `reset:<tokenHash>`: whoever inserts it first used (or revoked) the token. */
type SettingsDoc = { _id: string; emailMode?: EmailMode | null; readUpTo?: number; lastDigestPosition?: number };
type ReadDoc = { _id: string; accountId: string; notificationId: string };
type FollowDoc = { _id: string; accountId: string; projectId: string; following: boolean; at: string };
type ClaimDoc = { _id: string; outcome: 'used' | 'revoked'; at: string };

const DUPLICATE_KEY = 11000;
// FerretDB 1.24 answers E11000 to a clashing insert but an InternalError naming SQLite's UNIQUE
// constraint to a clashing update.
const isDuplicateKey = (error: unknown) =>
  error instanceof MongoServerError && (error.code === DUPLICATE_KEY || /UNIQUE constraint failed/.test(error.message));

// An optional field written as undefined comes back as null from some servers: absent, as the port says.
const withoutNulls = <T extends object>(doc: T): T => Object.fromEntries(Object.entries(doc).filter(([k, v]) => v !== null || !OPTIONAL.has(k))) as T;
const OPTIONAL = new Set(['roleForm', 'departement']);

function toAccount({ _id, emailKey: _key, ...rest }: AccountDoc): Account {
  return withoutNulls({ id: _id, ...rest });
}
function toContact({ _id, ...rest }: ContactDoc): Contact {
  return withoutNulls({ id: _id, ...rest });
}
function toInvitation({ _id, ...rest }: InvitationDoc): Invitation {
  return withoutNulls({ id: _id, ...rest });
}

/**
 * Accounts in MongoDB or a MongoDB-wire server such as FerretDB 1.x, which has no transactions.
 * E-mail uniqueness is a unique index on `emailKey` (see `emailKeyOf`).
 *
 * A token works once. A conditional `updateOne({ _id, usedAt: null })` is not enough for that:
 * on FerretDB 1.24 (SQLite backend) two concurrent updates both match and both report a
 * modification (the contract suite's race test showed it). What every engine does atomically
 * is refuse a second insert of the same `_id`, so using or revoking a token first inserts a
 * claim `{ _id: 'invitation:<id>' }`; the loser gets a duplicate-key error. The conditional
 * update that records `usedAt`/`revokedAt` follows. A crash between the two leaves a token that
 * can no longer be used although it still looks pending: the safe direction.
 */
export class MongoAccountStore implements AccountStore {
  readonly engine = 'mongodb';
  readonly client: MongoClient;
  readonly db: Db;
  private readonly accounts: Collection<AccountDoc>;
  private readonly invitations: Collection<InvitationDoc>;
  private readonly resets: Collection<ResetDoc>;
  private readonly sessions: Collection<SessionDoc>;
  private readonly throttles: Collection<ThrottleDoc>;
  private readonly throttleLocks: Collection<{ _id: string; expiresAt: number }>;
  private readonly idempotencyKeys: Collection<{ _id: string; requestHash: string; at: string }>;
  private readonly claims: Collection<ClaimDoc>;
  private readonly notificationSettings: Collection<SettingsDoc>;
  private readonly notificationReads: Collection<ReadDoc>;
  private readonly notificationClaims: Collection<{ _id: string; at: string }>;
  private readonly follows: Collection<FollowDoc>;
  private readonly contacts: Collection<ContactDoc>;
  private readonly teams: Collection<TeamDoc>;

  private constructor(options: MongoAccountStoreOptions) {
    this.client = new MongoClient(options.url, { ignoreUndefined: true });
    this.db = this.client.db(options.dbName);
    this.accounts = this.db.collection('accounts');
    this.invitations = this.db.collection('invitations');
    this.resets = this.db.collection('password_resets');
    this.sessions = this.db.collection('sessions');
    this.throttles = this.db.collection('login_throttles');
    this.throttleLocks = this.db.collection('login_throttle_locks');
    this.idempotencyKeys = this.db.collection('idempotency_keys');
    this.claims = this.db.collection('token_claims');
    this.notificationSettings = this.db.collection('notification_settings');
    this.notificationReads = this.db.collection('notification_reads');
    this.notificationClaims = this.db.collection('notification_claims');
    this.follows = this.db.collection('follows');
    this.contacts = this.db.collection('contacts');
    this.teams = this.db.collection('agent_teams');
  }

  /** Connects and creates the indexes. */
  static async connect(options: MongoAccountStoreOptions): Promise<MongoAccountStore> {
    const store = new MongoAccountStore(options);
    await store.client.connect();
    await store.accounts.createIndex({ emailKey: 1 }, { unique: true, name: 'accounts_email_key' });
    await store.accounts.createIndex({ kind: 1 }, { name: 'accounts_kind' });
    await store.invitations.createIndex({ tokenHash: 1 }, { unique: true, name: 'invitations_token' });
    await store.invitations.createIndex({ communeInsee: 1 }, { name: 'invitations_commune' });
    await store.sessions.createIndex({ accountId: 1 }, { name: 'sessions_account' });
    await store.notificationReads.createIndex({ accountId: 1 }, { name: 'notification_reads_account' });
    await store.follows.createIndex({ accountId: 1 }, { name: 'follows_account' });
    await store.follows.createIndex({ projectId: 1 }, { name: 'follows_project' });
    await store.contacts.createIndex({ accountId: 1 }, { name: 'contacts_account' });
    return store;
  }

  // ---- accounts -------------------------------------------------------------------------------

  async createAccount(a: Account): Promise<void> {
    const { id, ...rest } = a;
    const email = a.email.toLowerCase();
    try {
      await this.accounts.insertOne({ _id: id, ...rest, email, emailKey: emailKeyOf(a) });
    } catch (error) {
      if (isDuplicateKey(error)) throw new EmailTakenError(email);
      throw error;
    }
  }

  async getAccount(id: string): Promise<Account | null> {
    const doc = await this.accounts.findOne({ _id: id });
    return doc ? toAccount(doc) : null;
  }

  async getAccounts(ids: string[]): Promise<Map<string, Account>> {
    const out = new Map<string, Account>();
    if (ids.length === 0) return out;
    for (const doc of await this.accounts.find({ _id: { $in: [...new Set(ids)] } }).toArray()) out.set(doc._id, toAccount(doc));
    return out;
  }

  async findAccountByEmail(email: string): Promise<Account | null> {
    const doc = await this.accounts.findOne({ emailKey: email.trim().toLowerCase() });
    return doc ? toAccount(doc) : null;
  }

  async listAccounts(filter: { kind?: AccountKind; organisationId?: string } = {}): Promise<Account[]> {
    const query: Record<string, unknown> = {};
    if (filter.kind) query.kind = filter.kind;
    if (filter.organisationId) query.organisationId = filter.organisationId;
    const docs = await this.accounts.find(query).toArray();
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    return docs.map(toAccount).sort((a, b) => collator.compare(a.displayName, b.displayName) || a.id.localeCompare(b.id));
  }

  async updateAccount(id: string, changes: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<void> {
    const current = await this.accounts.findOne({ _id: id });
    if (!current) return;
    const next = { ...toAccount(current), ...changes, id };
    const set: Record<string, unknown> = { ...changes, emailKey: emailKeyOf(next) };
    if (changes.email !== undefined) set.email = changes.email.toLowerCase();
    try {
      await this.accounts.updateOne({ _id: id }, { $set: set });
    } catch (error) {
      if (isDuplicateKey(error)) throw new EmailTakenError(String(changes.email ?? '').toLowerCase());
      throw error;
    }
  }

  // ---- invitations ----------------------------------------------------------------------------

  async createInvitation(i: Invitation): Promise<void> {
    const { id, ...rest } = i;
    await this.invitations.insertOne({ _id: id, ...rest, email: i.email.toLowerCase() });
  }

  async getInvitation(id: string): Promise<Invitation | null> {
    const doc = await this.invitations.findOne({ _id: id });
    return doc ? toInvitation(doc) : null;
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const doc = await this.invitations.findOne({ tokenHash });
    return doc ? toInvitation(doc) : null;
  }

  async listPendingInvitations(filter: { communeInsee?: string | null; kind?: AccountKind }, now: string): Promise<Invitation[]> {
    const query: Record<string, unknown> = { usedAt: null, revokedAt: null, expiresAt: { $gt: now } };
    // `{ communeInsee: null }` matches the invitations to no commune (the field is always written).
    if (filter.communeInsee !== undefined) query.communeInsee = filter.communeInsee;
    if (filter.kind) query.kind = filter.kind;
    const docs = await this.invitations.find(query).toArray();
    return docs.map(toInvitation).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async consumeInvitation(id: string, at: string): Promise<boolean> {
    const current = await this.invitations.findOne({ _id: id, usedAt: null, revokedAt: null });
    if (!current || !(await this.claim(`invitation:${id}`, 'used', at))) return false;
    const result = await this.invitations.updateOne({ _id: id, usedAt: null, revokedAt: null }, { $set: { usedAt: at } });
    return result.matchedCount === 1;
  }

  async revokeInvitation(id: string, at: string): Promise<boolean> {
    const current = await this.invitations.findOne({ _id: id, usedAt: null, revokedAt: null });
    if (!current || !(await this.claim(`invitation:${id}`, 'revoked', at))) return false;
    const result = await this.invitations.updateOne({ _id: id, usedAt: null, revokedAt: null }, { $set: { revokedAt: at } });
    return result.matchedCount === 1;
  }

  async eraseInvitationsTo(email: string, placeholder: { email: string; displayName: string }, at: string): Promise<number> {
    const key = email.toLowerCase();
    // Pending ones are revoked first (through the claim, as any revocation), then all are blanked.
    for (const pending of await this.invitations.find({ email: key, usedAt: null, revokedAt: null }).toArray()) await this.revokeInvitation(pending._id, at);
    const result = await this.invitations.updateMany({ email: key }, { $set: { email: placeholder.email.toLowerCase(), displayName: placeholder.displayName } });
    return result.modifiedCount;
  }

  /** True for the one caller that inserts the claim first. */
  private async claim(key: string, outcome: ClaimDoc['outcome'], at: string): Promise<boolean> {
    try {
      await this.claims.insertOne({ _id: key, outcome, at });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  // ---- password resets ------------------------------------------------------------------------

  async createPasswordReset(r: PasswordReset): Promise<void> {
    const { tokenHash, ...rest } = r;
    await this.resets.insertOne({ _id: tokenHash, ...rest });
  }

  async findPasswordReset(tokenHash: string): Promise<PasswordReset | null> {
    const doc = await this.resets.findOne({ _id: tokenHash });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { tokenHash: _id, ...rest };
  }

  async consumePasswordReset(tokenHash: string, at: string): Promise<boolean> {
    const current = await this.resets.findOne({ _id: tokenHash, usedAt: null });
    if (!current || !(await this.claim(`reset:${tokenHash}`, 'used', at))) return false;
    const result = await this.resets.updateOne({ _id: tokenHash, usedAt: null }, { $set: { usedAt: at } });
    return result.matchedCount === 1;
  }

  // ---- sessions -------------------------------------------------------------------------------

  async createSession(s: Session): Promise<void> {
    const { idHash, ...rest } = s;
    await this.sessions.insertOne({ _id: idHash, ...rest });
  }

  async getSession(idHash: string): Promise<Session | null> {
    const doc = await this.sessions.findOne({ _id: idHash });
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { idHash: _id, ...rest };
  }

  async touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.sessions.updateOne({ _id: idHash }, { $set: { lastSeenAt, expiresAt } });
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.sessions.deleteOne({ _id: idHash });
  }

  async deleteSessionsOf(accountId: string): Promise<number> {
    return (await this.sessions.deleteMany({ accountId })).deletedCount;
  }

  // ---- throttles ------------------------------------------------------------------------------

  async getThrottle(key: string): Promise<Throttle | null> {
    const doc = await this.throttles.findOne({ _id: key });
    if (!doc) return null;
    return { key: doc._id, failures: doc.failures, windowStartedAt: doc.windowStartedAt, lockedUntil: doc.lockedUntil };
  }

  async putThrottle(t: Throttle): Promise<void> {
    await this.throttles.replaceOne(
      { _id: t.key },
      { failures: t.failures, windowStartedAt: t.windowStartedAt, lockedUntil: t.lockedUntil },
      { upsert: true },
    );
  }

  async clearThrottle(key: string): Promise<void> {
    await this.throttles.deleteOne({ _id: key });
  }

  async reserveAttempt(key: string, now: Date, limits: ThrottleLimits): Promise<AttemptReservation> {
    return this.compareAndSet(key, (current) => {
      const reservation = reserve(current, key, now, limits);
      return { result: reservation, next: reservation.allowed ? reservation.throttle : null };
    });
  }

  async releaseAttempt(key: string): Promise<void> {
    await this.compareAndSet(key, (current) => ({ result: undefined, next: current ? release(current) : null }));
  }

  /**
   * Read, compute, write, holding a lock document on the key: inserting a document with a given
   * _id is atomic on MongoDB and FerretDB alike, while FerretDB's conditional updates are not (the
   * contract suite saw 23 of 50 parallel attempts get through with them). A lock left by a crashed
   * process expires after a few seconds.
   */
  private async compareAndSet<R>(key: string, step: (current: Throttle | null) => { result: R; next: Throttle | null }): Promise<R> {
    const lockId = `lock:${key}`;
    for (let attempt = 0; attempt < 2000; attempt++) {
      const now = Date.now();
      try {
        await this.throttleLocks.insertOne({ _id: lockId, expiresAt: now + 5_000 });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        await this.throttleLocks.deleteOne({ _id: lockId, expiresAt: { $lt: now } });
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
        continue;
      }
      try {
        const { result, next } = step(await this.getThrottle(key));
        if (next) await this.putThrottle(next);
        return result;
      } finally {
        await this.throttleLocks.deleteOne({ _id: lockId });
      }
    }
    throw new Error(`throttle ${key}: lock not obtained`);
  }

  // ---- notifications -------------------------------------------------------------------------

  async getNotificationSettings(accountId: string): Promise<NotificationSettings> {
    const doc = await this.notificationSettings.findOne({ _id: accountId });
    return { accountId, emailMode: doc?.emailMode ?? null, readUpTo: doc?.readUpTo ?? 0, lastDigestPosition: doc?.lastDigestPosition ?? 0 };
  }

  async setEmailMode(accountId: string, mode: EmailMode): Promise<void> {
    await this.notificationSettings.updateOne({ _id: accountId }, { $set: { emailMode: mode } }, { upsert: true });
  }

  async setLastDigestPosition(accountId: string, position: number): Promise<void> {
    await this.notificationSettings.updateOne({ _id: accountId }, { $set: { lastDigestPosition: position } }, { upsert: true });
  }

  async markNotificationsRead(accountId: string, notificationIds: string[]): Promise<void> {
    for (const notificationId of new Set(notificationIds)) {
      await this.notificationReads.updateOne({ _id: `${accountId}:${notificationId}` }, { $set: { accountId, notificationId } }, { upsert: true });
    }
  }

  async markAllNotificationsRead(accountId: string, position: number): Promise<void> {
    await this.notificationSettings.updateOne({ _id: accountId }, { $max: { readUpTo: position } }, { upsert: true });
    await this.notificationReads.deleteMany({ accountId });
  }

  async readNotificationIds(accountId: string): Promise<Set<string>> {
    const docs = await this.notificationReads.find({ accountId }).toArray();
    return new Set(docs.map((d) => d.notificationId));
  }

  /** Insert-once, like the token claims: the only write every MongoDB-wire engine makes atomic. */
  private async claimKey(key: string, at: string): Promise<boolean> {
    try {
      await this.notificationClaims.insertOne({ _id: key, at });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async bindIdempotencyKey(key: string, requestHash: string, at: string): Promise<string> {
    try {
      await this.idempotencyKeys.insertOne({ _id: key, requestHash, at });
      return requestHash;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await this.idempotencyKeys.findOne({ _id: key }))!.requestHash;
    }
  }

  async claimDigest(accountId: string, day: string, at: string): Promise<boolean> {
    return this.claimKey(`digest:${accountId}:${day}`, at);
  }

  async claimNotificationMails(claims: ReadonlyArray<{ accountId: string; notificationId: string }>, at: string): Promise<boolean[]> {
    if (claims.length === 0) return [];
    const keys = claims.map((c) => `mail:${c.accountId}:${c.notificationId}`);
    const got = keys.map(() => true);
    try {
      // Unordered: every insert is tried; a duplicate key (someone else's claim) fails alone.
      await this.notificationClaims.insertMany(keys.map((key) => ({ _id: key, at })), { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const failed = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      if (failed.some((e) => e.code !== 11000)) throw error;
      for (const e of failed) got[e.index] = false;
    }
    // The same key twice in one call: only its first occurrence is a claim.
    const seen = new Set<string>();
    return keys.map((key, i) => {
      if (seen.has(key)) return false;
      seen.add(key);
      return got[i];
    });
  }

  async setFollow(accountId: string, projectId: string, following: boolean, at: string): Promise<void> {
    await this.follows.updateOne({ _id: `${accountId}:${projectId}` }, { $set: { accountId, projectId, following, at } }, { upsert: true });
  }

  async followsOf(accountId: string): Promise<Map<string, boolean>> {
    const docs = await this.follows.find({ accountId }).toArray();
    return new Map(docs.map((d) => [d.projectId, d.following]));
  }

  async followersOf(projectId: string): Promise<Map<string, boolean>> {
    const docs = await this.follows.find({ projectId }).toArray();
    return new Map(docs.map((d) => [d.accountId, d.following]));
  }
  async forgetNotificationDataOf(accountId: string): Promise<void> {
    await this.follows.deleteMany({ accountId });
    await this.notificationReads.deleteMany({ accountId });
    await this.notificationSettings.deleteOne({ _id: accountId });
  }


  // ---- contacts -------------------------------------------------------------------------------

  async createContact({ id, ...rest }: Contact): Promise<void> {
    await this.contacts.insertOne({ _id: id, ...rest });
  }

  async getContact(id: string): Promise<Contact | null> {
    const doc = await this.contacts.findOne({ _id: id });
    return doc ? toContact(doc) : null;
  }

  async listContacts(): Promise<Contact[]> {
    const docs = await this.contacts.find({}).sort({ _id: 1 }).toArray();
    return docs.map(toContact);
  }

  async updateContact(id: string, changes: Partial<Omit<Contact, 'id' | 'createdAt'>>): Promise<void> {
    await this.contacts.updateOne({ _id: id }, { $set: changes });
  }

  async eraseContactsOf(accountId: string, placeholder: { name: string }, at: string): Promise<number> {
    const result = await this.contacts.updateMany(
      { accountId },
      { $set: { name: placeholder.name, email: null, phone: null, accountId: null, status: 'erased', updatedAt: at } },
    );
    return result.modifiedCount;
  }

  // ---- teams ----------------------------------------------------------------------------------

  async getTeams(accountId: string): Promise<string[]> {
    return (await this.teams.findOne({ _id: accountId }))?.teams ?? [];
  }

  async setTeams(accountId: string, teams: string[]): Promise<void> {
    if (teams.length === 0) await this.teams.deleteOne({ _id: accountId });
    else await this.teams.replaceOne({ _id: accountId }, { teams: [...new Set(teams)] }, { upsert: true });
  }

  async listTeams(): Promise<TeamMembership[]> {
    const docs = await this.teams.find({}).sort({ _id: 1 }).toArray();
    return docs.map((d) => ({ accountId: d._id, teams: d.teams }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
