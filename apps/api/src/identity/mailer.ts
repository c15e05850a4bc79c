import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config.js';

export interface Mail {
  to: string;
  subject: string;
  /** Plain French text. */
  text: string;
}

/**
 * Sends e-mail through SMTP when `SMTP_URL` is set. Otherwise writes each message as a text file in
 * `DATA_DIR/outbox/` and logs where, so that invitations and password resets work on a laptop.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Courriel');
  private readonly transport: Transporter | null;

  constructor(@Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  async send(mail: Mail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
      return;
    }
    // Asynchronous: a burst of notification e-mails never holds the event loop (issue #15's profile).
    await mkdir(this.config.outboxDir, { recursive: true });
    const date = new Date();
    const file = join(this.config.outboxDir, `${date.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
    const encoded = `=?UTF-8?B?${Buffer.from(mail.subject, 'utf8').toString('base64')}?=`;
    const message = [
      `From: ${this.config.mailFrom}`,
      `To: ${mail.to}`,
      `Subject: ${encoded}`,
      `Date: ${date.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      mail.text,
      '',
    ].join('\r\n');
    await writeFile(file, message, 'utf8');
    // The link is for a laptop without SMTP; in production it may carry an invitation or reset token: never logged (ADR 0022).
    const link = this.config.production ? undefined : mail.text.match(/https?:\/\/\S+/)?.[0];
    this.logger.log(`Courriel écrit dans ${file}${link ? ` — lien : ${link}` : ''}`);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
