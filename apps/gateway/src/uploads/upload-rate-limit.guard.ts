import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@app/contracts';
import type { AdminPrincipal } from '../auth/admin-principal';
import { GatewayEnvironment } from '../config/gateway.environment';
import { ApiException } from '../http/api.exception';
import { SharedThrottlerStorage } from '../rate-limits/shared-throttler-storage';

const WINDOW_MS = 60_000;

/** A request as the API's or the console's guard leaves it: one of them says which admin is calling. */
interface UploadingRequest extends Request {
  admin?: AdminPrincipal;
  consoleSession?: { admin: AdminPrincipal };
}

/**
 * At most IMPORT_UPLOADS_PER_MINUTE uploads (multipart batch requests) per admin a minute, counted
 * in the store every gateway shares; checked before the upload is read, so a refused one costs no
 * disk. Over it: 429 `too_many_attempts` with `Retry-After`.
 */
@Injectable()
export class UploadRateLimitGuard implements CanActivate {
  constructor(
    private readonly storage: SharedThrottlerStorage,
    private readonly env: GatewayEnvironment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<UploadingRequest>();
    const admin = request.admin ?? request.consoleSession?.admin;
    if (!admin || !request.is('multipart/form-data')) return true;
    const limit = this.env.IMPORT_UPLOADS_PER_MINUTE;
    const { isBlocked, timeToExpire } = await this.storage.increment(`admin:${admin.adminId}`, WINDOW_MS, limit, 0, 'uploads');
    if (!isBlocked) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(timeToExpire));
    throw new ApiException(
      429,
      ErrorCode.TooManyAttempts,
      `Too many uploads: at most ${limit} a minute for each admin. Try again in ${timeToExpire} seconds.`,
    );
  }
}
