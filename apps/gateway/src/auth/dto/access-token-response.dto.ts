import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

  @ApiPropertyOptional({ description: 'True when an admin set the password: change it now' })
  mustChangePassword: boolean;
}
