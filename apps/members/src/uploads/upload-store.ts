import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { UPLOADS_BUCKET } from '@app/contracts';

/** The uploaded files the gateway stored in GridFS, read by the import workers. */
@Injectable()
export class UploadStore {
  private readonly bucket: GridFSBucket;

  constructor(@InjectConnection() connection: Connection) {
    this.bucket = new GridFSBucket(connection.db as unknown as Db, { bucketName: UPLOADS_BUCKET });
  }

  async downloadToFile(uploadId: string, path: string): Promise<void> {
    await pipeline(this.bucket.openDownloadStream(new ObjectId(uploadId)), createWriteStream(path));
  }

  async delete(uploadId: string): Promise<void> {
    await this.bucket.delete(new ObjectId(uploadId)).catch(() => undefined);
  }
}
