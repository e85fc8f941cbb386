import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { MembersRpc, type PingReply } from '@app/contracts';
import { MembersEnvironment } from '../config/members.environment';

/** Lets the gateway's health check prove a full round trip over RabbitMQ. */
@Controller()
export class PingController {
  constructor(private readonly env: MembersEnvironment) {}

  @MessagePattern(MembersRpc.Ping)
  ping(): PingReply {
    return { service: 'members', role: this.env.MEMBERS_ROLE, time: new Date().toISOString() };
  }
}
