import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, type Locale } from '@app/contracts';
import { weakPasswordMessage } from '../activation/form-problem-messages';
import { SignUpThrottlerGuard } from '../personal-accounts/sign-up-throttler.guard';
import { SignUpUseCase } from '../personal-accounts/sign-up.usecase';
import { checkSignUpForm, readSignUpForm, type SignUpForm } from './account-forms';
import { pageTexts } from './account-page-texts';
import { AccountPageResponder } from './account-page-responder';
import type { FieldError } from './account-pages';
import { AccountPageThrottleFilter } from './account-page-throttle.filter';
import { type MembersRefusal, refusalOf } from './members-refusal';

/** `/signup`: the sign-up form, posting to the same use case and per-address limit as `POST /api/v1/accounts`. */
@ApiExcludeController()
@Controller('signup')
export class SignUpPageController {
  constructor(
    private readonly signUp: SignUpUseCase,
    private readonly responder: AccountPageResponder,
  ) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response, @Query('lang') lang: unknown): void {
    this.responder.page(response, 200, 'signup-form', this.responder.localeOf(request, lang), {}, true);
  }

  @Post()
  @UseGuards(SignUpThrottlerGuard)
  @UseFilters(AccountPageThrottleFilter)
  async submit(@Req() request: Request, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const form = readSignUpForm(body);
    const locale = this.responder.localeOf(request, form.locale);
    const t = pageTexts(locale);
    if (!this.responder.formIsGenuine(request, form.csrfToken)) return this.form(response, 403, locale, form, [], [t.formExpired]);
    const problems = checkSignUpForm(form);
    if (problems.length > 0) return this.form(response, 422, locale, form, problems.map((problem) => ({ field: problem.field, message: t[problem.text] })));
    try {
      await this.signUp.execute({
        email: form.email,
        accountName: form.accountName,
        password: form.password,
        firstName: form.firstName || undefined,
        lastName: form.lastName || undefined,
        locale,
      });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.code === ErrorCode.ServiceUnavailable) return this.responder.page(response, 503, 'unavailable', locale);
      if (!refusal || refusal.code === ErrorCode.TooManyAttempts) throw error;
      const status = refusal.code === ErrorCode.AccountNameTaken ? 409 : 422;
      return this.form(response, status, locale, form, [this.fieldErrorOf(refusal, locale)], [], refusal.details[0]?.suggestions ?? []);
    }
    // The same page whatever the address: whether it had an account is said only in the mail.
    this.responder.page(response, 200, 'signup-sent', locale);
  }

  private form(response: Response, status: number, locale: Locale, form: SignUpForm, errors: FieldError[], formErrors: string[] = [], suggestions: string[] = []): void {
    const values = { email: form.email, accountName: form.accountName, firstName: form.firstName, lastName: form.lastName };
    this.responder.page(response, status, 'signup-form', locale, { values, errors, formErrors, suggestions }, true);
  }

  /** The members service explains in English: French pages say it in their own words. */
  private fieldErrorOf(refusal: MembersRefusal, locale: Locale): FieldError {
    const t = pageTexts(locale);
    switch (refusal.code) {
      case ErrorCode.InvalidEmail:
        return { field: 'email', message: t.invalidEmail };
      case ErrorCode.AccountNameTaken:
        return { field: 'accountName', message: t.accountNameTaken };
      case ErrorCode.InvalidAccountName:
        return { field: 'accountName', message: locale === 'en' ? refusal.message : t.accountNameHint };
      case ErrorCode.WeakPassword:
        return { field: 'password', message: weakPasswordMessage(locale, refusal.message) };
      default:
        return { field: refusal.details[0]?.field ?? 'email', message: locale === 'en' ? refusal.message : t.invalidEmail };
    }
  }
}
