import { ApiProperty } from '@nestjs/swagger';

/** The answer to an admin's sign-in. */
export class AccessTokenResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 })
  expiresIn: number;
}

/** The answer to a member's sign-in; not accepted by the admin routes. */
export class MemberAccessTokenResponse {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 3600 })
  expiresIn: number;

  @ApiProperty({
    description: 'Always false: a member signs in only with a password they chose (an admin-set one answers 403 password_change_required). Kept for clients of 0.3',
  })
  mustChangePassword: boolean;
}
