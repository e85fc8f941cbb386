import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { consoleMessage, type ConsoleMessageKey } from './pages/console-messages';
import { ConsoleResponder } from './console-responder';
import { SignInRequired, StaleForm } from './session/console-session.guard';

interface ErrorPage {
  status: number;
  title: ConsoleMessageKey;
  message: ConsoleMessageKey;
}

/** What an admin sees when a console request cannot be answered: a page in their language, never JSON. */
@Catch()
@Injectable()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  constructor(private readonly responder: ConsoleResponder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof SignInRequired) {
      const query = new URLSearchParams({ next: exception.next, ...(exception.expired ? { expired: '1' } : {}) });
      this.responder.redirect(response, `/console/sign-in?${query.toString()}`);
      return;
    }
    const page = this.errorPage(exception);
    if (page.status >= 500 && page.status !== 503) this.logger.error(exception instanceof Error ? exception : String(exception));
    const frame = this.responder.frame(request, consoleMessage(this.responder.locale(request), page.title));
    this.responder.page(response, page.status, 'error', frame, { title: page.title, message: page.message });
  }

  private errorPage(exception: unknown): ErrorPage {
    if (exception instanceof StaleForm) return { status: 403, title: 'error.failedTitle', message: 'error.staleForm' };
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status === 404) return { status, title: 'error.notFoundTitle', message: 'error.notFound' };
    // Multer refuses an upload over IMPORT_MAX_BYTES before the controller sees it.
    if (status === 413) return { status, title: 'error.tooLargeTitle', message: 'error.tooLarge' };
    if (status === 503) return { status, title: 'error.unavailableTitle', message: 'error.unavailable' };
    // The per-address limit of the sign-in form (ThrottlerGuard, which also sets Retry-After).
    if (exception instanceof ThrottlerException) return { status, title: 'signIn.title', message: 'signIn.tooManyFromAddress' };
    return { status: status >= 400 ? status : 500, title: 'error.failedTitle', message: 'error.failed' };
  }
}
