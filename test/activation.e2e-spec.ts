import { type Channel, type ChannelModel, connect, type ConsumeMessage } from 'amqplib';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { Exchanges, RoutingKeys } from '@app/contracts';
import { type AddedMembers, type CreatedMember, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { ActivationPages } from '../apps/gateway/src/activation/pages/activation-pages';
import { expireActivationToken, issueActivationToken } from './support/activation-fixtures';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(90_000);

const PASSWORD = 'Quiet-Meadow-Lantern-73';
const PRESET_PASSWORD = 'Sturdy-Violet-Canal-88';

/** What a browser keeps from the form page: the CSRF cookie and the hidden field's value. */
interface OpenedForm {
  response: Response;
  cookie: string;
  csrf: string;
}

interface FormFields {
  token: string;
  _csrf?: string;
  firstName?: string;
  lastName?: string;
  password?: string;
  passwordConfirmation?: string;
}

function csrfCookieOf(response: Response): string {
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie.find((header) => header.startsWith('roster_activation_csrf='));
  if (!cookie) throw new Error('no CSRF cookie set');
  return cookie;
}

function h1(response: Response): string[] {
  return [...response.text.matchAll(/<h1>([^<]*)<\/h1>/g)].map((match) => match[1]);
}

describe('member activation pages, member sign-in and new activation emails', () => {
  const stack = new TestStack('activation', rosterApps);
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let added: AddedMembers[];

  const member = (email: string): CreatedMember => added.flatMap((batch) => batch.members).find((candidate) => candidate.email === email)!;

  async function openForm(token: string, acceptLanguage = 'en-US,en;q=0.9'): Promise<OpenedForm> {
    const response = await stack.http().get(`/activate?token=${token}`).set('Accept-Language', acceptLanguage).expect(200);
    const csrf = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(response.text)?.[1];
    if (!csrf) throw new Error('no _csrf field in the form');
    return { response, cookie: csrfCookieOf(response).split(';')[0], csrf };
  }

  function post(fields: FormFields, cookie?: string, acceptLanguage = 'en-US,en;q=0.9') {
    const request = stack.http().post('/activate').type('form').set('Accept-Language', acceptLanguage);
    return (cookie ? request.set('Cookie', cookie) : request).send({ ...fields });
  }

  function complete(token: string, form: OpenedForm, changes: Partial<FormFields> = {}) {
    return post({ token, _csrf: form.csrf, firstName: 'Jeanne', lastName: 'Dupont', password: PASSWORD, passwordConfirmation: PASSWORD, ...changes }, form.cookie);
  }

  const memberLogin = (login: string, password: string) => stack.http().post('/api/v1/auth/member-login').send({ login, password });
  const asAdmin = (admin: SignedInAdmin) => ({ Authorization: `Bearer ${admin.token}` });

  function expectPageSecurityHeaders(response: Response): void {
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(stack.gateway.app.get(ActivationPages).contentSecurityPolicy);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  }

  beforeAll(async () => {
    await stack.start();
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example');
    const contosoEmails = [
      'Jeanne Dupont <jeanne.dupont@contoso.example>',
      'checks@contoso.example',
      'late@contoso.example',
      'renewed@contoso.example',
      'racing@contoso.example',
      'waiting@contoso.example',
      'preset@contoso.example',
    ];
    added = [
      await stack.addMembers(contoso, contosoEmails, { 'preset@contoso.example': PRESET_PASSWORD }),
      await stack.addMembers(fabrikam, ['Li Wu <li.wu@fabrikam.example>']),
    ];
    expect(added.map((batch) => batch.members.length)).toEqual([7, 1]);
  });

  afterAll(async () => {
    await stack.stop();
  });

  describe('GET /activate', () => {
    it("shows the form in the member's language, with the account, the token and a CSRF token, without spending the link", async () => {
      const jeanne = member('jeanne.dupont@contoso.example');
      const token = await issueActivationToken(stack, jeanne);

      const first = await openForm(token);
      const second = await openForm(token);

      for (const { response } of [first, second]) {
        expectPageSecurityHeaders(response);
        expect(response.text).toContain('<html lang="fr">');
        expect(h1(response)).toEqual(['Activez votre compte']);
        expect(response.text).toContain(`<dd>${jeanne.accountName}</dd>`);
        expect(response.text).toContain('<dd>Contoso</dd>');
        expect(response.text).toContain(`<input type="hidden" name="token" value="${token}">`);
        expect(response.text).toMatch(/<input id="firstName" [^>]*value="Jeanne"/);
        expect(response.text).toMatch(/<input id="lastName" [^>]*value="Dupont"/);
        expect(csrfCookieOf(response)).toMatch(/^roster_activation_csrf=[A-Za-z0-9_-]{43}; Path=\/activate; HttpOnly; SameSite=Strict$/);
      }
      expect(first.cookie).toBe(`roster_activation_csrf=${first.csrf}`);
      expect(second.csrf).not.toBe(first.csrf);

      const activated = await complete(token, second).expect(200);
      expect(h1(activated)).toEqual(['Votre compte est activé']);
    });

    it("explains unknown and malformed links with 404 in the visitor's language", async () => {
      const unknown = randomBytes(32).toString('base64url');
      const english = await stack.http().get(`/activate?token=${unknown}`).set('Accept-Language', 'en-GB,en;q=0.9').expect(404);
      expectPageSecurityHeaders(english);
      expect(english.text).toContain('<html lang="en">');
      expect(h1(english)).toEqual(['This link is not valid']);
      expect(english.text).toContain('new activation link');
      expect(english.headers['set-cookie']).toBeUndefined();

      const french = await stack.http().get(`/activate?token=${unknown}`).set('Accept-Language', 'fr-FR,fr;q=0.9,en;q=0.8').expect(404);
      expect(h1(french)).toEqual(['Ce lien n’est pas valide']);

      for (const path of ['/activate?token=too-short', `/activate?token=${unknown}%3D`, `/activate?token=${unknown}&token=${unknown}`, '/activate']) {
        const malformed = await stack.http().get(path).expect(404);
        expect(h1(malformed)).toEqual(['This link is not valid']);
      }
      const posted = await post({ token: unknown, password: PASSWORD, passwordConfirmation: PASSWORD }).expect(404);
      expect(h1(posted)).toEqual(['This link is not valid']);
    });

    it('answers 410 for an expired link, on the page and on a post', async () => {
      const token = await issueActivationToken(stack, member('late@contoso.example'));
      const form = await openForm(token);
      await expireActivationToken(stack, token);

      const page = await stack.http().get(`/activate?token=${token}`).expect(410);
      expectPageSecurityHeaders(page);
      expect(h1(page)).toEqual(['This link has expired']);
      const posted = await complete(token, form).expect(410);
      expect(h1(posted)).toEqual(['This link has expired']);
      await memberLogin(member('late@contoso.example').accountName, PASSWORD).expect(401);
    });

    it('stops an older link as soon as a newer one is issued', async () => {
      const renewed = member('renewed@contoso.example');
      const older = await issueActivationToken(stack, renewed);
      const olderForm = await openForm(older);
      const newer = await issueActivationToken(stack, renewed);

      const page = await stack.http().get(`/activate?token=${older}`).expect(410);
      expect(h1(page)).toEqual(['This link has expired']);
      await complete(older, olderForm).expect(410);
      await openForm(newer);
    });
  });

  describe('POST /activate', () => {
    it('refuses a post without the CSRF cookie, or with another value, and shows the form again with 403', async () => {
      const token = await issueActivationToken(stack, member('checks@contoso.example'));
      const form = await openForm(token);
      const fields = { token, _csrf: form.csrf, firstName: 'Chloé', lastName: 'Martin', password: PASSWORD, passwordConfirmation: PASSWORD };

      const withoutCookie = await post(fields).expect(403);
      const withoutField = await post({ ...fields, _csrf: undefined }, form.cookie).expect(403);
      const otherValue = await post({ ...fields, _csrf: randomBytes(32).toString('base64url') }, form.cookie).expect(403);
      const otherCookie = await post(fields, `roster_activation_csrf=${randomBytes(32).toString('base64url')}`).expect(403);

      for (const refused of [withoutCookie, withoutField, otherValue, otherCookie]) {
        expectPageSecurityHeaders(refused);
        expect(h1(refused)).toEqual(['Activez votre compte']);
        expect(refused.text).toContain('Ce formulaire a expiré par mesure de sécurité');
        expect(refused.text).toMatch(/<input id="firstName" [^>]*value="Chloé"/);
        expect(refused.text).not.toContain(PASSWORD);
        expect(csrfCookieOf(refused)).toMatch(/^roster_activation_csrf=[A-Za-z0-9_-]{43};/);
      }
      await openForm(token);
    });

    it('shows the form again with 422 for a confirmation that differs or a weak password, keeping the names and never the password', async () => {
      const checks = member('checks@contoso.example');
      const token = await issueActivationToken(stack, checks);
      const form = await openForm(token);

      const mismatch = await complete(token, form, { firstName: 'Chloé', lastName: 'Martin', passwordConfirmation: 'Quiet-Meadow-Lantern-74' }).expect(422);
      expectPageSecurityHeaders(mismatch);
      expect(mismatch.text).toContain('<html lang="fr">');
      expect(mismatch.text).toMatch(/id="passwordConfirmation"[^>]*aria-invalid="true"[^>]*>\n<div class="field-error" id="passwordConfirmation-error">\n<p>Les deux mots de passe ne sont pas identiques\.<\/p>/);
      expect(mismatch.text).toMatch(/<input id="firstName" [^>]*value="Chloé"/);
      expect(mismatch.text).toMatch(/<input id="lastName" [^>]*value="Martin"/);
      expect(mismatch.text).not.toMatch(/Quiet-Meadow-Lantern/);

      for (const [password, explanation] of [
        ['password1234', 'Ce mot de passe est trop courant'],
        ['short-Pw1', 'Votre mot de passe doit contenir au moins 12 caractères.'],
        [`${checks.accountName}-Lantern-73`, 'Votre mot de passe ne doit pas contenir votre nom de compte.'],
      ]) {
        const weak = await complete(token, form, { firstName: 'Chloé', password, passwordConfirmation: password }).expect(422);
        expect(weak.text).toMatch(new RegExp(`<div class="field-error" id="password-error">\\n<p>${explanation}`));
        expect(weak.text).toMatch(/<input id="firstName" [^>]*value="Chloé"/);
        expect(weak.text).not.toContain(password);
      }

      const missing = await complete(token, form, { firstName: ' ', lastName: '' }).expect(422);
      expect(missing.text).toContain('Saisissez votre prénom.');
      expect(missing.text).toContain('Saisissez votre nom.');

      await openForm(token);
      await memberLogin(checks.email, PASSWORD).expect(401);
    });

    it('activates the account, shows the success page, and the link is then used', async () => {
      const li = member('li.wu@fabrikam.example');
      const token = await issueActivationToken(stack, li);
      const form = await openForm(token, 'fr-FR');
      expect(form.response.text).toContain('<html lang="en">');

      const activated = await complete(token, form, { firstName: '  Li ', lastName: 'Wu-Martin' }).expect(200);
      expectPageSecurityHeaders(activated);
      expect(h1(activated)).toEqual(['Your account is active']);
      expect(activated.text).toContain(`your account name (<strong>${li.accountName}</strong>) or your email address (<strong>li.wu@fabrikam.example</strong>)`);
      expect(csrfCookieOf(activated)).toMatch(/^roster_activation_csrf=; Path=\/activate; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/);

      const account = (await stack.http().get(`/api/v1/members/${li.memberId}`).set(asAdmin(fabrikam)).expect(200)).body;
      expect(account).toMatchObject({ status: 'active', firstName: 'Li', lastName: 'Wu-Martin', mustChangePassword: false });

      const again = await complete(token, form).set('Accept-Language', 'fr').expect(410);
      expectPageSecurityHeaders(again);
      expect(h1(again)).toEqual(['Ce lien a déjà été utilisé']);
      const page = await stack.http().get(`/activate?token=${token}`).expect(410);
      expect(h1(page)).toEqual(['This link has already been used']);
    });

    it('activates once when the form is posted twice at the same time with two passwords: the other post is told the link is used', async () => {
      const racing = member('racing@contoso.example');
      const token = await issueActivationToken(stack, racing);
      const form = await openForm(token);
      const other = 'Brisk-Harbour-Pepper-19';

      // French either way: from the member's locale, or from the browser's if one post finishes before the other starts.
      const answers = await Promise.all([
        complete(token, form).set('Accept-Language', 'fr'),
        complete(token, form, { password: other, passwordConfirmation: other }).set('Accept-Language', 'fr'),
      ]);

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 410]);
      const success = answers.find((answer) => answer.status === 200)!;
      const refused = answers.find((answer) => answer.status === 410)!;
      expect(h1(success)).toEqual(['Votre compte est activé']);
      expect(h1(refused)).toEqual(['Ce lien a déjà été utilisé']);
      const [kept, refusedPassword] = answers[0] === success ? [PASSWORD, other] : [other, PASSWORD];
      await memberLogin(racing.accountName, kept).expect(200);
      await memberLogin(racing.accountName, refusedPassword).expect(401);
    });
  });

  describe('POST /api/v1/auth/member-login', () => {
    it('signs an active member in by account name or by email, with a member token the admin routes refuse', async () => {
      const jeanne = member('jeanne.dupont@contoso.example');

      const byName = await memberLogin(jeanne.accountName, PASSWORD).expect(200);
      const byEmail = await memberLogin('Jeanne.Dupont@Contoso.example', PASSWORD).expect(200);

      for (const { body } of [byName, byEmail]) {
        expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600, mustChangePassword: false });
        const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString('utf8'));
        expect(claims).toMatchObject({ sub: jeanne.memberId, org: contoso.organizationId, typ: 'member' });
        for (const path of ['/api/v1/members', `/api/v1/members/${jeanne.memberId}`]) {
          const refused = await stack.http().get(path).set('Authorization', `Bearer ${body.accessToken}`).expect(401);
          expect(refused.body.code).toBe('unauthorized');
        }
        await stack.http().post('/api/v1/member-batches').set('Authorization', `Bearer ${body.accessToken}`).send({ emails: 'x@contoso.example' }).expect(401);
      }
    });

    it('answers a pending account without a password as it answers an unknown login (401)', async () => {
      const pending = await memberLogin(member('waiting@contoso.example').accountName, PASSWORD).expect(401);
      const unknown = await memberLogin('nobody.waiting', PASSWORD).expect(401);
      expect(pending.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: expect.any(String) });
      expect(unknown.body).toEqual(pending.body);
    });

    it('answers a wrong password and an unknown login identically (401)', async () => {
      const wrong = await memberLogin(member('jeanne.dupont@contoso.example').accountName, 'Not-The-Password-1').expect(401);
      const unknown = await memberLogin('nobody.here@contoso.example', 'Not-The-Password-1').expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: expect.any(String) });
      expect(unknown.body).toEqual(wrong.body);
      await memberLogin('', PASSWORD).expect(422);
    });

    it('gives a member whose admin set the password no token for it, only the way to choose their own (403)', async () => {
      const preset = member('preset@contoso.example');
      const response = await memberLogin(preset.email, PRESET_PASSWORD).expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, code: 'password_change_required' });
      expect(response.body.accessToken).toBeUndefined();
    });
  });

  describe('POST /api/v1/members/:id/activation-email', () => {
    let connection: ChannelModel;
    let channel: Channel;
    const commands: ConsumeMessage[] = [];

    beforeAll(async () => {
      connection = await connect(stack.amqpUrl);
      channel = await connection.createChannel();
      await channel.assertExchange(Exchanges.Commands, 'direct', { durable: true });
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      await channel.bindQueue(queue, Exchanges.Commands, RoutingKeys.SendActivationEmail);
      await channel.consume(queue, (message) => message && commands.push(message), { noAck: true });
    });

    afterAll(async () => {
      await connection?.close();
    });

    it('queues a new activation email for a pending member and stops the previous link', async () => {
      const waiting = member('waiting@contoso.example');
      const previous = await issueActivationToken(stack, waiting);
      await openForm(previous);

      const response = await stack.http().post(`/api/v1/members/${waiting.memberId}/activation-email`).set(asAdmin(contoso)).expect(202);

      expect(response.body).toEqual({ queued: true });
      const command = await eventually(
        async () => commands.find((message) => JSON.parse(message.content.toString('utf8')).memberId === waiting.memberId),
        10_000,
        'the SendActivationEmail command',
      );
      const raw = command.content.toString('utf8');
      expect(Object.keys(JSON.parse(raw)).sort()).toEqual(
        ['accountName', 'email', 'firstName', 'id', 'locale', 'memberId', 'organizationId', 'organizationName', 'passwordSetByAdmin', 'requestedAt'],
      );
      expect(JSON.parse(raw)).toMatchObject({ memberId: waiting.memberId, organizationId: contoso.organizationId, email: 'waiting@contoso.example', accountName: waiting.accountName, organizationName: 'Contoso' });
      expect(raw).not.toContain(previous);
      expect(raw).not.toMatch(/token|activate|"password"|hash/i);
      const page = await stack.http().get(`/activate?token=${previous}`).expect(410);
      expect(h1(page)).toEqual(['This link has expired']);
    });

    it('answers 409 for an active member and 404 for a member of another organization', async () => {
      const active = await stack.http().post(`/api/v1/members/${member('jeanne.dupont@contoso.example').memberId}/activation-email`).set(asAdmin(contoso)).expect(409);
      expect(active.body).toMatchObject({ statusCode: 409, code: 'already_active' });

      const elsewhere = await stack.http().post(`/api/v1/members/${member('waiting@contoso.example').memberId}/activation-email`).set(asAdmin(fabrikam)).expect(404);
      expect(elsewhere.body).toMatchObject({ statusCode: 404, code: 'not_found' });
      await stack.http().post('/api/v1/members/not-a-uuid/activation-email').set(asAdmin(contoso)).expect(404);
      await stack.http().post(`/api/v1/members/${member('waiting@contoso.example').memberId}/activation-email`).expect(401);
    });
  });
});
