import { createHash } from 'node:crypto';

/**
 * The id of the row at a line of a batch's file, the same every time the file is read, so a
 * worker that reads the file again after a crash finds the rows it already wrote. Shaped as a
 * UUID v4 (version and variant bits set) like every other id of the API.
 */
export function rowIdFor(batchId: string, line: number): string {
  const hex = createHash('sha256').update(`${batchId}:${line}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
