import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InvitationsPersistenceModule } from '../invitations/persistence/invitations-persistence.module';
import { MigrationsModule } from '../migrations/migrations.module';
import { AccountsController } from './accounts.controller';
import { AdminSetPasswordsPendingMigration } from './admin-set-passwords-pending.migration';
import { AccountDocument, AccountSchema } from './persistence/account.schema';
import { AccountsRepository } from './persistence/accounts.repository';
import { ChunkStatusCountsDocument, ChunkStatusCountsSchema, ChunkToRecountDocument, ChunkToRecountSchema } from './persistence/chunk-status-counts.schema';
import { ChunkStatusCountsRepository } from './persistence/chunk-status-counts.repository';
import { DeletedAccountDocument, DeletedAccountSchema } from './persistence/deleted-account.schema';
import { DeletedAccountsRepository } from './persistence/deleted-accounts.repository';
import { AccountNameReservation, AccountNameReservationSchema, EmailReservation, EmailReservationSchema } from './persistence/reservation.schema';
import { ReservationsRepository } from './persistence/reservations.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AccountDocument.name, schema: AccountSchema },
      { name: DeletedAccountDocument.name, schema: DeletedAccountSchema },
      { name: EmailReservation.name, schema: EmailReservationSchema },
      { name: AccountNameReservation.name, schema: AccountNameReservationSchema },
      { name: ChunkStatusCountsDocument.name, schema: ChunkStatusCountsSchema },
      { name: ChunkToRecountDocument.name, schema: ChunkToRecountSchema },
    ]),
    MigrationsModule,
    InvitationsPersistenceModule,
  ],
  controllers: [AccountsController],
  providers: [AccountsRepository, DeletedAccountsRepository, ReservationsRepository, ChunkStatusCountsRepository, AdminSetPasswordsPendingMigration],
  exports: [AccountsRepository, DeletedAccountsRepository, ReservationsRepository, ChunkStatusCountsRepository],
})
export class AccountsModule {}
