import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import {
  type ActivationLink,
  type ActivationLinkRequest,
  type BatchSummaryRecipient,
  type IssueActivationLinksCommand,
  type IssuedActivationLinks,
  MAX_LINKS_PER_REQUEST,
  MembersRpc,
} from '@app/contracts';
import { RequestBatcher } from '../batching/request-batcher';
import { NotificationsEnvironment } from '../config/notifications.environment';
import { membersFailure } from './members-failure';

export const MEMBERS_RPC_PROXY = Symbol('MEMBERS_RPC_PROXY');

/** Links asked for within this many milliseconds of each other go in one request. */
const LINK_GATHERING_MS = 20;

/** The members service over its private RPC queue; failures come back as delivery verdicts. */
@Injectable()
export class MembersRpcClient implements OnApplicationShutdown {
  /** One request for the links of the mails being written at the same time, not one per mail. */
  private readonly links = new RequestBatcher<ActivationLinkRequest, ActivationLink>(
    async (members) => {
      const command: IssueActivationLinksCommand = { members };
      return (await this.send<IssuedActivationLinks>(MembersRpc.IssueActivationLinks, command)).links;
    },
    { maxSize: MAX_LINKS_PER_REQUEST, maxWaitMs: LINK_GATHERING_MS },
  );

  constructor(
    @Inject(MEMBERS_RPC_PROXY) private readonly client: ClientProxy,
    private readonly env: NotificationsEnvironment,
  ) {}

  /** A fresh single-use link; the member's earlier links stop working. Only ever asked right before sending. */
  issueActivationLink(memberId: string, organizationId: string): Promise<ActivationLink> {
    return this.links.request({ memberId, organizationId });
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
