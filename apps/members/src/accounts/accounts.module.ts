import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccountsController } from './accounts.controller';
import { MemberAuthController } from './member-auth.controller';
import { AccountDocument, AccountSchema } from './persistence/account.schema';
import { AccountsRepository } from './persistence/accounts.repository';
import { AccountNameReservation, AccountNameReservationSchema, EmailReservation, EmailReservationSchema } from './persistence/reservation.schema';
import { ReservationsRepository } from './persistence/reservations.repository';
import { VerifyMemberUseCase } from './verify-member.usecase';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AccountDocument.name, schema: AccountSchema },
      { name: EmailReservation.name, schema: EmailReservationSchema },
      { name: AccountNameReservation.name, schema: AccountNameReservationSchema },
    ]),
  ],
  controllers: [AccountsController, MemberAuthController],
  providers: [AccountsRepository, ReservationsRepository, VerifyMemberUseCase],
  exports: [AccountsRepository, ReservationsRepository],
})
export class AccountsModule {}
