import { Injectable } from '@nestjs/common';
import { type ActivationLink, type ActivationLinkRequest, MAX_LINKS_PER_REQUEST, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { RequestBatcher } from '../batching/request-batcher';

/** Links asked for within this many milliseconds of each other go in one request. */
const LINK_GATHERING_MS = 20;

/** Activation links from the members service, one request for the mails being written at the same time. */
@Injectable()
export class ActivationLinks {
  private readonly batcher = new RequestBatcher<ActivationLinkRequest, ActivationLink>(
    async (members) => (await this.members.send(MembersRpc.IssueActivationLinks, { members })).links,
    { maxSize: MAX_LINKS_PER_REQUEST, maxWaitMs: LINK_GATHERING_MS },
  );

  constructor(private readonly members: MembersRpcClient) {}

  /** A fresh single-use link; the member's earlier links stop working. Only ever asked right before sending. */
  issue(memberId: string, organizationId: string): Promise<ActivationLink> {
    return this.batcher.request({ memberId, organizationId });
  }
}
