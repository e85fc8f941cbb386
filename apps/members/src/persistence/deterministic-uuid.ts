import { hash } from 'node:crypto';

/**
 * An id derived from `seed`, shaped as a UUID v4 (version and variant bits set) like every other
 * id of the API: what is written again after a crash gets the id it had the first time.
 */
export function deterministicUuid(seed: string): string {
  const hex = hash('sha256', seed, 'hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
