import { Module } from '@nestjs/common';
import { UploadStore } from './upload-store';

/** The upload store over the importing app's default mongoose connection. */
@Module({
  providers: [UploadStore],
  exports: [UploadStore],
})
export class UploadsModule {}
