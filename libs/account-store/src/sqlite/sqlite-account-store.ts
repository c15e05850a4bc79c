import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  kind: AccountKind;
  organisation_id: string | null;
  status: Account['status'];
  demo: number;
  role_form: 'masculine' | 'feminine' | null;
  departement: string | null;
  created_at: string;
  updated_at: string;
}

interface InvitationRow {
  id: string;
  token_hash: string;
  email: string;
  display_name: string;
  kind: AccountKind;
  commune_insee: string | null;
  seat: Invitation['seat'];
  organisation_id: string | null;
  departement: string | null;
  invited_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  kind: r.kind,
  organisationId: r.organisation_id,
  status: r.status,
  demo: r.demo === 1,
  ...(r.role_form ? { roleForm: r.role_form } : {}),
  ...(r.departement ? { departement: r.departement } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface ContactRow {
  id: string;
  name: string;
  job_title: string;
  organisation: string;
  email: string | null;
  phone: string | null;
  themes: string;
  communes: string;
  account_id: string | null;
  departement: string | null;
  status: Contact['status'];
  created_at: string;
  updated_at: string;
}

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  name: r.name,
  jobTitle: r.job_title,
  organisation: r.organisation,
  email: r.email,
  phone: r.phone,
  themes: JSON.parse(r.themes) as string[],
  communes: JSON.parse(r.communes) as string[],
  accountId: r.account_id,
  ...(r.departement ? { departement: r.departement } : {}),
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id,
  tokenHash: r.token_hash,
  email: r.email,
  displayName: r.display_name,
  kind: r.kind,
  communeInsee: r.commune_insee,
  seat: r.seat,
  organisationId: r.organisation_id,
  ...(r.departement ? { departement: r.departement } : {}),
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  revokedAt: r.revoked_at,
});

const ACCOUNT_COLUMNS: Record<keyof Omit<Account, 'id' | 'createdAt'>, string> = {
  email: 'email',
  displayName: 'display_name',
  passwordHash: 'password_hash',
  kind: 'kind',
  organisationId: 'organisation_id',
  status: 'status',
  demo: 'demo',
  roleForm: 'role_form',
  departement: 'departement',
  updatedAt: 'updated_at',
};

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Accounts in SQLite (`DATA_DIR/accounts.sqlite`). Unlike the read models, accounts cannot be
 * rebuilt from the event log: every commit is synced to disk (WAL + synchronous=FULL).
 * E-mail uniqueness is a unique index on `email_key`, the lower-cased address, or `erased:<id>`
 * once the account is erased so that an erased person never blocks the address.
 */
export class SqliteAccountStore implements AccountStore {
  readonly engine = 'sqlite';
  readonly db: Database.Database;

