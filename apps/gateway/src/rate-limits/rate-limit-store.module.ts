import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RateLimitHit, RateLimitHitSchema } from './persistence/rate-limit-hit.schema';
import { RateLimitHitsRepository } from './persistence/rate-limit-hits.repository';
import { SharedThrottlerStorage } from './shared-throttler-storage';

/** Where every gateway instance counts requests against per-address limits. */
@Module({
  imports: [MongooseModule.forFeature([{ name: RateLimitHit.name, schema: RateLimitHitSchema }])],
  providers: [RateLimitHitsRepository, SharedThrottlerStorage],
  exports: [SharedThrottlerStorage],
})
export class RateLimitStoreModule {}
