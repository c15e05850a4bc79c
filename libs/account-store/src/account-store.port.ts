import type { AttemptReservation, ThrottleLimits } from './throttle.js';

/**
 * The account store port: people and their credentials, kept OUT of the event log.
 *
 * Events carry user ids and roles only. Names, e-mail addresses, password hashes, invitation and
 * reset tokens, sessions and login throttling live here, in a mutable store, so that erasing a
 * person (GDPR) removes their personal data without rewriting the log (see ADR 0007).
 * Every token is stored as its SHA-256 hash, never in clear.
 */

/** What a person is on the platform. Commune seats (mayor, collaborator) are events on the commune stream, not here. */
export type AccountKind = 'commune' | 'departement_agent' | 'departement_admin' | 'partner_member' | 'auditor' | 'national_admin';

export interface Account {
  id: string;
  /** Lower-cased, unique among non-erased accounts. */
  email: string;
  displayName: string;
  /** argon2id PHC string; null until the person has chosen a password. */
  passwordHash: string | null;
  kind: AccountKind;
  /** Partner organisation (partner members only). */
  organisationId: string | null;
  status: 'active' | 'disabled' | 'erased';
  /** Demo accounts are refused at login when NODE_ENV=production. */
  demo: boolean;
  /** How the person wants their role written (« Administrateur » or « Administratrice »); absent until they choose. */
  roleForm?: 'masculine' | 'feminine';
  /**
   * The Département a staff member, partner member or auditor works for (95, 2A, 971…); absent: the
   * instance's home Département (accounts created before an instance served several). Commune
   * members' Département is their seat's commune's.
   */
  departement?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Invitation {
  id: string;
  /** SHA-256 (hex) of the single-use token sent by e-mail. */
  tokenHash: string;
  email: string;
  displayName: string;
  kind: AccountKind;
  /** For commune invitations: which commune and which seat. */
  communeInsee: string | null;
  seat: 'mayor' | 'collaborator' | null;
  organisationId: string | null;
  /** The Département the invited staff member, partner member or auditor will work for; absent: the home Département. */
  departement?: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  /** Set when accepted or revoked: a token works once. */
  usedAt: string | null;
  revokedAt: string | null;
}

export interface PasswordReset {
  tokenHash: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface Session {
  /** SHA-256 (hex) of the cookie value. */
  idHash: string;
  accountId: string;
  /** Double-submit CSRF token, also sent to the browser in a readable cookie. */
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Failed login attempts for one key (`account:<email>` or `ip:<address>`) within a window. */
export interface Throttle {
  key: string;
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

/** How a person wants to be told by e-mail: one e-mail per notification, one digest a day, or none. */
export type EmailMode = 'immediate' | 'daily_digest' | 'none';

/** A person's notification settings and reading state: user settings, not domain history (ADR 0012). */
export interface NotificationSettings {
  accountId: string;
  /** null: never chosen, the default of the person's role applies. */
  emailMode: EmailMode | null;
  /** Every notification up to this log position is read ("tout marquer comme lu"). */
  readUpTo: number;
  /** Log position the last daily digest covered (0: no digest yet). */
  lastDigestPosition: number;
}

/**
 * A contact of the directory (issue #4): a Département or partner person communes may call, by
 * theme and territory. Personal data, so it lives here and never in the event log: an answer's
 * event only carries the contact id.
 */
export interface Contact {
  id: string;
  name: string;
  /** What the person does: « Chargée des aides aux communes ». */
  jobTitle: string;
  /** Free text: « Département du Val-d’Oise — Service des aides », « CAUE 95 ». */
  organisation: string;
  email: string | null;
  phone: string | null;
  /** Project themes the person advises on (codes of PROJECT_THEMES). */
  themes: string[];
  /** INSEE codes of the communes covered; empty = the whole département. */
  communes: string[];
  /** The person's platform account, when they have one: their GDPR erasure blanks the contact too. */
  accountId: string | null;
  /** The Département whose directory lists the contact; absent: the instance's home Département (issue #17). */
  departement?: string;
  status: 'active' | 'archived' | 'erased';
  createdAt: string;
  updatedAt: string;
}

/** Département teams an agent belongs to (routing of questions): account ids only, kept with the accounts. */
export interface TeamMembership {
  accountId: string;
  teams: string[];
}

/** Raised when an e-mail address is already used by another account. */
export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`E-mail already used: ${email}`);
    this.name = 'EmailTakenError';
  }
}

/** The port every account-store adapter implements and passes the same contract suite for. */
export interface AccountStore {
  readonly engine: string;

