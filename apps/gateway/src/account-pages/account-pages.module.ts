import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { PersonalAccountsModule } from '../personal-accounts/personal-accounts.module';
import { PersonalMembershipModule } from '../personal-membership/personal-membership.module';
import { AccountPageController } from './account-page.controller';
import { AccountPageResponder } from './account-page-responder';
import { AccountPageThrottleFilter } from './account-page-throttle.filter';
import { AccountPages } from './account-pages';
import { InvitationPageController } from './invitation-page.controller';
import { MemberPageSession } from './member-page-session';
import { MemberSignInPageController } from './member-sign-in-page.controller';
import { SignUpPageController } from './sign-up-page.controller';
import { VerifyEmailPageController } from './verify-email-page.controller';

/** The pages of people: sign-up, address verification, member sign-in, their account, the invitations they received. */
@Module({
  imports: [PersonalAccountsModule, PersonalMembershipModule],
  controllers: [SignUpPageController, VerifyEmailPageController, MemberSignInPageController, AccountPageController, InvitationPageController],
  providers: [AccountPages, AccountPageResponder, AccountPageThrottleFilter, MemberPageSession],
})
export class AccountPagesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // These pages read cookies (CSRF, the member's session); the JSON API authenticates by bearer token.
    consumer.apply(cookieParser()).forRoutes(SignUpPageController, VerifyEmailPageController, MemberSignInPageController, AccountPageController, InvitationPageController);
  }
}
