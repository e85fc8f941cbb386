import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { GatewayEnvironment } from '../config/gateway.environment';

const HOUR_MS = 3_600_000;

/**
 * Sign-ups per address, counted in the store every gateway shares: the API and the sign-up page
 * count in one bucket (the default guard keys by handler), `SIGN_UPS_PER_HOUR` an hour.
 */
@Injectable()
export class SignUpThrottlerGuard extends ThrottlerGuard {
  @Inject(GatewayEnvironment) private readonly env!: GatewayEnvironment;

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({
      ...request,
      limit: this.env.SIGN_UPS_PER_HOUR,
      ttl: HOUR_MS,
      blockDuration: HOUR_MS,
      // Hashed as the default keys are: no address in clear in the shared store.
      generateKey: (_context, tracker, throttlerName) => createHash('sha256').update(`sign-up-${throttlerName}-${tracker}`).digest('hex'),
    });
  }
}
