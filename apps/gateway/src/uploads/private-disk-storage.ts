import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageEngine } from 'multer';

type UploadedFile = Express.Multer.File;

/**
 * multer's disk storage, made private and self-cleaning: each upload gets a name we make up, is
 * written readable by this user only (0600), and is removed when its response ends, whatever ended
 * it (an answer, a refusal before the controller ran, an error, the client going away).
 */
export class PrivateDiskStorage implements StorageEngine {
  constructor(private readonly directory: string) {}

  _handleFile(request: Request, file: UploadedFile, callback: (error?: unknown, info?: Partial<UploadedFile>) => void): void {
    const filename = `${randomUUID()}.upload`;
    const path = join(this.directory, filename);
    const output = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    // Removed once the file is closed: a client that goes away mid-upload leaves it being written.
    const removeFile = () => {
      if (output.closed) return void rm(path, { force: true });
      output.once('close', () => void rm(path, { force: true }));
      output.destroy();
    };
    // `close` comes once the response is sent or the connection is gone; nothing reads the file after.
    if (request.res) request.res.once('close', removeFile);
    else request.once('close', removeFile);
    output.on('error', (error) => callback(error));
    output.on('finish', () => callback(null, { destination: this.directory, filename, path, size: output.bytesWritten }));
    file.stream.on('error', (error) => output.destroy(error));
    file.stream.pipe(output);
  }

  _removeFile(_request: Request, file: UploadedFile, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
