import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.tokens';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. a notification's `List-Unsubscribe` (RFC 8058). */
  headers?: Record<string, string>;
}

/**
 * Sends mail through SMTP when SMTP_URL is set; otherwise writes each message as an `.eml` file in
 * DATA_DIR/outbox/ (and logs it), so a local user can open invitation links without a mail server.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transport!: Transporter;
  private outbox: string | undefined;
  private readonly from = 'Alliances <no-reply@alliances.local>';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) {
      this.transport = createTransport(this.config.smtpUrl);
    } else {
      this.outbox = join(this.config.dataDir, 'outbox');
      mkdirSync(this.outbox, { recursive: true });
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, ...mail });
    if (this.outbox) {
      const file = join(this.outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safe(mail.to)}.eml`);
      writeFileSync(file, (info as unknown as { message: Buffer }).message);
      this.logger.log(`Mail "${mail.subject}" to ${mail.to} written to ${file}`);
    } else {
      this.logger.log(`Mail "${mail.subject}" sent to ${mail.to}`);
    }
  }
}

const safe = (s: string): string => s.replace(/[^a-z0-9@._-]/gi, '_');
