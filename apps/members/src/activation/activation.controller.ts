import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActivateAccountCommand,
  type ActivationDetails,
  type ActivationLink,
  ActivationTokenQuery,
  IssueActivationLinkCommand,
  MemberCommand,
  MembersRpc,
} from '@app/contracts';
import { ActivateAccountUseCase } from './activate-account.usecase';
import { IssueActivationLinkUseCase } from './issue-activation-link.usecase';
import { ResendActivationEmailUseCase } from './resend-activation-email.usecase';

@Controller()
export class ActivationController {
  constructor(
    private readonly issueLink: IssueActivationLinkUseCase,
    private readonly activation: ActivateAccountUseCase,
    private readonly resend: ResendActivationEmailUseCase,
  ) {}

  @MessagePattern(MembersRpc.IssueActivationLink)
  issue(@Payload() command: IssueActivationLinkCommand): Promise<ActivationLink> {
    return this.issueLink.execute(command);
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
