import { Module } from '@nestjs/common';
import { MemberAccountController } from './member-account.controller';

@Module({ controllers: [MemberAccountController] })
export class MemberAccountModule {}
