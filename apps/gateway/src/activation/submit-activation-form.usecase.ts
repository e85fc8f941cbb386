import { Injectable } from '@nestjs/common';
import { type ActivateAccountCommand, type ActivationDetails, ErrorCode, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { ActivationAnswers, type ActivationPageAnswer, errorCode } from './activation-answers';
import { csrfTokensMatch } from './activation-csrf';
import { checkActivationForm, isActivationToken, readActivationForm } from './activation-form';
import { formProblemMessage, weakPasswordMessage } from './form-problem-messages';
import { UNKNOWN_LINK } from './link-problem';
import { pickPageLocale } from './pages/activation-pages';

interface SubmitActivationFormCommand {
  body: unknown;
  csrfCookie: unknown;
  acceptLanguage: string | undefined;
}

/** The posted form: checked, then the account activated and the token spent by the members service. */
@Injectable()
export class SubmitActivationFormUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly answers: ActivationAnswers,
  ) {}

  async execute({ body, csrfCookie, acceptLanguage }: SubmitActivationFormCommand): Promise<ActivationPageAnswer> {
    const form = readActivationForm(body);
    const visitorLocale = pickPageLocale(undefined, acceptLanguage);
    if (!isActivationToken(form.token)) return this.answers.linkInvalid(UNKNOWN_LINK, visitorLocale);
    let details: ActivationDetails;
    try {
      details = await this.members.send(MembersRpc.GetActivation, { token: form.token });
    } catch (error) {
      return this.answers.failure(error, visitorLocale);
    }
    const locale = pickPageLocale(details.locale, acceptLanguage);
    const names = { firstName: form.firstName, lastName: form.lastName };
    if (!csrfTokensMatch(csrfCookie, form.csrfToken)) {
      return this.answers.form(form.token, details, locale, names, [{ field: 'form', message: formProblemMessage(locale, 'form_expired') }], 403);
    }
    const problems = checkActivationForm(form);
    if (problems.length > 0) {
      const errors = problems.map((problem) => ({ field: problem.field, message: formProblemMessage(locale, problem.code) }));
      return this.answers.form(form.token, details, locale, names, errors, 422);
    }
    const command: ActivateAccountCommand = {
      token: form.token,
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      password: form.password,
    };
    try {
      return this.answers.success(await this.members.send(MembersRpc.Activate, command), locale);
    } catch (error) {
      if (errorCode(error) !== ErrorCode.WeakPassword) return this.answers.failure(error, locale);
      const explanation = error instanceof Error ? error.message : undefined;
      return this.answers.form(form.token, details, locale, names, [{ field: 'password', message: weakPasswordMessage(locale, explanation) }], 422);
    }
  }
}
