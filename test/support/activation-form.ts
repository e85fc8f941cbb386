import type { Response } from 'supertest';
import type { TestStack } from '@app/testing';

/** What a browser keeps from the activation page: the CSRF cookie and the hidden field's value. */
export interface OpenedActivationForm {
  cookie: string;
  csrf: string;
}

/** Opens the activation page of a link as a browser does (200 expected). */
export async function openActivationForm(stack: TestStack, token: string): Promise<OpenedActivationForm> {
  const response = await stack.http().get(`/activate?token=${token}`).expect(200);
  const csrf = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(response.text)?.[1];
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((header) => header.startsWith('roster_activation_csrf='));
  if (!csrf || !cookie) throw new Error('no CSRF token on the activation page');
  return { cookie: cookie.split(';')[0], csrf };
}

/** Posts the opened form with this password, as the member would. */
export async function postActivationForm(stack: TestStack, token: string, form: OpenedActivationForm, password: string): Promise<Response> {
  return stack
    .http()
    .post('/activate')
    .type('form')
    .set('Cookie', form.cookie)
    .send({ token, _csrf: form.csrf, firstName: 'Sam', lastName: 'Rivera', password, passwordConfirmation: password });
}

export function pageHeading(response: Response): string[] {
  return [...response.text.matchAll(/<h1>([^<]*)<\/h1>/g)].map((match) => match[1]);
}
