import { Injectable } from '@nestjs/common';
import type { ActivationMailRecipient } from '@app/contracts';
import { MailTemplates } from '../mail-templates/mail-templates';
import { MembersRpcClient } from '../members-rpc/members-rpc.client';
import type { OutgoingMail } from '../smtp/mail-sender';

/**
 * The activation mail of a member. What it says comes with the event or command; only the link
 * is asked of the members service, right before the mail is written, over the private RPC reply:
 * the token never travels on `roster.events` nor rests in a queue, and each mail carries a link
 * that replaces the ones sent before.
 */
@Injectable()
export class ActivationMailWriter {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly templates: MailTemplates,
  ) {}

  async write(recipient: ActivationMailRecipient): Promise<OutgoingMail> {
    const link = await this.members.issueActivationLink(recipient.memberId, recipient.organizationId);
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
