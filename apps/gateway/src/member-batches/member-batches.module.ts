import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { UploadsModule } from '@app/uploads';
import { GatewayEnvironment } from '../config/gateway.environment';
import { RateLimitStoreModule } from '../rate-limits/rate-limit-store.module';
import { CsvUploadUseCase } from '../uploads/csv-upload.usecase';
import { multerOptions } from '../uploads/multer-options';
import { UploadRateLimitGuard } from '../uploads/upload-rate-limit.guard';
import { ErrorsCsvExport } from './errors-csv.export';
import { MemberBatchesController } from './member-batches.controller';

@Module({
  imports: [MulterModule.registerAsync({ inject: [GatewayEnvironment], useFactory: multerOptions }), UploadsModule, RateLimitStoreModule],
  controllers: [MemberBatchesController],
  providers: [CsvUploadUseCase, ErrorsCsvExport, UploadRateLimitGuard],
  // The console takes uploads and serves error reports the same way.
  exports: [MulterModule, CsvUploadUseCase, ErrorsCsvExport, UploadRateLimitGuard, RateLimitStoreModule],
})
export class MemberBatchesModule {}
