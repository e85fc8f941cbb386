import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MessageForwarder, RabbitMqModule } from '@app/messaging';
import { AccountCreatedTrigger } from './activation-mail/account-created.trigger';
import { ActivationLinks } from './activation-mail/activation-links';
import { ActivationMailWriter } from './activation-mail/activation-mail.writer';
import { SendActivationEmailTrigger } from './activation-mail/send-activation-email.trigger';
import { BatchCompletedTrigger } from './batch-summary/batch-completed.trigger';
import { NotificationsEnvironment } from './config/notifications.environment';
import { InvitationMailWriter } from './invitation-mail/invitation-mail.writer';
import { MemberInvitedTrigger } from './invitation-mail/member-invited.trigger';
import { SendInvitationEmailTrigger } from './invitation-mail/send-invitation-email.trigger';
import { FailedMessages } from './mail-delivery/failed-messages';
import { MailDelivery } from './mail-delivery/mail-delivery';
import { MailDeliveryWorker } from './mail-delivery/mail-delivery.worker';
import { MAIL_TRIGGERS, type MailTrigger } from './mail-delivery/mail-trigger';
import { MailClaim, MailClaimSchema } from './mail-delivery/persistence/mail-claim.schema';
import { SentNotification, SentNotificationSchema } from './mail-delivery/persistence/sent-notification.schema';
import { SentNotificationsRepository } from './mail-delivery/persistence/sent-notifications.repository';
import { SendSignUpEmailTrigger } from './sign-up-mail/send-sign-up-email.trigger';
import { VerificationLinks } from './sign-up-mail/verification-links';
import { MailTemplates } from './mail-templates/mail-templates';
import { MembersClientModule } from './members-client/members-client.module';
import { MailSender } from './smtp/mail-sender';

@Module({})
export class NotificationsModule {
  static register(env: NotificationsEnvironment): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      imports: [
        MongooseModule.forRoot(env.MONGO_URL, { serverSelectionTimeoutMS: 5_000 }),
        MongooseModule.forFeature([
          { name: MailClaim.name, schema: MailClaimSchema },
          { name: SentNotification.name, schema: SentNotificationSchema },
        ]),
        RabbitMqModule.forRoot({ url: env.AMQP_URL, connectionName: 'notifications' }),
        MembersClientModule,
      ],
      providers: [
        { provide: NotificationsEnvironment, useValue: env },
        MailTemplates,
        MailSender,
        MessageForwarder,
        SentNotificationsRepository,
        ActivationLinks,
        ActivationMailWriter,
        AccountCreatedTrigger,
        SendActivationEmailTrigger,
        BatchCompletedTrigger,
        VerificationLinks,
        SendSignUpEmailTrigger,
        InvitationMailWriter,
        MemberInvitedTrigger,
        SendInvitationEmailTrigger,
        {
          provide: MAIL_TRIGGERS,
          inject: [AccountCreatedTrigger, SendActivationEmailTrigger, BatchCompletedTrigger, SendSignUpEmailTrigger, MemberInvitedTrigger, SendInvitationEmailTrigger],
          useFactory: (...triggers: MailTrigger[]): MailTrigger[] => triggers,
        },
        FailedMessages,
        MailDelivery,
        MailDeliveryWorker,
      ],
      exports: [NotificationsEnvironment],
    };
  }
}
