import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEmailListInput, MAX_TYPED_EMAILS, MAX_TYPED_TEXT } from '@app/contracts';

/** `POST /api/v1/member-batches` JSON body; optional because the same route takes a CSV upload. */
export class CreateEmailBatchBody {
  @ApiPropertyOptional({
    description: `What the admin typed: one string separated by commas, semicolons, spaces or new lines (up to ${MAX_TYPED_TEXT.toLocaleString('en')} characters), or a list of up to ${MAX_TYPED_EMAILS.toLocaleString('en')}. \`Jane Doe <jane@x.com>\` gives the names.`,
    oneOf: [
      { type: 'string', minLength: 1, maxLength: MAX_TYPED_TEXT },
      { type: 'array', minItems: 1, maxItems: MAX_TYPED_EMAILS, items: { type: 'string', maxLength: 1_000 } },
    ],
    example: 'Jane Doe <jane@contoso.example>, bob@contoso.example',
  })
  @IsOptional()
  @IsEmailListInput()
  emails?: string | string[];
}
