import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type EmailVerificationDetails,
  EmailVerificationQuery,
  type IssuedVerificationLinks,
  IssueVerificationLinksCommand,
  MembersRpc,
  type SignUpAccepted,
  SignUpCommand,
} from '@app/contracts';
import { EmailVerificationUseCase } from './email-verification.usecase';
import { IssueVerificationLinksUseCase } from './issue-verification-links.usecase';
import { SignUpUseCase } from './sign-up.usecase';

@Controller()
export class PersonalAccountsController {
  constructor(
    private readonly signUp: SignUpUseCase,
    private readonly verification: EmailVerificationUseCase,
    private readonly issueLinks: IssueVerificationLinksUseCase,
  ) {}

  @MessagePattern(MembersRpc.SignUp)
  create(@Payload() command: SignUpCommand): Promise<SignUpAccepted> {
    return this.signUp.execute(command);
  }

  @MessagePattern(MembersRpc.GetEmailVerification)
  details(@Payload() query: EmailVerificationQuery): Promise<EmailVerificationDetails> {
    return this.verification.details(query);
  }

  @MessagePattern(MembersRpc.VerifyEmail)
  verify(@Payload() query: EmailVerificationQuery): Promise<EmailVerificationDetails> {
    return this.verification.verify(query);
  }

  @MessagePattern(MembersRpc.IssueVerificationLinks)
  issue(@Payload() command: IssueVerificationLinksCommand): Promise<IssuedVerificationLinks> {
    return this.issueLinks.execute(command);
  }
}
