import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { GridFSBucket, ObjectId, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UPLOADS_BUCKET } from '@app/contracts';

/**
 * Accepted uploads in GridFS: the gateway writes one, every members instance (import workers
 * included) reads it, and whoever is done with it deletes it. Ids are the GridFS ObjectIds as hex.
 */
@Injectable()
export class UploadStore {
  private readonly bucket: GridFSBucket;

  constructor(@InjectConnection() connection: Connection) {
    this.bucket = new GridFSBucket(connection.db as unknown as Db, { bucketName: UPLOADS_BUCKET });
  }

  /** Stores `content` under the admin's file name and answers the new upload's id. */
  async write(content: Readable, fileName: string, organizationId: string): Promise<string> {
    const upload = this.bucket.openUploadStream(fileName, { metadata: { organizationId } });
    await pipeline(content, upload);
    return upload.id.toHexString();
  }

  /** The stored bytes; an unknown id fails when the stream is read. */
  read(uploadId: string): Readable {
    return this.bucket.openDownloadStream(new ObjectId(uploadId));
  }

  /** Idempotent: an upload already gone (or never stored) is not an error. */
  async delete(uploadId: string): Promise<void> {
    await this.bucket.delete(new ObjectId(uploadId)).catch(() => undefined);
  }
}
