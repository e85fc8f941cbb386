/** One person to add, as typed or read from a file, before any check. */
export interface RowInput {
  line: number;
  email: string;
  userName?: string;
  firstName?: string;
  lastName?: string;
}
