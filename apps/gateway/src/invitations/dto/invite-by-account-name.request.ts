import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PLAIN_TEXT } from '@app/contracts';

/** `POST /api/v1/invitations` body; sent on as `InviteByAccountNameCommand`. */
export class InviteByAccountNameRequest {
  @ApiProperty({ example: 'jane.doe', minLength: 1, maxLength: 64, pattern: PLAIN_TEXT.source, description: 'The account name of a verified personal account in no organization' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PLAIN_TEXT, { message: 'accountName must not contain control characters' })
  accountName: string;
}
