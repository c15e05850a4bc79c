import { Inject, Injectable, Optional } from '@nestjs/common';
import { Metrics } from '../operations/metrics.js';
import type { Account, AccountStore } from '@carnet/account-store';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProblemException } from '../shared/problem.js';
import { ACCOUNT_STORE } from './account-store.provider.js';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config.js';
import { ACCOUNT_LIMITS, IP_LIMITS, accountThrottleKey, ipThrottleKey, minutesText, recordFailure, retryAfterSeconds } from './login-throttle.js';
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

  /** The account whose credentials these are; 401 (always the same answer) or 429 problems otherwise. */
  async check(email: string, password: string, ip: string): Promise<Account> {
    const accountKey = accountThrottleKey(email);
    const ipKey = ipThrottleKey(ip);
    const now = this.clock.now();
    const [accountThrottle, ipThrottle] = await Promise.all([this.store.getThrottle(accountKey), this.store.getThrottle(ipKey)]);
    const wait = Math.max(retryAfterSeconds(accountThrottle, now), retryAfterSeconds(ipThrottle, now));
    if (wait > 0) {
      this.metrics?.loginThrottle('refused_locked');
      throw new ProblemException(
        429,
        'too_many_login_attempts',
        `Trop de tentatives de connexion. Réessayez dans ${minutesText(wait)}.`,
        'Par sécurité, la connexion est suspendue un moment après plusieurs erreurs. Vous pouvez aussi réinitialiser votre mot de passe.',
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    const account = await this.store.findAccountByEmail(email);
    // An unknown e-mail costs the same argon2 work as a wrong password: timing does not tell them apart.
    const valid = account ? await this.hasher.verify(account.passwordHash, password) : (await this.hasher.verifyDummy(password), false);
    const usable = valid && account!.status === 'active' && !(account!.demo && this.config.production);
    if (!usable) {
      // Throttles are read-modify-write without a lock: a burst of parallel attempts may count a few
      // failures short, which a limit of 5 or 30 tolerates.
      this.metrics?.loginThrottle('failure_counted');
      await Promise.all([
        this.store.putThrottle(recordFailure(accountThrottle, accountKey, now, ACCOUNT_LIMITS)),
        this.store.putThrottle(recordFailure(ipThrottle, ipKey, now, IP_LIMITS)),
      ]);
      throw new ProblemException(401, 'wrong_credentials', WRONG_CREDENTIALS);
    }
    await this.store.clearThrottle(accountKey);
    return account!;
  }
}
