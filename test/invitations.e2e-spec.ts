import { randomUUID } from 'node:crypto';
import { type AddedMembers, eventually, type SignedInAdmin, TestStack } from '@app/testing';
import { issueActivationToken } from './support/activation-fixtures';
import { openActivationForm, postActivationForm } from './support/activation-form';
import { PERSONAL_PASSWORD, personToken, type VerifiedPerson, verifiedPersonalAccount } from './support/personal-account-fixtures';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

const BUSINESS_PASSWORD = 'Sturdy-Violet-Canal-88';

describe('invitations over the API: the admin’s routes, the person’s routes, tenant isolation', () => {
  const stack = new TestStack('invitations_api', rosterApps);
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let business: AddedMembers;
  let businessToken: string;
  let jane: VerifiedPerson;
  let ross: VerifiedPerson;
  let kim: VerifiedPerson;

  const as = (token: string) => ({
    get: (path: string) => stack.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => stack.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string, body?: object) => stack.http().delete(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example');
    business = await stack.addMembers(contoso, ['sam.rivera@contoso.example']);
    // The welcome mail's link is issued first: a link issued after ours would end it.
    await stack.smtp.waitFor((mail) => mail.to.includes('sam.rivera@contoso.example'), 20_000);
    const token = await issueActivationToken(stack, business.of('sam.rivera@contoso.example'));
    expect((await postActivationForm(stack, token, await openActivationForm(stack, token), BUSINESS_PASSWORD)).status).toBe(200);
    businessToken = await personToken(stack, 'sam.rivera@contoso.example', BUSINESS_PASSWORD);
    [jane, ross, kim] = await Promise.all([
      verifiedPersonalAccount(stack, 'jane.moreau', 'jane.moreau@example.org'),
      verifiedPersonalAccount(stack, 'ross.geller', 'ross.geller@example.org'),
      verifiedPersonalAccount(stack, 'kim.nakamura', 'kim.nakamura@example.org'),
    ]);
  });

  afterAll(async () => {
    await stack.stop();
  });

  describe('what the gateway refuses by itself', () => {
    it.each([
      ['an unknown status', '/api/v1/invitations?status=sleeping', 'status must be one of pending, accepted, declined, expired, cancelled'],
      ['page 0', '/api/v1/invitations?page=0', 'page starts at 1'],
      ['a limit past 500', '/api/v1/invitations?limit=501', 'limit must be at most 500'],
    ])('GET /api/v1/invitations with %s: 422 validation_failed', async (_case, path, message) => {
      const answer = await as(contoso.token).get(path).expect(422);
      expect(answer.body.code).toBe('validation_failed');
      expect(answer.body.details.map((detail: { message: string }) => detail.message)).toContain(message);
    });

    it.each([
      ['no body', undefined],
      ['an empty name', { accountName: '' }],
      ['a number', { accountName: 42 }],
      ['a control character', { accountName: 'jane\u0000' }],
      ['a field it does not know', { accountName: 'jane.moreau', email: 'jane@example.org' }],
      ['a name past 64 characters', { accountName: 'j'.repeat(65) }],
    ])('POST /api/v1/invitations with %s: 422 validation_failed', async (_case, body) => {
      expect((await as(contoso.token).post('/api/v1/invitations', body).expect(422)).body.code).toBe('validation_failed');
    });

    it('an id that is not a UUID is unknown: 404 not_found on every invitation route', async () => {
      expect((await as(contoso.token).get('/api/v1/invitations/nope').expect(404)).body.code).toBe('not_found');
      expect((await as(contoso.token).post('/api/v1/invitations/nope/resend').expect(404)).body.code).toBe('not_found');
      expect((await as(contoso.token).delete('/api/v1/invitations/nope').expect(404)).body.code).toBe('not_found');
      const person = await personToken(stack, jane.accountName);
      expect((await as(person).post('/api/v1/account/invitations/nope/accept').expect(404)).body.code).toBe('not_found');
      expect((await as(person).post('/api/v1/account/invitations/nope/decline').expect(404)).body.code).toBe('not_found');
    });

    it('the admin routes take only admin tokens, the person’s routes only member tokens', async () => {
      const person = await personToken(stack, jane.accountName);
      expect((await stack.http().get('/api/v1/invitations').expect(401)).body.code).toBe('unauthorized');
      expect((await as(person).get('/api/v1/invitations').expect(401)).body.code).toBe('unauthorized');
      expect((await as(person).post('/api/v1/invitations', { accountName: 'kim.nakamura' }).expect(401)).body.code).toBe('unauthorized');
      expect((await stack.http().get('/api/v1/account/invitations').expect(401)).body.code).toBe('unauthorized');
      expect((await as(contoso.token).get('/api/v1/account/invitations').expect(401)).body.code).toBe('unauthorized');
      expect((await as(contoso.token).post('/api/v1/account/leave').expect(401)).body.code).toBe('unauthorized');
      expect((await as(contoso.token).delete('/api/v1/account', { password: PERSONAL_PASSWORD }).expect(401)).body.code).toBe('unauthorized');
    });

    it('a business member’s token is refused on every person-only route: 403 not_a_personal_account', async () => {
      const someId = randomUUID();
      for (const answer of [
        await as(businessToken).get('/api/v1/account/invitations'),
        await as(businessToken).post(`/api/v1/account/invitations/${someId}/accept`),
        await as(businessToken).post(`/api/v1/account/invitations/${someId}/decline`),
        await as(businessToken).post('/api/v1/account/leave'),
        await as(businessToken).delete('/api/v1/account', { password: BUSINESS_PASSWORD }),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ statusCode: 403, code: 'not_a_personal_account', message: 'Only a personal account may do this: a business account belongs to its organization.' });
      }
      // Still a member of Contoso: nothing happened to it.
      expect((await as(businessToken).get('/api/v1/me').expect(200)).body.organizationId).toBe(contoso.organizationId);
    });

    it('DELETE /api/v1/account needs the password: 422 validation_failed without it', async () => {
      const person = await personToken(stack, kim.accountName);
      expect((await as(person).delete('/api/v1/account').expect(422)).body.code).toBe('validation_failed');
      expect((await as(person).delete('/api/v1/account', { password: '' }).expect(422)).body.code).toBe('validation_failed');
      expect((await as(person).delete('/api/v1/account', { password: PERSONAL_PASSWORD, extra: 1 }).expect(422)).body.code).toBe('validation_failed');
    });
  });

  describe('the flow through the members service', () => {
    let janeInvitation: string;

    it('an admin invites a personal account by account name: 201 pending; again: 409 invitation_pending; a business account or an unknown name is refused', async () => {
      const invited = (await as(contoso.token).post('/api/v1/invitations', { accountName: jane.accountName }).expect(201)).body;
      expect(invited).toMatchObject({ organizationId: contoso.organizationId, memberId: jane.accountId, accountName: jane.accountName, email: jane.email, status: 'pending', batchId: null, endedAt: null, membershipEnded: null });
      janeInvitation = invited.id;
      expect((await as(contoso.token).post('/api/v1/invitations', { accountName: jane.accountName }).expect(409)).body.code).toBe('invitation_pending');
      expect((await as(contoso.token).post('/api/v1/invitations', { accountName: business.of('sam.rivera@contoso.example').accountName })).body.code).toBe('not_a_personal_account');
      expect((await as(contoso.token).post('/api/v1/invitations', { accountName: 'nobody.here' }).expect(404)).body.code).toBe('not_found');

      const listed = (await as(contoso.token).get('/api/v1/invitations?status=pending').expect(200)).body;
      expect(listed.items.map((item: { id: string }) => item.id)).toContain(janeInvitation);
      expect((await as(contoso.token).get(`/api/v1/invitations/${janeInvitation}`).expect(200)).body.id).toBe(janeInvitation);
    });

    it('another organization’s admin gets 404 for the invitation, on every route', async () => {
      expect((await as(fabrikam.token).get(`/api/v1/invitations/${janeInvitation}`).expect(404)).body.code).toBe('not_found');
      expect((await as(fabrikam.token).post(`/api/v1/invitations/${janeInvitation}/resend`).expect(404)).body.code).toBe('not_found');
      expect((await as(fabrikam.token).delete(`/api/v1/invitations/${janeInvitation}`).expect(404)).body.code).toBe('not_found');
      expect((await as(fabrikam.token).get('/api/v1/invitations').expect(200)).body.items).toEqual([]);
    });

    it('another person gets 404 for it; the invited person sees it', async () => {
      const other = await personToken(stack, ross.accountName);
      expect((await as(other).post(`/api/v1/account/invitations/${janeInvitation}/accept`).expect(404)).body.code).toBe('not_found');
      expect((await as(other).post(`/api/v1/account/invitations/${janeInvitation}/decline`).expect(404)).body.code).toBe('not_found');
      expect((await as(other).get('/api/v1/account/invitations').expect(200)).body.items).toEqual([]);
      const person = await personToken(stack, jane.accountName);
      const received = (await as(person).get('/api/v1/account/invitations').expect(200)).body.items;
      expect(received).toEqual([expect.objectContaining({ id: janeInvitation, organizationName: 'Contoso', accountName: jane.accountName, status: 'pending' })]);
    });

    it('the invited person gets the invitation mail, with the invitation’s link and no secret; resend: 202 and the mail again', async () => {
      const invitationMails = () => stack.smtp.mailsTo(jane.email).filter((mail) => mail.text.includes(`/invitations/${janeInvitation}`));
      const [first] = await stack.smtp.waitFor(() => invitationMails().length >= 1, 20_000).then(invitationMails);
      expect(first.subject).toContain('Contoso');
      expect(first.text).toContain(jane.accountName);
      expect(first.html).toContain(`/invitations/${janeInvitation}"`);
      expect(first.text).not.toMatch(/token=|[?&]t=/);

      const resent = (await as(contoso.token).post(`/api/v1/invitations/${janeInvitation}/resend`).expect(202)).body;
      expect(resent).toMatchObject({ id: janeInvitation, status: 'pending' });
      await stack.smtp.waitFor(() => invitationMails().length >= 2, 20_000);
      expect(invitationMails()).toHaveLength(2);
    });

    it('accept: a new token naming the organization, the old one ended; listed as a personal member; no longer pending', async () => {
      const before = await personToken(stack, jane.accountName);
      const accepted = await as(before).post(`/api/v1/account/invitations/${janeInvitation}/accept`).expect(200);
      expect(accepted.headers['cache-control']).toBe('no-store');
      const after = accepted.body.accessToken as string;
      expect((await as(after).get('/api/v1/me').expect(200)).body).toMatchObject({ id: jane.accountId, type: 'personal', organizationId: contoso.organizationId });
      await as(before).get('/api/v1/me').expect(401);
      const members = (await as(contoso.token).get('/api/v1/members?type=personal').expect(200)).body.items;
      expect(members.map((member: { id: string }) => member.id)).toContain(jane.accountId);
      const detail = (await as(contoso.token).get(`/api/v1/members/${jane.accountId}`).expect(200)).body;
      expect(detail.history.map((entry: { event: string }) => entry.event)).toEqual(expect.arrayContaining(['invited', 'joined']));
      // Asked again (a retry), it answers the same membership.
      const again = (await as(after).post(`/api/v1/account/invitations/${janeInvitation}/accept`).expect(200)).body.accessToken as string;
      expect((await as(again).get('/api/v1/me').expect(200)).body.organizationId).toBe(contoso.organizationId);
      expect((await as(contoso.token).post(`/api/v1/invitations/${janeInvitation}/resend`).expect(409)).body.code).toBe('invitation_not_pending');
      expect((await as(contoso.token).delete(`/api/v1/invitations/${janeInvitation}`).expect(409)).body.code).toBe('invitation_not_pending');
    });

    it('a member of an organization is invited by no other: 409 already_in_an_organization; by its own: 409 already_member', async () => {
      expect((await as(fabrikam.token).post('/api/v1/invitations', { accountName: jane.accountName }).expect(409)).body.code).toBe('already_in_an_organization');
      expect((await as(contoso.token).post('/api/v1/invitations', { accountName: jane.accountName }).expect(409)).body.code).toBe('already_member');
    });

    it('a person invited before joining another organization cannot accept: 409 already_in_an_organization', async () => {
      const fromFabrikam = (await as(fabrikam.token).post('/api/v1/invitations', { accountName: kim.accountName }).expect(201)).body.id;
      const fromContoso = (await as(contoso.token).post('/api/v1/invitations', { accountName: kim.accountName }).expect(201)).body.id;
      const joined = (await as(await personToken(stack, kim.accountName)).post(`/api/v1/account/invitations/${fromContoso}/accept`).expect(200)).body.accessToken;
      expect((await as(joined).post(`/api/v1/account/invitations/${fromFabrikam}/accept`).expect(409)).body.code).toBe('already_in_an_organization');
      await as(fabrikam.token).delete(`/api/v1/invitations/${fromFabrikam}`).expect(200);
      await as(joined).post('/api/v1/account/leave').expect(200);
    });

    it('leave: a new token in no organization; leaving again 409 not_in_an_organization', async () => {
      const person = await personToken(stack, jane.accountName);
      const left = (await as(person).post('/api/v1/account/leave').expect(200)).body.accessToken as string;
      expect((await as(left).get('/api/v1/me').expect(200)).body.organizationId).toBeNull();
      expect((await as(left).post('/api/v1/account/leave').expect(409)).body.code).toBe('not_in_an_organization');
      const members = (await as(contoso.token).get('/api/v1/members?type=personal').expect(200)).body.items;
      expect(members.map((member: { id: string }) => member.id)).not.toContain(jane.accountId);
    });

    it('decline: the organization sees it declined; an admin cancels another pending one', async () => {
      const rossInvitation = (await as(contoso.token).post('/api/v1/invitations', { accountName: ross.accountName }).expect(201)).body.id;
      const person = await personToken(stack, ross.accountName);
      expect((await as(person).post(`/api/v1/account/invitations/${rossInvitation}/decline`).expect(200)).body).toMatchObject({ id: rossInvitation, status: 'declined' });
      expect((await as(contoso.token).get(`/api/v1/invitations/${rossInvitation}`).expect(200)).body.status).toBe('declined');
      expect((await as(person).post(`/api/v1/account/invitations/${rossInvitation}/accept`).expect(409)).body.code).toBe('invitation_not_pending');

      const kimInvitation = (await as(contoso.token).post('/api/v1/invitations', { accountName: kim.accountName }).expect(201)).body.id;
      expect((await as(contoso.token).delete(`/api/v1/invitations/${kimInvitation}`).expect(200)).body).toMatchObject({ id: kimInvitation, status: 'cancelled' });
      expect((await as(contoso.token).delete(`/api/v1/invitations/${kimInvitation}`).expect(409)).body.code).toBe('invitation_not_pending');
      const kimToken = await personToken(stack, kim.accountName);
      expect((await as(kimToken).post(`/api/v1/account/invitations/${kimInvitation}/accept`).expect(409)).body.code).toBe('invitation_not_pending');
    });

    it('past its expiry, even before the sweep marked it: 410 invitation_expired to accept, decline or resend', async () => {
      const invitationId = (await as(contoso.token).post('/api/v1/invitations', { accountName: jane.accountName }).expect(201)).body.id;
      const moved = await stack.db().collection<{ _id: string; expiresAt: Date }>('invitations').updateOne({ _id: invitationId }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
      expect(moved.matchedCount).toBe(1);
      const person = await personToken(stack, jane.accountName);
      expect((await as(person).post(`/api/v1/account/invitations/${invitationId}/accept`).expect(410)).body.code).toBe('invitation_expired');
      expect((await as(person).post(`/api/v1/account/invitations/${invitationId}/decline`).expect(410)).body.code).toBe('invitation_expired');
      expect((await as(contoso.token).post(`/api/v1/invitations/${invitationId}/resend`).expect(410)).body.code).toBe('invitation_expired');
      expect((await as(person).get('/api/v1/me').expect(200)).body.organizationId).toBeNull();
    });

    it('an admin removes a personal member: 204, the account stays its owner’s', async () => {
      const invitation = (await as(contoso.token).post('/api/v1/invitations', { accountName: kim.accountName }).expect(201)).body.id;
      await as(await personToken(stack, kim.accountName)).post(`/api/v1/account/invitations/${invitation}/accept`).expect(200);
      await as(fabrikam.token).delete(`/api/v1/members/${kim.accountId}`).expect(404);
      await as(contoso.token).delete(`/api/v1/members/${kim.accountId}`).expect(204);
      const kimToken = await personToken(stack, kim.accountName);
      expect((await as(kimToken).get('/api/v1/me').expect(200)).body).toMatchObject({ id: kim.accountId, organizationId: null });
    });

    it('the person deletes their account with its password: 401 invalid_credentials with a wrong one, 204 with the right one', async () => {
      const person = await personToken(stack, ross.accountName);
      expect((await as(person).delete('/api/v1/account', { password: 'Not-The-Password-42' }).expect(401)).body.code).toBe('invalid_credentials');
      await as(person).delete('/api/v1/account', { password: PERSONAL_PASSWORD }).expect(204);
      await stack.http().post('/api/v1/auth/member-login').send({ login: ross.accountName, password: PERSONAL_PASSWORD }).expect(401);
    });

    it('every admin and person action is in the organization’s audit log', async () => {
      const expected = ['invitation.sent', 'invitation.resent', 'invitation.accepted', 'invitation.declined', 'invitation.cancelled', 'member.left', 'member.removed'];
      const actions = await eventually(async () => {
        const items: { action: string }[] = (await as(contoso.token).get('/api/v1/audit-events?limit=500').expect(200)).body.items;
        const seen = new Set(items.map((item) => item.action));
        return expected.every((action) => seen.has(action)) ? seen : undefined;
      }, 20_000, 'the invitation actions in the audit log');
      expect([...actions]).toEqual(expect.arrayContaining(expected));
      const fabrikamActions: { action: string }[] = (await as(fabrikam.token).get('/api/v1/audit-events?limit=500').expect(200)).body.items;
      expect(fabrikamActions.map((item) => item.action)).not.toContain('invitation.accepted');
    });
  });
});
