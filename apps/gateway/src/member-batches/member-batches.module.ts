import { Module } from '@nestjs/common';
import { MemberBatchesController } from './member-batches.controller';

@Module({ controllers: [MemberBatchesController] })
export class MemberBatchesModule {}
