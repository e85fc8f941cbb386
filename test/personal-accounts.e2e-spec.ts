import type { Response } from 'supertest';
import { type AddedMembers, type CapturedMail, type SignedInAdmin, TestStack } from '@app/testing';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const PASSWORD = 'Quiet-Meadow-Lantern-73';
const SIGN_UPS_PER_HOUR = 5;

interface StoredAccount {
  _id: string;
  type?: string;
  organizationId: string | null;
  accountName: string;
  status: string;
  activatedAt: Date | null;
}

/** The verification token in a mail's link (the text part holds the link as is). */
function verificationToken(mail: CapturedMail): string {
  const match = /\/verify-email\?token=([0-9A-Za-z-]+\.\d+\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text);
  if (!match) throw new Error(`no verification link in the mail "${mail.subject}"`);
  return match[1];
}

function h1(response: Response): string[] {
  return [...response.text.matchAll(/<h1>([^<]*)<\/h1>/g)].map((match) => match[1]);
}

/** What a browser keeps from a form page: the CSRF cookie and the hidden field's value. */
function formOf(response: Response): { cookie: string; csrf: string } {
  const csrf = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(response.text)?.[1];
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((header) => header.startsWith('roster_pages_csrf='));
  if (!csrf || !cookie) throw new Error('no CSRF token on the page');
  return { cookie: cookie.split(';')[0], csrf };
}

