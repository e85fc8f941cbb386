import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActivateAccountCommand,
  type ActivationDetails,
  ActivationTokenQuery,
  IssueActivationLinksCommand,
  type IssuedActivationLinks,
  MemberCommand,
  MembersRpc,
} from '@app/contracts';
import { ActivateAccountUseCase } from './activate-account.usecase';
import { IssueActivationLinksUseCase } from './issue-activation-links.usecase';
import { ResendActivationEmailUseCase } from './resend-activation-email.usecase';

@Controller()
export class ActivationController {
  constructor(
    private readonly issueLinks: IssueActivationLinksUseCase,
    private readonly activation: ActivateAccountUseCase,
    private readonly resend: ResendActivationEmailUseCase,
  ) {}

  @MessagePattern(MembersRpc.IssueActivationLinks)
  issue(@Payload() command: IssueActivationLinksCommand): Promise<IssuedActivationLinks> {
    return this.issueLinks.execute(command);
  }

  @MessagePattern(MembersRpc.GetActivation)
  details(@Payload() query: ActivationTokenQuery): Promise<ActivationDetails> {
    return this.activation.details(query);
  }

  @MessagePattern(MembersRpc.Activate)
  activate(@Payload() command: ActivateAccountCommand): Promise<ActivationDetails> {
    return this.activation.activate(command);
  }

  @MessagePattern(MembersRpc.ResendActivationEmail)
  async resendEmail(@Payload() command: MemberCommand): Promise<{ queued: true }> {
    await this.resend.execute(command);
    return { queued: true };
  }
}
