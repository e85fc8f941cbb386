import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { smtpFailure } from './smtp-failure';
import { smtpTransportOptions } from './smtp-transport-options';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends over one pooled SMTP transport; a server that was down is simply reconnected on the next mail. */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(env: NotificationsEnvironment) {
    this.transport = createTransport(smtpTransportOptions(env.SMTP_URL, env.SMTP_ALLOW_PLAINTEXT), { from: env.MAIL_FROM });
  }

  /**
   * Resolves once the SMTP server accepted the mail; rejects with smtpFailure's verdict otherwise.
   * `notificationId` (the event or command id) goes in a header so a mail can be traced to its cause.
   */
  async send(mail: OutgoingMail, notificationId: string): Promise<void> {
    try {
      await this.transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Roster-Notification-Id': notificationId },
      });
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
