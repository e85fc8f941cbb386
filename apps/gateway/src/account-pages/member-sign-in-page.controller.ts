import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ErrorCode, type Locale } from '@app/contracts';
import { weakPasswordMessage } from '../activation/form-problem-messages';
import { ChangeMemberPasswordUseCase } from '../auth/change-member-password.usecase';
import type { MemberAccessTokenResponse } from '../auth/dto/access-token-response.dto';
import { MemberLoginUseCase } from '../auth/member-login.usecase';
import { checkPasswordChangeForm, checkSignInForm, type FormProblem, readPasswordChangeForm, readSignInForm } from './account-forms';
import { pageTexts } from './account-page-texts';
import { AccountPageResponder } from './account-page-responder';
import { AccountPageThrottleFilter } from './account-page-throttle.filter';
import type { AccountPage, FieldError } from './account-pages';
import { MemberPageSession, safeNext } from './member-page-session';
import { refusalOf } from './members-refusal';

/** The status each refusal of a sign-in answers with, and what the form then says. */
const SIGN_IN_REFUSALS: Record<string, { status: number; text: 'wrongCredentials' | 'tooManyAttempts' }> = {
  [ErrorCode.InvalidCredentials]: { status: 401, text: 'wrongCredentials' },
  [ErrorCode.TooManyAttempts]: { status: 429, text: 'tooManyAttempts' },
};

/**
 * `/signin` for people, business or personal accounts: the API's member sign-in (its lockout,
 * its single answer for a wrong login, a wrong password or an unverified address), then a small
 * page saying who is signed in, with sign-out. The session is the member's access token in an
 * HttpOnly cookie, checked with the members service on each visit, so a password change ends it.
 * An admin-set password leads to the form that replaces it. `?next=` (an invitation's page) is
 * where a successful sign-in leads.
 */
@ApiExcludeController()
@Controller()
export class MemberSignInPageController {
  constructor(
    private readonly login: MemberLoginUseCase,
    private readonly changePassword: ChangeMemberPasswordUseCase,
    private readonly session: MemberPageSession,
    private readonly responder: AccountPageResponder,
  ) {}

  @Get('signin')
  async show(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Query('signed-out') signedOut: unknown,
    @Query('next') next: unknown,
  ): Promise<void> {
    const locale = this.responder.localeOf(request, lang);
    const after = safeNext(next);
    if (await this.session.member(request)) return this.responder.redirect(response, `${after ?? '/account'}?lang=${locale}`);
    this.responder.page(response, 200, 'signin-form', locale, { notice: signedOut === '1' ? pageTexts(locale).signedOut : null, ...nextContext(after) }, true);
  }

  @Post('signin')
  @UseGuards(ThrottlerGuard)
  @UseFilters(AccountPageThrottleFilter)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const form = readSignInForm(body);
    const locale = this.responder.localeOf(request, (body as Record<string, unknown> | undefined)?.lang);
    const after = safeNext((body as Record<string, unknown> | undefined)?.next);
    const values = { login: form.login };
    if (!this.responder.formIsGenuine(request, form.csrfToken)) return this.form(response, 403, 'signin-form', locale, values, [], [pageTexts(locale).formExpired], after);
    const problems = checkSignInForm(form);
    if (problems.length > 0) return this.form(response, 422, 'signin-form', locale, values, this.errors(locale, problems), [], after);
    let access: MemberAccessTokenResponse;
    try {
      access = await this.login.execute({ login: form.login, password: form.password });
    } catch (error) {
      const code = refusalOf(error)?.code;
      if (code === ErrorCode.PasswordChangeRequired) return this.form(response, 403, 'password-change-form', locale, values);
      return this.refused(response, 'signin-form', locale, values, error, after);
    }
    this.signedIn(response, access, locale, after);
  }

  @Post('signin/password')
  @UseGuards(ThrottlerGuard)
  @UseFilters(AccountPageThrottleFilter)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  async submitPassword(@Req() request: Request, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const form = readPasswordChangeForm(body);
    const locale = this.responder.localeOf(request, (body as Record<string, unknown> | undefined)?.lang);
    const values = { login: form.login };
    const t = pageTexts(locale);
    if (!this.responder.formIsGenuine(request, form.csrfToken)) return this.form(response, 403, 'password-change-form', locale, values, [], [t.formExpired]);
    const problems = checkPasswordChangeForm(form);
    if (problems.length > 0) return this.form(response, 422, 'password-change-form', locale, values, this.errors(locale, problems));
    let access: MemberAccessTokenResponse;
    try {
      access = await this.changePassword.execute({ login: form.login, password: form.password, newPassword: form.newPassword });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.code === ErrorCode.WeakPassword) {
        return this.form(response, 422, 'password-change-form', locale, values, [{ field: 'newPassword', message: weakPasswordMessage(locale, refusal.message) }]);
      }
      return this.refused(response, 'password-change-form', locale, values, error);
    }
    this.signedIn(response, access, locale);
  }

  @Post('signout')
  signOut(@Req() request: Request, @Res() response: Response, @Body() body: unknown): void {
    const fields = (body ?? {}) as Record<string, unknown>;
    const locale = this.responder.localeOf(request, fields.lang);
    // A post from elsewhere (no matching CSRF value) signs no one out.
    if (!this.responder.formIsGenuine(request, typeof fields._csrf === 'string' ? fields._csrf : '')) return this.responder.redirect(response, `/account?lang=${locale}`);
    this.responder.endSession(response);
    this.responder.redirect(response, `/signin?lang=${locale}&signed-out=1`);
  }

  private signedIn(response: Response, access: MemberAccessTokenResponse, locale: Locale, after: string | null = null): void {
    this.responder.startSession(response, access.accessToken, access.expiresIn);
    this.responder.redirect(response, `${after ?? '/account'}?lang=${locale}`);
  }

  private refused(response: Response, page: AccountPage, locale: Locale, values: Record<string, string>, error: unknown, after: string | null = null): void {
    const code = refusalOf(error)?.code;
    if (code === ErrorCode.ServiceUnavailable) return this.responder.page(response, 503, 'unavailable', locale);
    const refusal = code === undefined ? undefined : SIGN_IN_REFUSALS[code];
    if (!refusal) throw error;
    this.form(response, refusal.status, page, locale, values, [], [pageTexts(locale)[refusal.text]], after);
  }

  private errors(locale: Locale, problems: FormProblem[]): FieldError[] {
    const t = pageTexts(locale);
    return problems.map((problem) => ({ field: problem.field, message: t[problem.text] }));
  }

  private form(
    response: Response,
    status: number,
    page: AccountPage,
    locale: Locale,
    values: Record<string, string>,
    errors: FieldError[] = [],
    formErrors: string[] = [],
    after: string | null = null,
  ): void {
    this.responder.page(response, status, page, locale, { values, errors, formErrors, ...nextContext(after) }, true);
  }
}

/** The sign-in form carries where it leads to, and says why when that is an invitation. */
function nextContext(after: string | null): { next: string; forInvitation: boolean } {
  return { next: after ?? '', forInvitation: after?.startsWith('/invitations/') ?? false };
}
