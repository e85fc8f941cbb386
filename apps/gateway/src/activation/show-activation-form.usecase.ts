import { Injectable } from '@nestjs/common';
import { type ActivationDetails, MembersRpc } from '@app/contracts';
import { MembersRpcClient } from '@app/messaging';
import { ActivationAnswers, type ActivationPageAnswer } from './activation-answers';
import { isActivationToken } from './activation-form';
import { UNKNOWN_LINK } from './link-problem';
import { pickPageLocale } from './pages/activation-pages';

interface ShowActivationFormQuery {
  token: unknown;
  acceptLanguage: string | undefined;
}

/**
 * The page behind the emailed link. Only reads: mail scanners and link previews open links
 * before people do, so showing the form must never spend the token.
 */
@Injectable()
export class ShowActivationFormUseCase {
  constructor(
    private readonly members: MembersRpcClient,
    private readonly answers: ActivationAnswers,
  ) {}

  async execute({ token, acceptLanguage }: ShowActivationFormQuery): Promise<ActivationPageAnswer> {
    const visitorLocale = pickPageLocale(undefined, acceptLanguage);
    if (!isActivationToken(token)) return this.answers.linkInvalid(UNKNOWN_LINK, visitorLocale);
    let details: ActivationDetails;
    try {
      details = await this.members.send(MembersRpc.GetActivation, { token });
    } catch (error) {
      return this.answers.failure(error, visitorLocale);
    }
    const names = { firstName: details.firstName ?? '', lastName: details.lastName ?? '' };
    return this.answers.form(token, details, pickPageLocale(details.locale, acceptLanguage), names);
  }
}
