import type { MulterModuleOptions } from '@nestjs/platform-express';
import type { GatewayEnvironment } from '../config/gateway.environment';
import { JSON_BODY_LIMIT_BYTES } from '../http/request-body-limits';
import { PrivateDiskStorage } from './private-disk-storage';
import { prepareUploadDirectory } from './upload-directory';

/**
 * Uploads stream to the gateway's private folder under names we make up (never the client's), with
 * a size limit: multer's default is no limit at all.
 */
export function multerOptions(env: GatewayEnvironment): MulterModuleOptions {
  return {
    storage: new PrivateDiskStorage(prepareUploadDirectory()),
    // Typed addresses may come as the text field `emails`: as large as a JSON body may be.
    limits: { fileSize: env.IMPORT_MAX_BYTES, fieldSize: JSON_BODY_LIMIT_BYTES, files: 1, fields: 10, parts: 11 },
  };
}
