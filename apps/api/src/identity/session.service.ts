import { Inject, Injectable } from '@nestjs/common';
import type { Account, AccountStore, Session } from '@carnet/account-store';
import type { CookieOptions, Request, Response } from 'express';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ACCOUNT_STORE } from './account-store.provider.js';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config.js';
import { newSecretToken, sameSecret, tokenHash } from './secret-token.js';

export const SESSION_COOKIE = 'carnet_session';
export const CSRF_COOKIE = 'carnet_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const HOUR = 3_600_000;
/** A session unused for 8 hours ends (a working day); one never outlives 30 days, however used. */
export const IDLE_TIMEOUT_MS = 8 * HOUR;
export const ABSOLUTE_TIMEOUT_MS = 30 * 24 * HOUR;
/** The sliding expiry is written at most once a minute: not one durable write per request. */
const TOUCH_EVERY_MS = 60_000;

interface Resolved {
  session: Session;
  account: Account;
}

/** Reads one cookie from the Cookie header (no dependency on a cookie middleware being installed first). */
export function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/**
 * Cookie sessions (ADR 0007). The browser holds an opaque random id; the store keeps only its
 * SHA-256, the account it belongs to and the CSRF token of the session.
 */
@Injectable()
export class SessionService {
  /** One lookup per request, however many guards and controllers ask. */
  private readonly resolved = new WeakMap<Request, Promise<Resolved | null>>();

  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** The account of a valid, unexpired session, or null (no cookie, expired, disabled or erased account). */
  async accountFor(request: Request): Promise<Account | null> {
    return (await this.resolve(request))?.account ?? null;
  }

  /** The CSRF token of the request's session, or null without a session. */
  async csrfTokenFor(request: Request): Promise<string | null> {
    return (await this.resolve(request))?.session.csrfToken ?? null;
  }

  /**
   * Opens a new session: always a fresh random id (a value sent by the client is never reused, so
   * a planted cookie gives nothing). Given the request, the session it carried ends. Returns the
   * CSRF token, also set as a readable cookie.
   */
  async start(res: Response, account: Account, replacing?: Request): Promise<string> {
    const previous = replacing ? cookieValue(replacing, SESSION_COOKIE) : null;
    if (previous) await this.store.deleteSession(tokenHash(previous));
    const id = newSecretToken();
    const csrfToken = newSecretToken();
    const now = this.clock.now();
    const session: Session = {
      idHash: tokenHash(id),
      accountId: account.id,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS).toISOString(),
    };
    await this.store.createSession(session);
    // No Max-Age: the cookies last while the browser is open; the server decides the expiry.
    res.cookie(SESSION_COOKIE, id, this.cookieOptions(true));
    res.cookie(CSRF_COOKIE, csrfToken, this.cookieOptions(false));
    return csrfToken;
  }

  /** Ends the request's session (if any) and clears both cookies. */
  async end(request: Request, res: Response): Promise<void> {
    const id = cookieValue(request, SESSION_COOKIE);
    if (id) await this.store.deleteSession(tokenHash(id));
    this.resolved.delete(request);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions(true));
    res.clearCookie(CSRF_COOKIE, this.cookieOptions(false));
  }

  /** Log out everywhere: every session of the account ends now. */
  async endAll(accountId: string): Promise<number> {
    return this.store.deleteSessionsOf(accountId);
  }

  /**
   * The CSRF rule for a state-changing request. With a session: the `X-CSRF-Token` header must
   * equal the session's token (double submit: a foreign site can make the browser send the cookie,
   * not read it). Without one (login, invitation, password reset): an `Origin` header, when
   * present, must be this site.
   */
  async csrfValid(request: Request): Promise<boolean> {
    const resolved = await this.resolve(request);
    if (resolved) {
      const header = request.header(CSRF_HEADER);
      return typeof header === 'string' && sameSecret(header, resolved.session.csrfToken);
    }
    return this.sameOrigin(request);
  }

  private sameOrigin(request: Request): boolean {
    const origin = request.header('origin');
    if (origin === undefined) return true;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false; // includes "null" (sandboxed frames, some redirects)
    }
    return host === request.header('host') || host === new URL(this.config.publicUrl).host;
  }

  private resolve(request: Request): Promise<Resolved | null> {
    let pending = this.resolved.get(request);
    if (!pending) {
      pending = this.lookup(request);
      this.resolved.set(request, pending);
    }
    return pending;
  }

  private async lookup(request: Request): Promise<Resolved | null> {
    const id = cookieValue(request, SESSION_COOKIE);
    if (!id) return null;
    const idHash = tokenHash(id);
    const session = await this.store.getSession(idHash);
    if (!session) return null;
    const now = this.clock.now().getTime();
    const hardLimit = Date.parse(session.createdAt) + ABSOLUTE_TIMEOUT_MS;
    if (Date.parse(session.expiresAt) <= now || hardLimit <= now) {
      await this.store.deleteSession(idHash);
      return null;
    }
    const account = await this.store.getAccount(session.accountId);
    if (!account || account.status !== 'active' || (account.demo && this.config.production)) return null;
    if (now - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      const expiresAt = new Date(Math.min(now + IDLE_TIMEOUT_MS, hardLimit)).toISOString();
      await this.store.touchSession(idHash, new Date(now).toISOString(), expiresAt);
    }
    return { session, account };
  }

  private cookieOptions(httpOnly: boolean): CookieOptions {
    return { httpOnly, sameSite: httpOnly ? 'lax' : 'strict', secure: this.config.secureCookies, path: '/' };
  }
}
