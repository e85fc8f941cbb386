import { Injectable } from '@nestjs/common';
import { MembersRpc, type SignUpAccepted, type SignUpCommand } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';

/** A personal account, asked of the members service; the API and the sign-up page both come here. */
@Injectable()
export class SignUpUseCase {
  constructor(private readonly members: MembersRpcClient) {}

  execute(command: SignUpCommand): Promise<SignUpAccepted> {
    return this.members.send(MembersRpc.SignUp, command);
  }
}