  // Accounts
  /** Inserts; throws EmailTakenError when the (lower-cased) e-mail belongs to a non-erased account. */
  createAccount(account: Account): Promise<void>;
  getAccount(id: string): Promise<Account | null>;
  getAccounts(ids: string[]): Promise<Map<string, Account>>;
  findAccountByEmail(email: string): Promise<Account | null>;
  listAccounts(filter?: { kind?: AccountKind; organisationId?: string }): Promise<Account[]>;
  /** Partial update; `updatedAt` is set by the caller. Throws EmailTakenError on an e-mail clash. */
  updateAccount(id: string, changes: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<void>;

  // Invitations
  createInvitation(invitation: Invitation): Promise<void>;
  getInvitation(id: string): Promise<Invitation | null>;
  findInvitationByTokenHash(tokenHash: string): Promise<Invitation | null>;
  /**
   * Pending = not used, not revoked, not expired at `now`; oldest first. `communeInsee: null` keeps the
   * invitations to no commune (Département staff, auditors, partner members); omitted, any commune or none.
   */
  listPendingInvitations(filter: { communeInsee?: string | null; kind?: AccountKind }, now: string): Promise<Invitation[]>;
  /** Marks used atomically: false when it was already used or revoked (a token works once). */
  consumeInvitation(id: string, at: string): Promise<boolean>;
  /** Marks revoked atomically: false when it was already used or revoked (then nothing changes). */
  revokeInvitation(id: string, at: string): Promise<boolean>;
  /**
   * GDPR erasure: every invitation sent to this e-mail (any case) gets the placeholder e-mail and
   * name instead, and those still pending are revoked. Returns how many were blanked.
   */
  eraseInvitationsTo(email: string, placeholder: { email: string; displayName: string }, at: string): Promise<number>;

  // Password resets
  createPasswordReset(reset: PasswordReset): Promise<void>;
  findPasswordReset(tokenHash: string): Promise<PasswordReset | null>;
  /** Marks used atomically: false when already used. */
  consumePasswordReset(tokenHash: string, at: string): Promise<boolean>;

  // Sessions
  createSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | null>;
  touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Log out everywhere; returns how many sessions were removed. */
  deleteSessionsOf(accountId: string): Promise<number>;

  // Contacts directory
  createContact(contact: Contact): Promise<void>;
  getContact(id: string): Promise<Contact | null>;
  /** Every contact by id, archived and erased ones included (the directory is small: filtering and sorting by name are the caller's). */
  listContacts(): Promise<Contact[]>;
  /** Partial update; `updatedAt` is set by the caller. */
  updateContact(id: string, changes: Partial<Omit<Contact, 'id' | 'createdAt'>>): Promise<void>;
  /**
   * GDPR erasure: every contact linked to this account gets the placeholder name, no e-mail, no
   * phone, no account and the `erased` status. Returns how many were blanked.
   */
  eraseContactsOf(accountId: string, placeholder: { name: string }, at: string): Promise<number>;

  // Team membership of agents
  /** Teams of one account (empty when none). */
  getTeams(accountId: string): Promise<string[]>;
  /** Replaces the teams of one account (an empty list removes it from every team). */
  setTeams(accountId: string, teams: string[]): Promise<void>;
  /** Every account that belongs to at least one team. */
  listTeams(): Promise<TeamMembership[]>;

  // Login throttling
  getThrottle(key: string): Promise<Throttle | null>;
  putThrottle(throttle: Throttle): Promise<void>;
  clearThrottle(key: string): Promise<void>;
  /**
   * Counts one attempt on `key` atomically, BEFORE the password is checked, with the rule of
   * `reserve` (throttle.ts): N parallel attempts count N, and those beyond the limit are refused.
   */
  reserveAttempt(key: string, now: Date, limits: ThrottleLimits): Promise<AttemptReservation>;
  /** Gives back one reserved attempt atomically (see `release`); nothing when the key has no counter. */
  releaseAttempt(key: string): Promise<void>;

  // Idempotency keys (ADR 0020)
  /**
   * Binds `key` (already scoped to its sender, e.g. `<accountId>:<Idempotency-Key>`) to the hash of
   * the first request that carried it, atomically, and answers the hash it is bound to: equal to
   * `requestHash` for that request and its retries, another one when the key served another request.
   */
  bindIdempotencyKey(key: string, requestHash: string, at: string): Promise<string>;

  // Notifications (ADR 0012): preferences and reading state, kept out of the log
  /** The settings of an account; defaults (mode null, positions 0) when it never had any. */
  getNotificationSettings(accountId: string): Promise<NotificationSettings>;
  setEmailMode(accountId: string, mode: EmailMode): Promise<void>;
  markNotificationsRead(accountId: string, notificationIds: string[]): Promise<void>;
  /** Raises `readUpTo` to `position` (never lowers it) and forgets the single marks it covers. */
  markAllNotificationsRead(accountId: string, position: number): Promise<void>;
  /** Ids of notifications marked read one by one (above `readUpTo`). */
  readNotificationIds(accountId: string): Promise<Set<string>>;
  /** Claims the digest of `day` (YYYY-MM-DD) for an account, atomically: true for exactly one caller per account and day. */
  claimDigest(accountId: string, day: string, at: string): Promise<boolean>;
  setLastDigestPosition(accountId: string, position: number): Promise<void>;
  /**
   * Claims the immediate e-mails of notifications for accounts, each for exactly one caller, in one
   * durable write (a batch of notifications costs one fsync, not one per e-mail); answers, in order,
   * true for those this caller got.
   */
  claimNotificationMails(claims: ReadonlyArray<{ accountId: string; notificationId: string }>, at: string): Promise<boolean[]>;
  /** Records that a person follows (true) or stopped following (false) a project, overriding the default of their role. */
  setFollow(accountId: string, projectId: string, following: boolean, at: string): Promise<void>;
  /** The explicit follow choices of a person, by project. */
  followsOf(accountId: string): Promise<Map<string, boolean>>;
  /** The explicit follow choices made on a project, by account. */
  followersOf(projectId: string): Promise<Map<string, boolean>>;
  /** GDPR erasure: forgets a person's follow choices, notification settings and read marks. */
  forgetNotificationDataOf(accountId: string): Promise<void>;

  close(): Promise<void>;
}
