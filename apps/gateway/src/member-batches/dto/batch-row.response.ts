import { ApiProperty } from '@nestjs/swagger';
import { BATCH_ROW_KINDS, type BatchRowKind, type BatchRowView, ROW_STATUSES, type RowProblem, type RowStatus } from '@app/contracts';

export class RowProblemResponse implements RowProblem {
  @ApiProperty({ description: 'Stable code, e.g. `invalid_email`, `account_name_adjusted`', example: 'invalid_email' })
  code: string;

  @ApiProperty({ example: '"jane@" is not a valid email address.' })
  message: string;
}

/** A row of a batch, as `GET …/rows`, the PATCH of a row and a small batch's 201 show it. */
export class BatchRowResponse implements BatchRowView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', description: 'Line in the file (a worksheet’s row number in a workbook), or position in what was typed (from 1)', minimum: 1 })
  line: number;

  @ApiProperty({ example: 'jane.doe@contoso.example' })
  email: string;

  @ApiProperty({ type: String, nullable: true, description: 'The user name the file asked for' })
  userName: string | null;

  @ApiProperty({ type: String, nullable: true })
  firstName: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jane.doe' })
  accountName: string | null;

  @ApiProperty({ type: [String], description: 'Free account names to choose from' })
  suggestions: string[];

  @ApiProperty({ description: 'An admin set a password for this member' })
  passwordSet: boolean;

  @ApiProperty({ enum: ROW_STATUSES })
  status: RowStatus;

  @ApiProperty({ type: [RowProblemResponse], description: 'Why the row cannot be created' })
  errors: RowProblem[];

  @ApiProperty({ type: [RowProblemResponse], description: 'What to check, the row staying valid' })
  notices: RowProblem[];

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The account created from this row' })
  memberId: string | null;

  @ApiProperty({
    enum: BATCH_ROW_KINDS,
    description:
      '`business_account`: the commit creates a business account. `invitation`: the address belongs to a verified personal account in no organization, which the commit invites; its account name, names and password cannot be edited (`invitation_not_editable`).',
  })
  kind: BatchRowKind;
}
