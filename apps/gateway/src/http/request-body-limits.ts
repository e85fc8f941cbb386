/**
 * The largest JSON body (and multipart text field) the gateway reads: the 5,000 addresses an
 * admin may type take about 180 KB, so 1 MB leaves room for names and non-ASCII text. Files have
 * their own limit, `IMPORT_MAX_BYTES`.
 */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** `1048576` → `1 MB`, `16384` → `16 KB`: a limit as an admin reads it in an error message. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
