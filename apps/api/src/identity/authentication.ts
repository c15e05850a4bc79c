import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Account, AccountStore, Throttle } from '@carnet/account-store';
import { Metrics } from '../operations/metrics.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProblemException } from '../shared/problem.js';
import { ACCOUNT_STORE } from './account-store.provider.js';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config.js';
import { ACCOUNT_LIMITS, IP_LIMITS, accountThrottleKey, ipThrottleKey, minutesText, retryAfterSeconds } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';

const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

/** Checks credentials with throttling per account and per IP address (ADR 0007). */
@Injectable()
export class Authentication {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly hasher: PasswordHasher,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /**
   * The account whose credentials these are; 401 (always the same answer) or 429 problems otherwise.
   * The attempt is counted atomically in the account store BEFORE the password is checked (ADR 0020):
   * 50 parallel guesses count 50, and only the first few are ever checked.
   */
  async check(email: string, password: string, ip: string): Promise<Account> {
    const accountKey = accountThrottleKey(email);
    const ipKey = ipThrottleKey(ip);
    const now = this.clock.now();
    const onAccount = await this.store.reserveAttempt(accountKey, now, ACCOUNT_LIMITS);
    if (!onAccount.allowed) {
      this.metrics?.loginThrottle('refused_locked');
      throw tooManyAttempts(onAccount.throttle, now);
    }
    const onAddress = await this.store.reserveAttempt(ipKey, now, IP_LIMITS);
    if (!onAddress.allowed) {
      this.metrics?.loginThrottle('refused_locked');
      throw tooManyAttempts(onAddress.throttle, now);
    }
    const account = await this.store.findAccountByEmail(email);
    // An unknown e-mail costs the same argon2 work as a wrong password: timing does not tell them apart.
    const valid = account ? await this.hasher.verify(account.passwordHash, password) : (await this.hasher.verifyDummy(password), false);
    const usable = valid && account!.status === 'active' && !(account!.demo && this.config.production);
    if (!usable) {
      // The attempt was counted before the check (reserveAttempt): this one is a failure that stays counted.
      this.metrics?.loginThrottle('failure_counted');
      throw new ProblemException(401, 'wrong_credentials', WRONG_CREDENTIALS);
    }
    // A success: the account starts again from 0, and the address only counts its failures.
    await Promise.all([this.store.clearThrottle(accountKey), this.store.releaseAttempt(ipKey)]);
    return account!;
  }
}

function tooManyAttempts(throttle: Throttle, now: Date): ProblemException {
  const wait = Math.max(1, retryAfterSeconds(throttle, now));
  return new ProblemException(
    429,
    'too_many_login_attempts',
    `Trop de tentatives de connexion. Réessayez dans ${minutesText(wait)}.`,
    'Par sécurité, la connexion est suspendue un moment après plusieurs erreurs. Vous pouvez aussi réinitialiser votre mot de passe.',
    undefined,
    { 'Retry-After': String(wait) },
  );
}