  /**
   * Statements prepared once per text and kept: preparing costs more than running, and the notification e-mails asked
   * for accounts, teams and settings preparing each query again (6 % of the projections process's time under load,
   * profiled, issue #15). Bounded, as a few texts are built (the columns an update sets).
   */
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      if (this.statements.size >= 256) this.statements.clear();
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS accounts (
        id TEXT PRIMARY KEY, email TEXT NOT NULL, email_key TEXT NOT NULL, display_name TEXT NOT NULL,
        password_hash TEXT, kind TEXT NOT NULL, organisation_id TEXT, status TEXT NOT NULL, demo INTEGER NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS accounts_email_key ON accounts (email_key);
      CREATE INDEX IF NOT EXISTS accounts_kind ON accounts (kind);
      CREATE TABLE IF NOT EXISTS invitations (
        id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, email TEXT NOT NULL, display_name TEXT NOT NULL,
        kind TEXT NOT NULL, commune_insee TEXT, seat TEXT, organisation_id TEXT, invited_by TEXT NOT NULL,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, revoked_at TEXT
      );
      CREATE INDEX IF NOT EXISTS invitations_commune ON invitations (commune_insee);
      CREATE TABLE IF NOT EXISTS password_resets (
        token_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS sessions (
        id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS sessions_account ON sessions (account_id);
      CREATE TABLE IF NOT EXISTS notification_settings (
        account_id TEXT PRIMARY KEY, email_mode TEXT, read_up_to INTEGER NOT NULL DEFAULT 0, last_digest_position INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS notification_reads (
        account_id TEXT NOT NULL, notification_id TEXT NOT NULL, PRIMARY KEY (account_id, notification_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS notification_claims (key TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS idempotency_keys (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS follows (
        account_id TEXT NOT NULL, project_id TEXT NOT NULL, following INTEGER NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (account_id, project_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS follows_project ON follows (project_id);
      CREATE TABLE IF NOT EXISTS contacts (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, job_title TEXT NOT NULL, organisation TEXT NOT NULL, email TEXT, phone TEXT,
        themes TEXT NOT NULL, communes TEXT NOT NULL, account_id TEXT, status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS contacts_account ON contacts (account_id);
      CREATE TABLE IF NOT EXISTS agent_teams (account_id TEXT PRIMARY KEY, teams TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS throttles (
        key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_started_at TEXT NOT NULL, locked_until TEXT
      ) WITHOUT ROWID;
    `);
    this.migrate();
  }

  /** Columns added after the first release: older files get them on open (SQLite has no ADD COLUMN IF NOT EXISTS). */
  private migrate(): void {
    const columns = new Set((this.sql('PRAGMA table_info(accounts)').all() as Array<{ name: string }>).map((c) => c.name));
    if (!columns.has('role_form')) this.db.exec('ALTER TABLE accounts ADD COLUMN role_form TEXT');
    if (!columns.has('departement')) this.db.exec('ALTER TABLE accounts ADD COLUMN departement TEXT');
    const invitationColumns = new Set((this.sql('PRAGMA table_info(invitations)').all() as Array<{ name: string }>).map((c) => c.name));
    if (!invitationColumns.has('departement')) this.db.exec('ALTER TABLE invitations ADD COLUMN departement TEXT');
    const contactColumns = new Set((this.sql('PRAGMA table_info(contacts)').all() as Array<{ name: string }>).map((c) => c.name));
    if (!contactColumns.has('departement')) this.db.exec('ALTER TABLE contacts ADD COLUMN departement TEXT');
  }

  // ---- accounts -------------------------------------------------------------------------------

  async createAccount(a: Account): Promise<void> {
    try {
      this.sql(
        `INSERT INTO accounts (id, email, email_key, display_name, password_hash, kind, organisation_id, status, demo, role_form, departement, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
        .run(a.id, a.email.toLowerCase(), emailKeyOf(a), a.displayName, a.passwordHash, a.kind, a.organisationId, a.status, a.demo ? 1 : 0, a.roleForm ?? null, a.departement ?? null, a.createdAt, a.updatedAt);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError(a.email.toLowerCase());
      throw error;
    }
  }

  async getAccount(id: string): Promise<Account | null> {
    const row = this.sql('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async getAccounts(ids: string[]): Promise<Map<string, Account>> {
    const out = new Map<string, Account>();
    if (ids.length === 0) return out;
    const rows = this.sql(`SELECT * FROM accounts WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...new Set(ids)])) as AccountRow[];
    for (const row of rows) out.set(row.id, toAccount(row));
    return out;
  }

  async findAccountByEmail(email: string): Promise<Account | null> {
    const row = this.sql('SELECT * FROM accounts WHERE email_key = ?').get(email.trim().toLowerCase()) as AccountRow | undefined;
    return row ? toAccount(row) : null;
  }

  async listAccounts(filter: { kind?: AccountKind; organisationId?: string } = {}): Promise<Account[]> {
    const rows = this.sql(
      `SELECT * FROM accounts WHERE (@kind IS NULL OR kind = @kind) AND (@org IS NULL OR organisation_id = @org)
       ORDER BY display_name COLLATE NOCASE, id`,
    )
      .all({ kind: filter.kind ?? null, org: filter.organisationId ?? null }) as AccountRow[];
    return rows.map(toAccount);
  }

  async updateAccount(id: string, changes: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<void> {
    const update = this.db.transaction(() => {
      const current = this.sql('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
      if (!current) return;
      const next = { ...toAccount(current), ...changes, id };
      next.email = next.email.toLowerCase();
      const sets: string[] = ['email_key = @email_key'];
      const params: Record<string, unknown> = { id, email_key: emailKeyOf(next) };
      for (const [field, column] of Object.entries(ACCOUNT_COLUMNS)) {
        if (!(field in changes)) continue;
        sets.push(`${column} = @${column}`);
        const value = next[field as keyof Account];
        params[column] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
      }
      this.sql(`UPDATE accounts SET ${sets.join(', ')} WHERE id = @id`).run(params);
    });
    try {
      update();
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError(String(changes.email ?? '').toLowerCase());
      throw error;
    }
  }

  // ---- invitations ----------------------------------------------------------------------------

  async createInvitation(i: Invitation): Promise<void> {
    this.sql(
      `INSERT INTO invitations (id, token_hash, email, display_name, kind, commune_insee, seat, organisation_id, departement, invited_by, created_at, expires_at, used_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
      .run(i.id, i.tokenHash, i.email.toLowerCase(), i.displayName, i.kind, i.communeInsee, i.seat, i.organisationId, i.departement ?? null, i.invitedBy, i.createdAt, i.expiresAt, i.usedAt, i.revokedAt);
  }

  async getInvitation(id: string): Promise<Invitation | null> {
    const row = this.sql('SELECT * FROM invitations WHERE id = ?').get(id) as InvitationRow | undefined;
    return row ? toInvitation(row) : null;
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const row = this.sql('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash) as InvitationRow | undefined;
    return row ? toInvitation(row) : null;
  }

  async listPendingInvitations(filter: { communeInsee?: string | null; kind?: AccountKind }, now: string): Promise<Invitation[]> {
    // `IS` compares NULL as a value: `communeInsee: null` keeps the invitations to no commune.
    const rows = this.sql(
      `SELECT * FROM invitations
       WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
         AND (@anyCommune = 1 OR commune_insee IS @commune) AND (@kind IS NULL OR kind = @kind)
       ORDER BY created_at, id`,
    )
      .all({
        now,
        anyCommune: filter.communeInsee === undefined ? 1 : 0,
        commune: filter.communeInsee ?? null,
        kind: filter.kind ?? null,
      }) as InvitationRow[];
    return rows.map(toInvitation);
  }

  async consumeInvitation(id: string, at: string): Promise<boolean> {
    const result = this.sql('UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL')
      .run(at, id);
    return result.changes === 1;
  }

  async revokeInvitation(id: string, at: string): Promise<boolean> {
    return this.sql('UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL').run(at, id).changes === 1;
  }

  async eraseInvitationsTo(email: string, placeholder: { email: string; displayName: string }, at: string): Promise<number> {
    return this.sql('UPDATE invitations SET email = ?, display_name = ?, revoked_at = COALESCE(revoked_at, CASE WHEN used_at IS NULL THEN ? END) WHERE email = ?')
      .run(placeholder.email.toLowerCase(), placeholder.displayName, at, email.toLowerCase()).changes;
  }

  // ---- password resets ------------------------------------------------------------------------

  async createPasswordReset(r: PasswordReset): Promise<void> {
    this.sql('INSERT INTO password_resets (token_hash, account_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.tokenHash, r.accountId, r.createdAt, r.expiresAt, r.usedAt);
  }

  async findPasswordReset(tokenHash: string): Promise<PasswordReset | null> {
    const row = this.sql('SELECT * FROM password_resets WHERE token_hash = ?').get(tokenHash) as
      | { token_hash: string; account_id: string; created_at: string; expires_at: string; used_at: string | null }
      | undefined;
    return row
      ? { tokenHash: row.token_hash, accountId: row.account_id, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at }
      : null;
  }

  async consumePasswordReset(tokenHash: string, at: string): Promise<boolean> {
    return this.sql('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(at, tokenHash).changes === 1;
  }

  // ---- sessions -------------------------------------------------------------------------------

  async createSession(s: Session): Promise<void> {
    this.sql('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.idHash, s.accountId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt);
  }

  async getSession(idHash: string): Promise<Session | null> {
    const row = this.sql('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
      | { id_hash: string; account_id: string; csrf_token: string; created_at: string; last_seen_at: string; expires_at: string }
      | undefined;
    return row
      ? { idHash: row.id_hash, accountId: row.account_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
      : null;
  }

  async touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    this.sql('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(lastSeenAt, expiresAt, idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.sql('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteSessionsOf(accountId: string): Promise<number> {
    return this.sql('DELETE FROM sessions WHERE account_id = ?').run(accountId).changes;
  }

  // ---- throttles ------------------------------------------------------------------------------

  async getThrottle(key: string): Promise<Throttle | null> {
    return this.readThrottle(key);
  }

  async putThrottle(t: Throttle): Promise<void> {
    this.writeThrottle(t);
  }

  async clearThrottle(key: string): Promise<void> {
    this.sql('DELETE FROM throttles WHERE key = ?').run(key);
  }

  async reserveAttempt(key: string, now: Date, limits: ThrottleLimits): Promise<AttemptReservation> {
    // IMMEDIATE: the write lock is taken before the read, so another connection cannot slip in between.
    return this.db
      .transaction(() => {
        const reservation = reserve(this.readThrottle(key), key, now, limits);
        if (reservation.allowed) this.writeThrottle(reservation.throttle);
        return reservation;
      })
      .immediate();
  }

  async releaseAttempt(key: string): Promise<void> {
    this.db
      .transaction(() => {
        const current = this.readThrottle(key);
        if (current) this.writeThrottle(release(current));
      })
      .immediate();
  }

  private readThrottle(key: string): Throttle | null {
    const row = this.sql('SELECT * FROM throttles WHERE key = ?').get(key) as
      | { key: string; failures: number; window_started_at: string; locked_until: string | null }
      | undefined;
    return row ? { key: row.key, failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until } : null;
  }

  private writeThrottle(t: Throttle): void {
    this.sql(
      `INSERT INTO throttles (key, failures, window_started_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
    )
      .run(t.key, t.failures, t.windowStartedAt, t.lockedUntil);
  }

  // ---- notifications -------------------------------------------------------------------------

  async getNotificationSettings(accountId: string): Promise<NotificationSettings> {
    const row = this.sql('SELECT * FROM notification_settings WHERE account_id = ?').get(accountId) as
      | { email_mode: EmailMode | null; read_up_to: number; last_digest_position: number }
      | undefined;
    return { accountId, emailMode: row?.email_mode ?? null, readUpTo: row?.read_up_to ?? 0, lastDigestPosition: row?.last_digest_position ?? 0 };
  }

  private upsertSetting(accountId: string, column: 'email_mode' | 'last_digest_position', value: string | number): void {
    this.sql(`INSERT INTO notification_settings (account_id, ${column}) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET ${column} = excluded.${column}`)
      .run(accountId, value);
  }

  async setEmailMode(accountId: string, mode: EmailMode): Promise<void> {
    this.upsertSetting(accountId, 'email_mode', mode);
  }

  async setLastDigestPosition(accountId: string, position: number): Promise<void> {
    this.upsertSetting(accountId, 'last_digest_position', position);
  }

  async markNotificationsRead(accountId: string, notificationIds: string[]): Promise<void> {
    const insert = this.sql('INSERT OR IGNORE INTO notification_reads (account_id, notification_id) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const id of notificationIds) insert.run(accountId, id);
    })();
  }

  async markAllNotificationsRead(accountId: string, position: number): Promise<void> {
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO notification_settings (account_id, read_up_to) VALUES (?, ?)
         ON CONFLICT (account_id) DO UPDATE SET read_up_to = MAX(read_up_to, excluded.read_up_to)`,
      )
        .run(accountId, position);
      this.sql('DELETE FROM notification_reads WHERE account_id = ?').run(accountId);
    })();
  }

  async readNotificationIds(accountId: string): Promise<Set<string>> {
    const rows = this.sql('SELECT notification_id FROM notification_reads WHERE account_id = ?').all(accountId) as Array<{ notification_id: string }>;
    return new Set(rows.map((r) => r.notification_id));
  }

  private claimKey(key: string, at: string): boolean {
    return this.sql('INSERT OR IGNORE INTO notification_claims (key, at) VALUES (?, ?)').run(key, at).changes === 1;
  }

  async bindIdempotencyKey(key: string, requestHash: string, at: string): Promise<string> {
    this.sql('INSERT OR IGNORE INTO idempotency_keys (key, request_hash, at) VALUES (?, ?, ?)').run(key, requestHash, at);
    return (this.sql('SELECT request_hash FROM idempotency_keys WHERE key = ?').get(key) as { request_hash: string }).request_hash;
  }

  async claimDigest(accountId: string, day: string, at: string): Promise<boolean> {
    return this.claimKey(`digest:${accountId}:${day}`, at);
  }

  async claimNotificationMails(claims: ReadonlyArray<{ accountId: string; notificationId: string }>, at: string): Promise<boolean[]> {
    if (claims.length === 0) return [];
    const insert = this.sql('INSERT OR IGNORE INTO notification_claims (key, at) VALUES (?, ?)');
    // One transaction: one fsync for the whole batch.
    return this.db.transaction(() => claims.map((c) => insert.run(`mail:${c.accountId}:${c.notificationId}`, at).changes === 1)).immediate();
  }

  async setFollow(accountId: string, projectId: string, following: boolean, at: string): Promise<void> {
    this.sql(
      `INSERT INTO follows (account_id, project_id, following, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, project_id) DO UPDATE SET following = excluded.following, at = excluded.at`,
    )
      .run(accountId, projectId, following ? 1 : 0, at);
  }

  async followsOf(accountId: string): Promise<Map<string, boolean>> {
    const rows = this.sql('SELECT project_id, following FROM follows WHERE account_id = ?').all(accountId) as Array<{ project_id: string; following: number }>;
    return new Map(rows.map((r) => [r.project_id, r.following === 1]));
  }

  async followersOf(projectId: string): Promise<Map<string, boolean>> {
    const rows = this.sql('SELECT account_id, following FROM follows WHERE project_id = ?').all(projectId) as Array<{ account_id: string; following: number }>;
    return new Map(rows.map((r) => [r.account_id, r.following === 1]));
  }
  async forgetNotificationDataOf(accountId: string): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['follows', 'notification_settings', 'notification_reads']) this.sql(`DELETE FROM ${table} WHERE account_id = ?`).run(accountId);
    })();
  }


  // ---- contacts -------------------------------------------------------------------------------

  async createContact(c: Contact): Promise<void> {
    this.sql(
      `INSERT INTO contacts (id, name, job_title, organisation, email, phone, themes, communes, account_id, departement, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
      .run(c.id, c.name, c.jobTitle, c.organisation, c.email, c.phone, JSON.stringify(c.themes), JSON.stringify(c.communes), c.accountId, c.departement ?? null, c.status, c.createdAt, c.updatedAt);
  }

  async getContact(id: string): Promise<Contact | null> {
    const row = this.sql('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
    return row ? toContact(row) : null;
  }

  async listContacts(): Promise<Contact[]> {
    return (this.sql('SELECT * FROM contacts ORDER BY id').all() as ContactRow[]).map(toContact);
  }

  async updateContact(id: string, changes: Partial<Omit<Contact, 'id' | 'createdAt'>>): Promise<void> {
    const current = await this.getContact(id);
    if (!current) return;
    const c = { ...current, ...changes };
    this.sql(
      `UPDATE contacts SET name = ?, job_title = ?, organisation = ?, email = ?, phone = ?, themes = ?, communes = ?, account_id = ?, status = ?, updated_at = ?
       WHERE id = ?`,
    )
      .run(c.name, c.jobTitle, c.organisation, c.email, c.phone, JSON.stringify(c.themes), JSON.stringify(c.communes), c.accountId, c.status, c.updatedAt, id);
  }

  async eraseContactsOf(accountId: string, placeholder: { name: string }, at: string): Promise<number> {
    return this.sql(
      `UPDATE contacts SET name = ?, email = NULL, phone = NULL, account_id = NULL, status = 'erased', updated_at = ? WHERE account_id = ?`,
    )
      .run(placeholder.name, at, accountId).changes;
  }

  // ---- teams ----------------------------------------------------------------------------------

  async getTeams(accountId: string): Promise<string[]> {
    const row = this.sql('SELECT teams FROM agent_teams WHERE account_id = ?').get(accountId) as { teams: string } | undefined;
    return row ? (JSON.parse(row.teams) as string[]) : [];
  }

  async setTeams(accountId: string, teams: string[]): Promise<void> {
    if (teams.length === 0) this.sql('DELETE FROM agent_teams WHERE account_id = ?').run(accountId);
    else this.sql('INSERT INTO agent_teams (account_id, teams) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET teams = excluded.teams').run(accountId, JSON.stringify([...new Set(teams)]));
  }

  async listTeams(): Promise<TeamMembership[]> {
    const rows = this.sql('SELECT account_id, teams FROM agent_teams ORDER BY account_id').all() as Array<{ account_id: string; teams: string }>;
    return rows.map((r) => ({ accountId: r.account_id, teams: JSON.parse(r.teams) as string[] }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
