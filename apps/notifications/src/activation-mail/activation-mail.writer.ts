import { Injectable } from '@nestjs/common';
import type { ActivationMailRecipient } from '@app/contracts';
import { MailTemplates } from '../mail-templates/mail-templates';
import type { OutgoingMail } from '../smtp/mail-sender';
import { ActivationLinks } from './activation-links';

/**
 * The activation mail of a member. What it says comes with the event or command; only the link
 * is asked of the members service, right before the mail is written, over the private RPC reply:
 * the token never travels on `roster.events` nor rests in a queue, and each mail carries a link
 * that replaces the ones sent before.
 */
@Injectable()
export class ActivationMailWriter {
  constructor(
    private readonly links: ActivationLinks,
    private readonly templates: MailTemplates,
  ) {}

  async write(recipient: ActivationMailRecipient): Promise<OutgoingMail> {
    const link = await this.links.issue(recipient.memberId, recipient.organizationId);
    const mail = this.templates.render('account-created', recipient.locale, {
      organizationName: recipient.organizationName,
      accountName: recipient.accountName,
      firstName: recipient.firstName,
      activationUrl: link.activationUrl,
      expiresAt: new Date(link.expiresAt),
      passwordSetByAdmin: recipient.passwordSetByAdmin,
    });
    return { to: recipient.email, ...mail };
  }
}
