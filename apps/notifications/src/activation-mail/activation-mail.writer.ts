import { Injectable } from '@nestjs/common';
import type { Locale } from '@app/contracts';
import { MailTemplates, resolveLocale } from '../mail-templates/mail-templates';
import { MembersRpcClient } from '../members-rpc/members-rpc.client';
import type { OutgoingMail } from '../smtp/mail-sender';

/**
 * The activation mail of a member. The link is asked of the members service right before the
 * mail is written, over the private RPC reply: the token never travels on `roster.events`,
 * and each mail carries a link that replaces the ones sent before.
 */
@Injectable()
export class ActivationMailWriter {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly templates: MailTemplates,
  ) {}

  async write(memberId: string, eventLocale?: Locale): Promise<OutgoingMail> {
    const link = await this.members.issueActivationLink(memberId);
    const mail = this.templates.render('account-created', resolveLocale(link.locale, eventLocale), {
      organizationName: link.organizationName,
      accountName: link.accountName,
      firstName: link.firstName,
      activationUrl: link.activationUrl,
      expiresAt: new Date(link.expiresAt),
      temporaryPasswordSet: link.temporaryPasswordSet,
    });
    return { to: link.email, ...mail };
  }
}
