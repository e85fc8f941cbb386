import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { MemberBatchesModule } from '../member-batches/member-batches.module';
import { ActivityPageUseCase } from './activity/activity-page.usecase';
import { ConsoleActivityController } from './activity/console-activity.controller';
import { AddMembersUseCase } from './batches/add-members.usecase';
import { ConsoleBatchesController } from './batches/console-batches.controller';
import { EditRowUseCase } from './batches/edit-row.usecase';
import { ReviewPageUseCase } from './batches/review-page.usecase';
import { ConsoleAssetsController } from './console-assets.controller';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { ConsoleListActions } from './console-list-actions';
import { ConsoleResponder } from './console-responder';
import { ConsoleInvitationsController } from './invitations/console-invitations.controller';
import { InvitationsPageUseCase } from './invitations/invitations-page.usecase';
import { ConsoleMembersController } from './members/console-members.controller';
import { MembersPageUseCase } from './members/members-page.usecase';
import { ConsolePages } from './pages/console-pages';
import { ConsoleSessions } from './session/console-session';
import { ConsoleSessionGuard } from './session/console-session.guard';
import { ConsoleSignInController } from './sign-in/console-sign-in.controller';
import { ConsoleSignInUseCase } from './sign-in/console-sign-in.usecase';

/** The admin console: server-rendered pages over the same members use cases as the JSON API. */
@Module({
  imports: [MemberBatchesModule],
  controllers: [ConsoleAssetsController, ConsoleSignInController, ConsoleMembersController, ConsoleBatchesController, ConsoleInvitationsController, ConsoleActivityController],
  providers: [
    ConsolePages,
    ConsoleResponder,
    ConsoleListActions,
    ConsoleSessions,
    ConsoleSessionGuard,
    ConsoleExceptionFilter,
    ConsoleSignInUseCase,
    MembersPageUseCase,
    AddMembersUseCase,
    ReviewPageUseCase,
    EditRowUseCase,
    ActivityPageUseCase,
    InvitationsPageUseCase,
  ],
})
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The session, its language and the sign-in form's token are cookies; the JSON API reads none.
    consumer.apply(cookieParser()).forRoutes(ConsoleSignInController, ConsoleMembersController, ConsoleBatchesController, ConsoleInvitationsController, ConsoleActivityController);
  }
}
