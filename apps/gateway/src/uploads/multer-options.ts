import type { MulterModuleOptions } from '@nestjs/platform-express';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskStorage } from 'multer';
import type { GatewayEnvironment } from '../config/gateway.environment';
import { JSON_BODY_LIMIT_BYTES } from '../http/request-body-limits';

/**
 * Uploads stream to a private temporary folder under names we make up (never the client's), with
 * a size limit: multer's default is no limit at all.
 */
export function multerOptions(env: GatewayEnvironment): MulterModuleOptions {
  const directory = join(tmpdir(), 'roster-uploads');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return {
    storage: diskStorage({ destination: directory, filename: (_request, _file, callback) => callback(null, `${randomUUID()}.upload`) }),
    // Typed addresses may come as the text field `emails`: as large as a JSON body may be.
    limits: { fileSize: env.IMPORT_MAX_BYTES, fieldSize: JSON_BODY_LIMIT_BYTES, files: 1, fields: 10, parts: 11 },
  };
}
