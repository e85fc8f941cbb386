import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { pageTexts } from './account-page-texts';
import { AccountPageResponder } from './account-page-responder';

/** A form posted past its per-address limit answers 429 as the form again, with why, instead of the API's JSON. */
@Catch(ThrottlerException)
export class AccountPageThrottleFilter implements ExceptionFilter {
  constructor(private readonly responder: AccountPageResponder) {}

  catch(_exception: ThrottlerException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const locale = this.responder.localeOf(request, body.locale ?? body.lang);
    const t = pageTexts(locale);
    response.setHeader('Retry-After', request.path.startsWith('/signup') ? '3600' : '60');
    if (request.path.startsWith('/signup')) this.responder.page(response, 429, 'signup-form', locale, { formErrors: [t.tooManySignUps] }, true);
    else this.responder.page(response, 429, 'signin-form', locale, { formErrors: [t.tooManyAttempts] }, true);
  }
}
