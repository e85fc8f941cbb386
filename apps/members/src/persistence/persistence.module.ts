import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Lease, LeaseSchema } from './lease.schema';
import { LeasesRepository } from './leases.repository';

@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: Lease.name, schema: LeaseSchema }])],
  providers: [LeasesRepository],
  exports: [LeasesRepository],
})
export class PersistenceModule {}
