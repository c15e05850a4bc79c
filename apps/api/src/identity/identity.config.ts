import type { AppConfig } from '../config.js';

/** Settings of accounts, sessions and e-mail, read from the environment (documented in the README). */
export interface IdentityConfig {
  /** Refuse demo accounts, mark cookies Secure. */
  production: boolean;
  secureCookies: boolean;
  /** Base of the links put in e-mails. */
  publicUrl: string;
  /** SMTP server (nodemailer URL); null → messages written to `outboxDir`. */
  smtpUrl: string | null;
  mailFrom: string;
  outboxDir: string;
}

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export function identityConfig(app: AppConfig, env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return {
    production: app.production,
    secureCookies: app.production || env.COOKIE_SECURE === 'true',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${app.port}`).replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Carnet de projets <ne-pas-repondre@carnet.invalid>',
    outboxDir: `${app.dataDir}/outbox`,
  };
}