describe('personal accounts: sign-up over HTTP, the verification mail and page, sign-in only once verified', () => {
  const stack = new TestStack('personal_accounts', rosterApps);
  let contoso: SignedInAdmin;
  let added: AddedMembers;
  /** Each test signs up from its own address, so that only the limit's own test meets the limit. */
  let nextAddress = 1;
  const clientAddress = () => `198.51.100.${nextAddress++}`;

  const signUp = (body: Record<string, unknown>, from = clientAddress()) => stack.http().post('/api/v1/accounts').set('X-Forwarded-For', from).send(body);
  const memberLogin = (login: string, password: string) => stack.http().post('/api/v1/auth/member-login').send({ login, password });
  const storedAccount = (filter: Partial<StoredAccount> & { emailNormalized?: string }) => stack.db().collection<StoredAccount>('accounts').findOne(filter);
  const mailTo = async (address: string, count = 1) => (await stack.smtp.waitFor((mail) => mail.to.includes(address) && stack.smtp.mailsTo(address).length >= count))[count - 1];

  async function verify(token: string): Promise<Response> {
    const page = await stack.http().get(`/verify-email?token=${token}`).expect(200);
    const form = formOf(page);
    return stack.http().post('/verify-email').type('form').set('Cookie', form.cookie).send({ token, _csrf: form.csrf });
  }

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS, gateway: { SIGN_UPS_PER_HOUR: String(SIGN_UPS_PER_HOUR) } });
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    added = await stack.addMembers(contoso, ['sam.rivera@contoso.example']);
  });

  afterAll(() => stack.stop());

  it('creates a pending personal account in no organization, mails a link, and signs in only once the address is verified', async () => {
    const created = await signUp({ email: 'Jane.Doe@Example.org', accountName: 'jane.doe', password: PASSWORD, firstName: 'Jane', lastName: 'Doe' }).expect(202);
    expect(created.body).toEqual({ status: 'verification_sent' });
    expect(created.headers['cache-control']).toBe('no-store');
    const account = await storedAccount({ accountName: 'jane.doe' });
    expect(account).toMatchObject({ type: 'personal', organizationId: null, status: 'pending_activation', activatedAt: null });

    // Before verification: the same answer as a wrong password or an unknown login.
    const unknown = await memberLogin('nobody.here', PASSWORD).expect(401);
    expect((await memberLogin('jane.doe', PASSWORD).expect(401)).body).toEqual(unknown.body);
    expect((await memberLogin('jane.doe@example.org', PASSWORD).expect(401)).body).toEqual(unknown.body);
    await stack.http().post('/api/v1/auth/member-password').send({ login: 'jane.doe', password: PASSWORD, newPassword: 'Copper-Kettle-Orchard-51' }).expect(401);

    const mail = await mailTo('jane.doe@example.org');
    expect(mail.subject).toBe('Verify your email address for your Roster account');
    expect(mail.text).toContain('jane.doe');
    expect(mail.text).toContain('Automated message sent by Roster. Please do not reply.');
    const token = verificationToken(mail);
    expect(token.startsWith(`${account!._id}.`)).toBe(true);
    expect(JSON.stringify(await stack.db().collection('activation_tokens').find({ memberId: account!._id }).toArray())).not.toContain(token.split('.')[2]);

    // Opening the link verifies nothing: only the page's button does.
    const page = await stack.http().get(`/verify-email?token=${token}`).expect(200);
    expect(h1(page)).toEqual(['Verify your email address']);
    expect(page.text).toContain('jane.doe');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(await storedAccount({ _id: account!._id })).toMatchObject({ status: 'pending_activation', activatedAt: null });
    const forged = await stack.http().post('/verify-email').type('form').send({ token, _csrf: formOf(page).csrf }).expect(403);
    expect(forged.text).toContain('This form has expired');
    await memberLogin('jane.doe', PASSWORD).expect(401);

    const verified = await verify(token);
    expect(verified.status).toBe(200);
    expect(h1(verified)).toEqual(['Your address is verified']);
    expect(verified.text).toContain('href="/signin?lang=en"');
    expect(await storedAccount({ _id: account!._id })).toMatchObject({ status: 'active', activatedAt: expect.any(Date) });

    const signedIn = await memberLogin('jane.doe', PASSWORD).expect(200);
    const me = await stack.http().get('/api/v1/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ id: account!._id, type: 'personal', organizationId: null, status: 'active', accountName: 'jane.doe', email: 'Jane.Doe@Example.org' });

    expect((await stack.http().get(`/verify-email?token=${token}`).expect(410)).text).toContain('This link has already been used');
    await stack.http().get(`/verify-email?token=${account!._id}.7.${'A'.repeat(43)}`).expect(404);
    await stack.http().get('/verify-email?token=nonsense').expect(404);
  });

  it('does not list personal accounts among an organization’s members, and a batch finds their address in use', async () => {
    await signUp({ email: 'listed.not@example.org', accountName: 'listed.not', password: PASSWORD }).expect(202);
    const personal = await storedAccount({ accountName: 'listed.not' });
    const auth = { Authorization: `Bearer ${contoso.token}` };
    const members = await stack.http().get('/api/v1/members?limit=100').set(auth).expect(200);
    expect(members.body.items.map((member: { email: string }) => member.email)).toEqual(['sam.rivera@contoso.example']);
    expect(members.body.total).toBe(1);
    const searched = await stack.http().get('/api/v1/members?q=listed').set(auth).expect(200);
    expect(searched.body.items).toEqual([]);
    await stack.http().get(`/api/v1/members/${personal!._id}`).set(auth).expect(404);

    const batch = await stack.http().post('/api/v1/member-batches').set(auth).send({ emails: ['listed.not@example.org'] }).expect(201);
    expect(batch.body.rows[0].errors.map((error: { code: string }) => error.code)).toEqual(['personal_account_unverified']);
  });

  it('refuses a taken or invalid account name with free suggestions, and a weak password, before anything is created', async () => {
    const taken = await signUp({ email: 'another.jane@example.org', accountName: 'jane.doe', password: PASSWORD }).expect(409);
    expect(taken.body).toMatchObject({ statusCode: 409, code: 'account_name_taken', details: [{ field: 'accountName', code: 'account_name_taken' }] });
    const suggestions: string[] = taken.body.details[0].suggestions;
    expect(suggestions).toHaveLength(3);
    expect(suggestions).not.toContain('jane.doe');
    // A business member's name is taken just the same.
    const business = await signUp({ email: 'other@example.org', accountName: added.of('sam.rivera@contoso.example').accountName, password: PASSWORD }).expect(409);
    expect(business.body.code).toBe('account_name_taken');
    // A suggestion is free: taking it works.
    await signUp({ email: 'another.jane@example.org', accountName: suggestions[0], password: PASSWORD }).expect(202);

    const invalid = await signUp({ email: 'x1@example.org', accountName: 'Ab', password: PASSWORD }).expect(422);
    expect(invalid.body).toMatchObject({ code: 'invalid_account_name', details: [{ field: 'accountName', suggestions: expect.any(Array) }] });
    const reserved = await signUp({ email: 'x2@example.org', accountName: 'administrator', password: PASSWORD }).expect(422);
    expect(reserved.body.code).toBe('invalid_account_name');

    const short = await signUp({ email: 'x3@example.org', accountName: 'weak.password', password: 'short' }).expect(422);
    expect(short.body).toMatchObject({ code: 'weak_password', message: 'Password must be at least 12 characters long.', details: [{ field: 'password' }] });
    const personal = await signUp({ email: 'x3@example.org', accountName: 'weak.password', password: 'weak.password-2024!' }).expect(422);
    expect(personal.body.message).toBe('Password must not contain the account name.');
    expect((await signUp({ email: 'not-an-address', accountName: 'weak.password', password: PASSWORD }).expect(422)).body.code).toBe('invalid_email');
    await signUp({ email: 'x3@example.org', password: PASSWORD }).expect(422);
    expect((await signUp({ email: 'x3@example.org', accountName: 'weak.password', password: PASSWORD, firstName: null }).expect(422)).body.code).toBe('validation_failed');
    await signUp({ email: 'x3@example.org', accountName: 'weak.password', password: PASSWORD, locale: 'de' }).expect(422);
    // Nothing was created or held by the refusals: the name is still free.
    expect(await storedAccount({ accountName: 'weak.password' })).toBeNull();
    await signUp({ email: 'x3@example.org', accountName: 'weak.password', password: PASSWORD }).expect(202);
  });

  it('answers an address that has an account exactly as a new one, and mails it that the account exists', async () => {
    const fresh = await signUp({ email: 'fresh.person@example.org', accountName: 'fresh.person', password: PASSWORD });
    const existingPersonal = await signUp({ email: 'JANE.DOE@example.org', accountName: 'jane.again', password: PASSWORD, locale: 'fr' });
    const existingBusiness = await signUp({ email: 'sam.rivera@contoso.example', accountName: 'sam.personal', password: PASSWORD });
    for (const answer of [existingPersonal, existingBusiness]) {
      expect(answer.status).toBe(fresh.status);
      expect(answer.body).toEqual(fresh.body);
      expect(answer.headers['content-type']).toBe(fresh.headers['content-type']);
    }

    const toJane = await mailTo('jane.doe@example.org', 2);
    // In the existing account's language (English), not the sign-up's.
    expect(toJane.subject).toBe('You already have a Roster account');
    expect(toJane.text).toContain('jane.doe');
    expect(toJane.text).toContain('/signin');
    expect(toJane.text).not.toContain('/verify-email');
    expect(toJane.text).not.toContain('administrator');
    const toSam = await mailTo('sam.rivera@contoso.example', 2);
    expect(toSam.subject).toBe('You already have a Roster account');
    expect(toSam.text).toContain('ask your organization’s administrator');

    // No account was made for them, and their names were given back.
    expect(await storedAccount({ accountName: 'jane.again' })).toBeNull();
    const nameHolds = stack.db().collection<{ _id: string }>('account_name_reservations');
    expect(await nameHolds.findOne({ _id: 'jane.again' })).toBeNull();
    expect(await nameHolds.findOne({ _id: 'sam.personal' })).toBeNull();
    await signUp({ email: 'jane.again@example.org', accountName: 'jane.again', password: PASSWORD }).expect(202);
  });

  it('sends a new link, in French when asked, to an address signed up again before it was verified; the older link has expired', async () => {
    await signUp({ email: 'lost.mail@example.org', accountName: 'lost.mail', password: PASSWORD, locale: 'fr' }).expect(202);
    const first = await mailTo('lost.mail@example.org');
    expect(first.subject).toBe('Confirmez votre adresse e-mail pour votre compte Roster');
    expect(first.text).toContain('Message automatique envoyé par Roster. Merci de ne pas y répondre.');
    await signUp({ email: 'lost.mail@example.org', accountName: 'other.name', password: 'Copper-Kettle-Orchard-51' }).expect(202);
    const second = await mailTo('lost.mail@example.org', 2);
    expect(second.subject).toBe(first.subject);
    expect(verificationToken(second)).not.toBe(verificationToken(first));

    // A link that cannot be used names no account: the page speaks the browser's language.
    const expired = await stack.http().get(`/verify-email?token=${verificationToken(first)}`).set('Accept-Language', 'fr-FR, en;q=0.5').expect(410);
    expect(h1(expired)).toEqual(['Ce lien a expiré']);
    expect((await verify(verificationToken(second))).status).toBe(200);
    // The password of the first sign-up holds; the second one's was never stored.
    await memberLogin('lost.mail', PASSWORD).expect(200);
    await memberLogin('lost.mail', 'Copper-Kettle-Orchard-51').expect(401);
  });

  it('refuses a link past its lifetime with 410', async () => {
    await signUp({ email: 'slow.reader@example.org', accountName: 'slow.reader', password: PASSWORD }).expect(202);
    const token = verificationToken(await mailTo('slow.reader@example.org'));
    await stack.db().collection<{ _id: string }>('activation_tokens').updateOne({ _id: token.split('.').slice(0, 2).join(':') }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(h1(await stack.http().get(`/verify-email?token=${token}`).expect(410))).toEqual(['This link has expired']);
    await memberLogin('slow.reader', PASSWORD).expect(401);
  });

  it('limits sign-ups per address, the API and the page together, in the store every gateway shares', async () => {
    const from = '203.0.113.77';
    for (let n = 1; n <= SIGN_UPS_PER_HOUR; n += 1) await signUp({ email: `burst${n}@example.org`, accountName: `burst.person${n}`, password: PASSWORD }, from).expect(202);
    const refused = await signUp({ email: 'burst9@example.org', accountName: 'burst.person9', password: PASSWORD }, from).expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'too_many_attempts' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const page = await stack.http().get('/signup').expect(200);
    const form = formOf(page);
    const refusedPage = await stack
      .http()
      .post('/signup')
      .set('X-Forwarded-For', from)
      .set('Cookie', form.cookie)
      .type('form')
      .send({ _csrf: form.csrf, email: 'burst10@example.org', accountName: 'burst.person10', password: PASSWORD, passwordConfirmation: PASSWORD });
    expect(refusedPage.status).toBe(429);
    expect(refusedPage.text).toContain('Too many accounts were created from your network');
    expect(await storedAccount({ accountName: 'burst.person9' })).toBeNull();
    expect(await stack.db().collection('rate_limit_hits').countDocuments({})).toBeGreaterThan(SIGN_UPS_PER_HOUR);
    // Another address is not held back.
    await signUp({ email: 'burst11@example.org', accountName: 'burst.person11', password: PASSWORD }, '203.0.113.78').expect(202);
  });
});
