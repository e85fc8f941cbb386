import { ApiProperty } from '@nestjs/swagger';
import type { SignUpAccepted } from '@app/contracts';

export class SignUpAcceptedResponse implements SignUpAccepted {
  @ApiProperty({ enum: ['verification_sent'], description: 'The same whether the address was new or already had an account; only the mail sent differs' })
  status: 'verification_sent';
}
