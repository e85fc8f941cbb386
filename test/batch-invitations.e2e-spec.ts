import type { Response } from 'supertest';
import { type CapturedMail, EventTap, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { batchSettled } from './support/batch-settled';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const PASSWORD = 'Quiet-Meadow-Lantern-73';
const VERIFY_SUBJECT = 'Verify your email address for your Roster account';

interface RowView {
  id: string;
  line: number;
  email: string;
  accountName: string | null;
  suggestions: string[];
  status: string;
  kind: string;
  memberId: string | null;
  errors: { code: string; message: string }[];
  notices: { code: string; message: string }[];
}

/** The verification token in a mail's link (the text part holds the link as is). */
function verificationToken(mail: CapturedMail): string {
  const match = /\/verify-email\?token=([0-9A-Za-z-]+\.\d+\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text);
  if (!match) throw new Error(`no verification link in the mail "${mail.subject}"`);
  return match[1];
}

/** What a browser keeps from a form page: the CSRF cookie and the hidden field's value. */
function formOf(response: Response): { cookie: string; csrf: string } {
  const csrf = /<input type="hidden" name="_csrf" value="([^"]+)">/.exec(response.text)?.[1];
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((header) => header.startsWith('roster_pages_csrf='));
  if (!csrf || !cookie) throw new Error('no CSRF token on the page');
  return { cookie: cookie.split(';')[0], csrf };
}

const codes = (row: RowView) => row.errors.map((error) => error.code);

