import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ACTIVATION_TOKEN_PATTERN, type EmailVerificationDetails, ErrorCode, type Locale, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { pageTexts } from './account-page-texts';
import { AccountPageResponder } from './account-page-responder';
import { refusalOf } from './members-refusal';

function isToken(value: unknown): value is string {
  return typeof value === 'string' && ACTIVATION_TOKEN_PATTERN.test(value);
}

/**
 * `/verify-email?token=…`, the link of the verification mail. Opening it only shows the account
 * and a button: mail scanners open links, and a link they open must not verify an address that
 * someone else signed up with. The button's post verifies it.
 */
@ApiExcludeController()
@Controller('verify-email')
export class VerifyEmailPageController {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly responder: AccountPageResponder,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Query('token') token: unknown): Promise<void> {
    const visitorLocale = this.responder.localeOf(request);
    if (!isToken(token)) return this.linkInvalid(response, visitorLocale, ErrorCode.NotFound);
    let details: EmailVerificationDetails;
    try {
      details = await this.members.send(MembersRpc.GetEmailVerification, { token });
    } catch (error) {
      return this.failure(response, visitorLocale, error);
    }
    const locale = this.responder.localeOf(request, details.locale);
    this.responder.page(response, 200, 'verify-form', locale, { token, accountName: details.accountName, email: details.email }, true);
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const visitorLocale = this.responder.localeOf(request);
    if (!isToken(fields.token)) return this.linkInvalid(response, visitorLocale, ErrorCode.NotFound);
    const token = fields.token;
    let details: EmailVerificationDetails;
    try {
      details = await this.members.send(MembersRpc.GetEmailVerification, { token });
    } catch (error) {
      return this.failure(response, visitorLocale, error);
    }
    const locale = this.responder.localeOf(request, details.locale);
    if (!this.responder.formIsGenuine(request, typeof fields._csrf === 'string' ? fields._csrf : '')) {
      const context = { token, accountName: details.accountName, email: details.email, formErrors: [pageTexts(locale).formExpired] };
      return this.responder.page(response, 403, 'verify-form', locale, context, true);
    }
    try {
      details = await this.members.send(MembersRpc.VerifyEmail, { token });
    } catch (error) {
      return this.failure(response, locale, error);
    }
    this.responder.page(response, 200, 'verify-done', locale, { accountName: details.accountName, email: details.email });
  }

  private failure(response: Response, locale: Locale, error: unknown): void {
    const code = refusalOf(error)?.code;
    if (code === ErrorCode.ServiceUnavailable) return this.responder.page(response, 503, 'unavailable', locale);
    if (code === ErrorCode.NotFound || code === ErrorCode.ActivationLinkUsed || code === ErrorCode.ActivationLinkExpired) return this.linkInvalid(response, locale, code);
    throw error;
  }

  /** As the activation links answer: unknown 404, used or expired 410. */
  private linkInvalid(response: Response, locale: Locale, code: string): void {
    const t = pageTexts(locale);
    if (code === ErrorCode.ActivationLinkUsed) return this.responder.page(response, 410, 'link-invalid', locale, { heading: t.linkUsedTitle, body: t.linkUsedBody });
    if (code === ErrorCode.ActivationLinkExpired) return this.responder.page(response, 410, 'link-invalid', locale, { heading: t.linkExpiredTitle, body: t.linkExpiredBody });
    this.responder.page(response, 404, 'link-invalid', locale, { heading: t.linkUnknownTitle, body: t.linkUnknownBody });
  }
}
