import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsEmailListInput } from '@app/contracts';

/** `POST /api/v1/member-batches` JSON body; optional because the same route takes a CSV upload. */
export class CreateEmailBatchBody {
  @ApiPropertyOptional({
    description: 'What the admin typed: a list, or one string separated by commas, semicolons, spaces or new lines. `Jane Doe <jane@x.com>` gives the names.',
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'Jane Doe <jane@contoso.example>, bob@contoso.example',
  })
  @IsOptional()
  @IsEmailListInput()
  emails?: string | string[];
}