describe('batch rows whose address is a personal account\'s: invitations, unverified addresses, members of another organization', () => {
  const stack = new TestStack('batch_invitations', rosterApps);
  let tap: EventTap;
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  /** Personal accounts by address: id and own account name. */
  const people = new Map<string, { id: string; accountName: string }>();
  let nextAddress = 1;

  const as = (admin: SignedInAdmin) => ({
    get: (path: string) => stack.http().get(path).set('Authorization', `Bearer ${admin.token}`),
    post: (path: string, body?: object) => stack.http().post(path).set('Authorization', `Bearer ${admin.token}`).send(body),
    patch: (path: string, body: object) => stack.http().patch(path).set('Authorization', `Bearer ${admin.token}`).send(body),
    upload: (content: string, name: string) => stack.http().post('/api/v1/member-batches').set('Authorization', `Bearer ${admin.token}`).attach('file', Buffer.from(content), name),
  });
  const mailTo = async (address: string, count = 1) => (await stack.smtp.waitFor((mail) => mail.to.includes(address) && stack.smtp.mailsTo(address).length >= count, 20_000))[count - 1];
  const memberLogin = async (login: string) => (await stack.http().post('/api/v1/auth/member-login').send({ login, password: PASSWORD }).expect(200)).body.accessToken as string;
  const adminIdOf = async (admin: SignedInAdmin) => (await stack.db().collection<{ _id: string; email: string }>('admins').findOne({ email: admin.email }))!._id;

  /** Signs a person up over HTTP and, if asked, verifies the address with the link of the mail. */
  async function personalAccount(email: string, accountName: string, verified: boolean): Promise<void> {
    await stack.http().post('/api/v1/accounts').set('X-Forwarded-For', `198.51.100.${nextAddress++}`).send({ email, accountName, password: PASSWORD, firstName: 'Alex' }).expect(202);
    const token = verificationToken(await mailTo(email));
    if (verified) {
      const page = await stack.http().get(`/verify-email?token=${token}`).expect(200);
      const form = formOf(page);
      await stack.http().post('/verify-email').type('form').set('Cookie', form.cookie).send({ token, _csrf: form.csrf }).expect(200);
    }
    const stored = await stack.db().collection<{ _id: string; accountName: string }>('accounts').findOne({ emailNormalized: email });
    people.set(email, { id: stored!._id, accountName: stored!.accountName });
  }

  async function completed(admin: SignedInAdmin, batchId: string) {
    return batchSettled(stack, { Authorization: `Bearer ${admin.token}` }, batchId, 'completed');
  }

  const rowsOf = async (admin: SignedInAdmin, batchId: string, status = '') =>
    (await as(admin).get(`/api/v1/member-batches/${batchId}/rows?limit=100${status ? `&status=${status}` : ''}`).expect(200)).body as { items: RowView[]; total: number };

  const eventOf = (type: string, predicate: (data: Record<string, unknown>) => boolean) =>
    eventually(async () => tap.ofType(type).find((event) => predicate(event.body.data as Record<string, unknown>)), 20_000, `${type} event`);

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    tap = await EventTap.start(stack.amqpUrl);
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example');
    await personalAccount('zoe.martin@perso.example', 'zoe.martin', true);
    await personalAccount('lea.bernard@perso.example', 'lea.bernard', false);
    await personalAccount('max.weber@perso.example', 'max.weber', true);
    await personalAccount('ana.lima@perso.example', 'ana.lima', true);
  });

  afterAll(async () => {
    await tap?.stop();
    await stack.stop();
  });

  it('invites, from another organization\'s batch, a person who then joins it: their address is refused to Contoso\'s batches', async () => {
    const max = people.get('max.weber@perso.example')!;
    const batch = (await as(fabrikam).post('/api/v1/member-batches', { emails: 'max.weber@perso.example' }).expect(201)).body;
    expect(batch.rows[0]).toMatchObject({ kind: 'invitation', accountName: 'max.weber', status: 'valid' });
    await as(fabrikam).post(`/api/v1/member-batches/${batch.id}/commit`).expect(202);
    await completed(fabrikam, batch.id);

    const token = await memberLogin('max.weber');
    const received = (await stack.http().get('/api/v1/account/invitations').set('Authorization', `Bearer ${token}`).expect(200)).body.items;
    expect(received).toEqual([expect.objectContaining({ id: batch.rows[0].id, organizationName: 'Fabrikam', status: 'pending' })]);
    await stack.http().post(`/api/v1/account/invitations/${batch.rows[0].id}/accept`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(await stack.db().collection('accounts').findOne({ _id: max.id as never })).toMatchObject({ organizationId: fabrikam.organizationId });
  });

  it('turns typed addresses of personal accounts into an invitation, or a problem, and commits the invitation', async () => {
    const zoe = people.get('zoe.martin@perso.example')!;
    const lea = people.get('lea.bernard@perso.example')!;
    const created = await as(contoso)
      .post('/api/v1/member-batches', { emails: 'Zoe.Martin@Perso.example, lea.bernard@perso.example, max.weber@perso.example, new.hire@contoso.example' })
      .expect(201);
    const batch = created.body;
    expect(batch).toMatchObject({ status: 'ready', counts: { total: 4, valid: 2, invalid: 2, created: 0, invited: 0, failed: 0 } });
    const [zoeRow, leaRow, maxRow, newRow] = batch.rows as RowView[];

    // A verified personal account in no organization: invited as it is named, nothing to choose.
    expect(zoeRow).toMatchObject({ kind: 'invitation', status: 'valid', errors: [], accountName: 'zoe.martin', suggestions: [], memberId: null });
    expect(newRow).toMatchObject({ kind: 'business_account', status: 'valid' });
    expect(newRow.suggestions.length).toBeGreaterThanOrEqual(3);

    // Unverified: a problem, and the person gets a mail (the second, after the sign-up's) to verify the address.
    expect(leaRow).toMatchObject({ kind: 'business_account', status: 'invalid' });
    expect(codes(leaRow)).toEqual(['personal_account_unverified']);
    expect(leaRow.errors[0].message).toContain('sent a mail');
    const verification = await mailTo('lea.bernard@perso.example', 2);
    expect(verification.subject).toBe(VERIFY_SUBJECT);
    expect(verificationToken(verification).startsWith(`${lea.id}.`)).toBe(true);

    // A member of Fabrikam.
    expect(codes(maxRow)).toEqual(['member_of_another_organization']);

    // Its account name, names and password are the person's.
    for (const patch of [{ accountName: 'zoe.contoso' }, { firstName: 'Zoé' }, { lastName: 'Martin' }, { password: 'Sturdy-Violet-Canal-88' }]) {
      const refused = await as(contoso).patch(`/api/v1/member-batches/${batch.id}/rows/${zoeRow.id}`, patch).expect(409);
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'invitation_not_editable' });
      expect(refused.body.message).toContain('personal account');
    }
    expect((await rowsOf(contoso, batch.id)).items[0]).toMatchObject({ accountName: 'zoe.martin', kind: 'invitation' });

    await as(contoso).post(`/api/v1/member-batches/${batch.id}/commit`).expect(202);
    const done = await completed(contoso, batch.id);
    expect(done.counts).toEqual({ total: 4, valid: 0, invalid: 2, created: 1, invited: 1, failed: 0 });

    const invited = await rowsOf(contoso, batch.id, 'invited');
    expect(invited.total).toBe(1);
    expect(invited.items).toEqual([expect.objectContaining({ id: zoeRow.id, status: 'invited', kind: 'invitation', memberId: zoe.id, accountName: 'zoe.martin' })]);
    const createdRows = await rowsOf(contoso, batch.id, 'created');
    expect(createdRows.items).toEqual([expect.objectContaining({ email: 'new.hire@contoso.example', status: 'created', kind: 'business_account' })]);
    expect((await rowsOf(contoso, batch.id)).items.map((row) => row.status)).toEqual(['invited', 'invalid', 'invalid', 'created']);

    const completedEvent = await eventOf('BatchCompleted', (data) => data.batchId === batch.id);
    expect((completedEvent.body.data as { counts: object }).counts).toEqual({ total: 4, valid: 0, invalid: 2, created: 1, invited: 1, failed: 0 });
    const invitedEvent = await eventOf('MemberInvited', (data) => data.invitationId === zoeRow.id);
    expect(invitedEvent.body).toMatchObject({
      organizationId: contoso.organizationId,
      data: { memberId: zoe.id, accountName: 'zoe.martin', accountType: 'personal', email: 'zoe.martin@perso.example', organizationName: 'Contoso', batchId: batch.id, invitedByAdminId: await adminIdOf(contoso) },
    });
    // No business account was created for the person.
    expect(tap.ofType('AccountCreated').filter((event) => JSON.stringify(event.body).includes('zoe.martin@perso.example'))).toEqual([]);
  });

  it('turns a file\'s row of a verified personal account into an invitation named as the account, whatever user name the file asks for', async () => {
    const ana = people.get('ana.lima@perso.example')!;
    const csv = 'email,first name,last name,user name\nana.lima@perso.example,Ana,Lima,ana.contoso\nkim.park@contoso.example,Kim,Park,kim.park\n';
    const accepted = (await as(contoso).upload(csv, 'people.csv').expect(202)).body;
    const ready = await batchSettled(stack, { Authorization: `Bearer ${contoso.token}` }, accepted.id);
    expect(ready.counts).toMatchObject({ total: 2, valid: 2, invalid: 0 });
    const [anaRow, kimRow] = (await rowsOf(contoso, accepted.id)).items;
    expect(anaRow).toMatchObject({ kind: 'invitation', status: 'valid', errors: [], notices: [], accountName: 'ana.lima', suggestions: [] });
    expect(kimRow).toMatchObject({ kind: 'business_account', accountName: 'kim.park' });

    const refused = await as(contoso).patch(`/api/v1/member-batches/${accepted.id}/rows/${anaRow.id}`, { password: 'Sturdy-Violet-Canal-88' }).expect(409);
    expect(refused.body.code).toBe('invitation_not_editable');
    // The name the file asked for was never held for the row: someone else can take it.
    await as(contoso).patch(`/api/v1/member-batches/${accepted.id}/rows/${kimRow.id}`, { accountName: 'ana.contoso' }).expect(200);

    await as(contoso).post(`/api/v1/member-batches/${accepted.id}/commit`).expect(202);
    const done = await completed(contoso, accepted.id);
    expect(done.counts).toEqual({ total: 2, valid: 0, invalid: 0, created: 1, invited: 1, failed: 0 });
    expect((await rowsOf(contoso, accepted.id, 'invited')).items).toEqual([expect.objectContaining({ id: anaRow.id, status: 'invited', memberId: ana.id, kind: 'invitation' })]);
    await eventOf('MemberInvited', (data) => data.invitationId === anaRow.id);
  });

  it('finds a personal member of this organization already a member', async () => {
    const token = await memberLogin('zoe.martin');
    const [invitation] = (await stack.http().get('/api/v1/account/invitations').set('Authorization', `Bearer ${token}`).expect(200)).body.items;
    await stack.http().post(`/api/v1/account/invitations/${invitation.id}/accept`).set('Authorization', `Bearer ${token}`).expect(200);

    const batch = (await as(contoso).post('/api/v1/member-batches', { emails: 'zoe.martin@perso.example' }).expect(201)).body;
    expect(codes(batch.rows[0])).toEqual(['already_member']);
  });
});
