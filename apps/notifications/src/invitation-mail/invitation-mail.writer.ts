import { Injectable } from '@nestjs/common';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { NothingToSend } from '../delivery-failures/delivery-failures';
import { MailTemplates } from '../mail-templates/mail-templates';
import type { InvitationMailRecipientFields } from '../messages/invitation-mail-recipient.fields';
import type { OutgoingMail } from '../smtp/mail-sender';

/**
 * The invitation mail of a personal account, first or resent. Everything it says comes with the
 * event or command; its link names the invitation and nothing else (the page asks the person to
 * sign in as the invited account), so nothing is asked of the members service.
 */
@Injectable()
export class InvitationMailWriter {
  constructor(
    private readonly templates: MailTemplates,
    private readonly env: NotificationsEnvironment,
  ) {}

  write(invitation: InvitationMailRecipientFields, now = new Date()): OutgoingMail {
    const expiresAt = new Date(invitation.expiresAt);
    // A message that waited past the end (retries, a parked message moved back) would invite to a page that says "expired".
    if (expiresAt.getTime() <= now.getTime()) throw new NothingToSend('the invitation expired before its mail was written');
    const mail = this.templates.render('invitation', invitation.locale, {
      organizationName: invitation.organizationName,
      accountName: invitation.accountName,
      firstName: invitation.firstName,
      email: invitation.email,
      invitationUrl: new URL(`/invitations/${encodeURIComponent(invitation.invitationId)}`, this.env.PUBLIC_URL).toString(),
      expiresAt,
    });
    return { to: invitation.email, ...mail };
  }
}
