import { Inject, Injectable } from '@nestjs/common';
import type { AccountStore } from '@carnet/account-store';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProblemException } from '../shared/problem.js';
import { ACCOUNT_STORE } from './account-store.provider.js';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config.js';
import { accountThrottleKey } from './login-throttle.js';
import { Mailer } from './mailer.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordPolicy } from './password-policy.js';
import { newSecretToken, tokenHash } from './secret-token.js';

const HOUR = 3_600_000;

/** « Mot de passe oublié » : a one-hour, single-use link by e-mail. */
@Injectable()
export class PasswordResets {
  constructor(
    @Inject(ACCOUNT_STORE) private readonly store: AccountStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly mailer: Mailer,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
  ) {}

  /** Sends the link when an active account has this e-mail; says nothing either way (no account enumeration). */
  async request(email: string): Promise<void> {
    const account = await this.store.findAccountByEmail(email);
    if (!account || account.status !== 'active' || (account.demo && this.config.production)) return;
    const token = newSecretToken();
    const now = this.clock.now();
    await this.store.createPasswordReset({
      tokenHash: tokenHash(token),
      accountId: account.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + HOUR).toISOString(),
      usedAt: null,
    });
    await this.mailer.send({
      to: account.email,
      subject: 'Réinitialiser votre mot de passe — Carnet de projets',
      text: [
        `Bonjour ${account.displayName},`,
        '',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien :',
        `${this.config.publicUrl}/mot-de-passe/${token}`,
        '',
        'Ce lien est valable une heure et ne sert qu’une fois. Toutes vos sessions ouvertes seront fermées.',
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
        '',
        'Carnet de projets',
      ].join('\n'),
    });
  }

  /** Sets the new password, ends every session of the account and lifts its login lock. */
  async complete(token: string, password: string): Promise<void> {
    const hash = tokenHash(token);
    const reset = await this.store.findPasswordReset(hash);
    const account = reset ? await this.store.getAccount(reset.accountId) : null;
    if (!reset || reset.usedAt || !account || account.status !== 'active') {
      throw new ProblemException(404, 'reset_not_found', 'Ce lien n’existe pas ou a déjà servi.', 'Demandez un nouveau lien de réinitialisation.');
    }
    if (Date.parse(reset.expiresAt) <= this.clock.now().getTime()) {
      throw new ProblemException(410, 'reset_expired', 'Ce lien a expiré. Demandez-en un nouveau.');
    }
    const problems = this.policy.check(password, account.email);
    if (problems.length) {
      throw new ProblemException(400, 'validation', 'Certains champs sont invalides', problems.map((p) => p.message).join(' '), problems);
    }
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now().toISOString();
    if (!(await this.store.consumePasswordReset(hash, now))) {
      throw new ProblemException(404, 'reset_not_found', 'Ce lien n’existe pas ou a déjà servi.', 'Demandez un nouveau lien de réinitialisation.');
    }
    await this.store.updateAccount(account.id, { passwordHash, updatedAt: now });
    await this.store.deleteSessionsOf(account.id);
    await this.store.clearThrottle(accountThrottleKey(account.email));
  }
}
