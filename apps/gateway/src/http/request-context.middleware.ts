import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from '@app/observability';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Gives every request an id (the caller's `X-Request-Id` when sane) and logs one line per request. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Http');

  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.header('x-request-id');
    const requestId = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    RequestContext.run({ requestId, sourceAddress: request.ip }, () => {
      response.on('finish', () =>
        this.logger.log({
          message: 'request',
          method: request.method,
          path: request.path,
          status: response.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        }),
      );
      next();
    });
  }
}
