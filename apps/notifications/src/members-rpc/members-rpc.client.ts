import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { type ActivationLink, type BatchSummaryRecipient, type IssueActivationLinkCommand, MembersRpc } from '@app/contracts';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { membersFailure } from './members-failure';

export const MEMBERS_RPC_PROXY = Symbol('MEMBERS_RPC_PROXY');

/** The members service over its private RPC queue; failures come back as delivery verdicts. */
@Injectable()
export class MembersRpcClient implements OnApplicationShutdown {
  constructor(
    @Inject(MEMBERS_RPC_PROXY) private readonly client: ClientProxy,
    private readonly env: NotificationsEnvironment,
  ) {}

  /** A fresh single-use link; the member's earlier links stop working. Only ever asked right before sending. */
  issueActivationLink(memberId: string, organizationId: string): Promise<ActivationLink> {
    const command: IssueActivationLinkCommand = { memberId, organizationId };
    return this.send(MembersRpc.IssueActivationLink, command);
  }

  batchSummaryRecipient(batchId: string): Promise<BatchSummaryRecipient> {
    return this.send(MembersRpc.GetBatchSummary, { batchId });
  }

  private async send<TReply>(pattern: string, request: object): Promise<TReply> {
    try {
      return await firstValueFrom(this.client.send<TReply>(pattern, request).pipe(timeout(this.env.RPC_TIMEOUT_MS)));
    } catch (error) {
      throw membersFailure(pattern, error, this.env.RPC_TIMEOUT_MS);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
