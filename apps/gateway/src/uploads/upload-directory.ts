import { chmodSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files older than this at start-up were left by a gateway that stopped mid-request. */
const LEFT_OVER_AFTER_MS = 60 * 60 * 1000;

/**
 * The folder uploads stream to while a request checks them: the gateway's own (mode 0700, owned by
 * this user, a real folder and not a link someone else planted in the shared temporary folder).
 * Refuses to start otherwise. Removes what a stopped gateway left behind.
 */
export function prepareUploadDirectory(directory = join(tmpdir(), 'roster-uploads')): string {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const entry = lstatSync(directory);
  if (!entry.isDirectory() || (process.getuid && entry.uid !== process.getuid())) {
    throw new Error(`${directory} is not a folder of this user: uploads cannot be kept private there`);
  }
  if ((entry.mode & 0o777) !== 0o700) chmodSync(directory, 0o700);
  const now = Date.now();
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (now - statSync(path).mtimeMs > LEFT_OVER_AFTER_MS) rmSync(path, { force: true, recursive: true });
  }
  return directory;
}
