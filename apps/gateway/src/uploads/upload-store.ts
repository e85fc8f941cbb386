import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { UPLOADS_BUCKET } from '@app/contracts';

/** Hands an accepted upload to the import workers through GridFS, which every members instance reads. */
@Injectable()
export class UploadStore {
  private readonly bucket: GridFSBucket;

  constructor(@InjectConnection() connection: Connection) {
    this.bucket = new GridFSBucket(connection.db as unknown as Db, { bucketName: UPLOADS_BUCKET });
  }

  async storeFile(path: string, fileName: string, organizationId: string): Promise<string> {
    const upload = this.bucket.openUploadStream(fileName, { metadata: { organizationId } });
    await pipeline(createReadStream(path), upload);
    return upload.id.toHexString();
  }

  async delete(uploadId: string): Promise<void> {
    await this.bucket.delete(new ObjectId(uploadId)).catch(() => undefined);
  }
}
