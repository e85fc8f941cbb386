import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IfPresent, type Locale, LOCALES, PLAIN_TEXT } from '@app/contracts';

/** `POST /api/v1/accounts` body; sent on as `SignUpCommand` of `@app/contracts`. */
export class SignUpRequest {
  @ApiProperty({ example: 'jane@example.org', maxLength: 254 })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  @Matches(PLAIN_TEXT, { message: 'email must not contain control characters' })
  email: string;

  @ApiProperty({ example: 'jane.doe', description: '6 to 32 characters, lowercase a-z, digits, ". _ -", starting with a letter; the same rules as business accounts', maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PLAIN_TEXT, { message: 'accountName must not contain control characters' })
  accountName: string;

  @ApiProperty({ description: 'At least 12 characters, not a common password, not containing the account name or the address before the @', maxLength: 1024 })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'firstName must not contain control characters' })
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IfPresent()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN_TEXT, { message: 'lastName must not contain control characters' })
  lastName?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the mails; English by default' })
  @IfPresent()
  @IsIn(LOCALES)
  locale?: Locale;
}
