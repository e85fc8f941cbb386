/** One person to add, as typed or read from a file, before any check. */
export interface RowInput {
  line: number;
  email: string;
  userName?: string;
  firstName?: string;
  lastName?: string;
  /** The column the address came from, when the batch's email column was empty on this row. */
  emailFromColumn?: string;
  /** The display name the first and last name were split from, the file having neither for this row. */
  namesFromDisplayName?: string;
  /** The column, and its value, by which the directory says the account is disabled, blocked or deleted. */
  disabledInDirectory?: { column: string; value: string };
}
