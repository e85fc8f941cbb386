import { Injectable } from '@nestjs/common';
import { MembersRpc, type VerificationLink, type VerificationLinkRequest } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { RequestBatcher } from '../batching/request-batcher';

/** Links asked for within this many milliseconds of each other go in one request. */
const LINK_GATHERING_MS = 20;
const MAX_LINKS_PER_REQUEST = 500;

/** Address verification links from the members service, as `ActivationLinks` asks for activation links. */
@Injectable()
export class VerificationLinks {
  private readonly batcher = new RequestBatcher<VerificationLinkRequest, VerificationLink>(
    async (accounts) => (await this.members.send(MembersRpc.IssueVerificationLinks, { accounts })).links,
    { maxSize: MAX_LINKS_PER_REQUEST, maxWaitMs: LINK_GATHERING_MS },
  );

  constructor(private readonly members: MembersRpcClient) {}

  /** A fresh single-use link; the account's earlier links stop working. Only ever asked right before sending. */
  issue(accountId: string): Promise<VerificationLink> {
    return this.batcher.request({ accountId });
  }
}
