import { JwtService } from '@nestjs/jwt';
import { MembersRpc } from '@app/contracts';
import { type AddedMembers, type SignedInAdmin, TestStack } from '@app/testing';
import { AdminSetPasswordsPendingMigration } from '../apps/members/src/accounts/admin-set-passwords-pending.migration';
import { issueActivationToken } from './support/activation-fixtures';
import { openActivationForm, pageHeading, postActivationForm } from './support/activation-form';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const ADMIN_SET = 'Sturdy-Violet-Canal-88';
const OWN = 'Quiet-Meadow-Lantern-73';
const NEWER = 'Copper-Kettle-Orchard-51';

interface StoredAccount {
  _id: string;
  status: string;
  activatedAt: Date | null;
  passwordHash: string | null;
}

describe('members choose their own password, pending accounts stay quiet, and a password change ends earlier sessions', () => {
  const stack = new TestStack('member_sign_in', rosterApps);
  let contoso: SignedInAdmin;
  let added: AddedMembers;

  const memberLogin = (login: string, password: string) => stack.http().post('/api/v1/auth/member-login').send({ login, password });
  const changePassword = (login: string, password: string, newPassword: string) => stack.http().post('/api/v1/auth/member-password').send({ login, password, newPassword });
  const me = (token: string) => stack.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const memberAsAdminSees = async (memberId: string) => (await stack.http().get(`/api/v1/members/${memberId}`).set('Authorization', `Bearer ${contoso.token}`).expect(200)).body;
  const storedAccount = (memberId: string) => stack.db().collection<StoredAccount>('accounts').findOne({ _id: memberId });

  async function activateThroughLink(email: string, password = OWN): Promise<void> {
    const token = await issueActivationToken(stack, added.of(email));
    const activated = await postActivationForm(stack, token, await openActivationForm(stack, token), password);
    expect(activated.status).toBe(200);
  }

  beforeAll(async () => {
    await stack.start();
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    added = await stack.addMembers(
      contoso,
      ['preset@contoso.example', 'preset.link@contoso.example', 'pending@contoso.example', 'active@contoso.example', 'sessions@contoso.example'],
      { 'preset@contoso.example': ADMIN_SET, 'preset.link@contoso.example': ADMIN_SET },
    );
    await activateThroughLink('active@contoso.example');
    await activateThroughLink('sessions@contoso.example');
  });

  afterAll(() => stack.stop());

  afterEach(async () => {
    const unactivatedButActive = await stack.db().collection<StoredAccount>('accounts').countDocuments({ status: 'active', activatedAt: null });
    expect(unactivatedButActive).toBe(0);
  });

  describe('a password set by the admin', () => {
    it('keeps the account pending, without activatedAt, and opens nothing but the change of that password', async () => {
      const preset = added.of('preset@contoso.example');
      expect(await memberAsAdminSees(preset.memberId)).toMatchObject({ status: 'pending_activation', mustChangePassword: true });
      expect(await storedAccount(preset.memberId)).toMatchObject({ status: 'pending_activation', activatedAt: null, passwordHash: expect.stringMatching(/^scrypt\$/) });

      const refused = await memberLogin(preset.email, ADMIN_SET).expect(403);
      expect(refused.body).toEqual({ statusCode: 403, code: 'password_change_required', message: expect.stringContaining('/api/v1/auth/member-password') });
      expect(refused.headers['cache-control']).toBe('no-store');
      await memberLogin(preset.accountName, ADMIN_SET).expect(403);

      const same = await changePassword(preset.email, ADMIN_SET, ADMIN_SET).expect(422);
      expect(same.body).toMatchObject({ code: 'weak_password', details: [{ field: 'newPassword', code: 'weak_password' }] });
      const weak = await changePassword(preset.email, ADMIN_SET, `${preset.accountName}-2024!x`).expect(422);
      expect(weak.body.message).toBe('Password must not contain the account name.');
      const wrong = await changePassword(preset.email, 'Not-The-Password-9', OWN).expect(401);
      expect(wrong.body.code).toBe('invalid_credentials');
      await changePassword(preset.email, ADMIN_SET, '').expect(422);
      expect(await storedAccount(preset.memberId)).toMatchObject({ status: 'pending_activation', activatedAt: null });
    });

    it('becomes the member’s own through the change: active with activatedAt, signed in, the admin’s password and the old link refused', async () => {
      const preset = added.of('preset@contoso.example');
      const link = await issueActivationToken(stack, preset);

      const changed = await changePassword(preset.accountName, ADMIN_SET, OWN).expect(200);

      expect(changed.headers['cache-control']).toBe('no-store');
      expect(changed.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600, mustChangePassword: false });
      expect((await me(changed.body.accessToken).expect(200)).body).toMatchObject({ id: preset.memberId, status: 'active', mustChangePassword: false });
      expect(await memberAsAdminSees(preset.memberId)).toMatchObject({ status: 'active', mustChangePassword: false });
      expect((await storedAccount(preset.memberId))?.activatedAt).toBeInstanceOf(Date);
      await memberLogin(preset.email, ADMIN_SET).expect(401);
      expect((await memberLogin(preset.email, OWN).expect(200)).body.mustChangePassword).toBe(false);
      const page = await stack.http().get(`/activate?token=${link}`).expect(410);
      expect(pageHeading(page)).toEqual(['This link has already been used']);
    });

    it('can also be replaced through the activation link, after which the admin’s password opens nothing', async () => {
      const preset = added.of('preset.link@contoso.example');
      await activateThroughLink(preset.email);

      expect(await memberAsAdminSees(preset.memberId)).toMatchObject({ status: 'active', mustChangePassword: false });
      await memberLogin(preset.email, ADMIN_SET).expect(401);
      await changePassword(preset.email, ADMIN_SET, NEWER).expect(401);
      await memberLogin(preset.email, OWN).expect(200);
    });

    it('moves accounts of before 0.4 that show active without activatedAt back to pending, once', async () => {
      const accounts = stack.db().collection<StoredAccount & Record<string, unknown>>('accounts');
      const template = (await accounts.findOne({ _id: added.of('pending@contoso.example').memberId }))!;
      const legacyId = '6f1c0c52-5d0e-4f7e-9a51-0d1e6b1f2a33';
      await accounts.insertOne({ ...template, _id: legacyId, email: 'legacy@contoso.example', emailNormalized: 'legacy@contoso.example', accountName: 'legacy_member', status: 'active', activatedAt: null, mustChangePassword: true });
      await stack.db().collection<{ _id: string }>('completed_migrations').deleteOne({ _id: 'admin-set-passwords-pending' });
      await stack.db().collection('chunks_to_recount').deleteMany({});

      await stack.members!.app.get(AdminSetPasswordsPendingMigration).run();
      // The status filter counts the legacy member's chunk again.
      expect(await stack.db().collection<{ _id: string }>('chunks_to_recount').countDocuments({ _id: `${template.batchId}:${template.chunk}` })).toBe(1);

      expect(await storedAccount(legacyId)).toMatchObject({ status: 'pending_activation', activatedAt: null });
      expect(await storedAccount(added.of('active@contoso.example').memberId)).toMatchObject({ status: 'active', activatedAt: expect.any(Date) });
      expect(await stack.db().collection<{ _id: string }>('completed_migrations').countDocuments({ _id: 'admin-set-passwords-pending' })).toBe(1);
    });
  });

  it('answers an unknown email, a wrong password and pending accounts alike: same status, code and message', async () => {
    const answers = await Promise.all([
      memberLogin('nobody@contoso.example', OWN),
      memberLogin('active@contoso.example', 'Not-The-Password-9'),
      memberLogin('pending@contoso.example', OWN),
      memberLogin(added.of('pending@contoso.example').accountName, ''.padEnd(12, 'x')),
      changePassword('pending@contoso.example', OWN, NEWER),
      changePassword('nobody@contoso.example', OWN, NEWER),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'The login or password is wrong.' });
    }
  });

  describe('sessions', () => {
    it('ends every earlier session of the member when the password changes, on the next use of their tokens', async () => {
      const member = added.of('sessions@contoso.example');
      const first = (await memberLogin(member.accountName, OWN).expect(200)).body.accessToken;
      const second = (await memberLogin(member.email, OWN).expect(200)).body.accessToken;
      await me(first).expect(200);
      await me(second).expect(200);

      const changed = await changePassword(member.email, OWN, NEWER).expect(200);

      for (const ended of [first, second]) {
        const refused = await me(ended).expect(401);
        expect(refused.body).toEqual({ statusCode: 401, code: 'unauthorized', message: 'This session has ended: sign in again.' });
      }
      await me(changed.body.accessToken).expect(200);
      await memberLogin(member.email, OWN).expect(401);
      const fresh = (await memberLogin(member.email, NEWER).expect(200)).body.accessToken;
      await me(fresh).expect(200);
    });

    it('refuses a token of the session before activation, even genuinely signed', async () => {
      const member = added.of('active@contoso.example');
      const current = (await memberLogin(member.email, OWN).expect(200)).body.accessToken;
      const jwt = new JwtService();
      const claims = jwt.decode<Record<string, unknown>>(current);
      expect(claims).toMatchObject({ typ: 'member', ver: 1 });

      const { sub, org, typ } = claims;
      const beforeActivation = await jwt.signAsync({ sub, org, typ, ver: 0 }, { secret: stack.sharedEnvironment.JWT_SECRET, expiresIn: 600, issuer: 'http://localhost:3000', audience: 'roster-api' });
      await me(beforeActivation).expect(401);
      await me(current).expect(200);
    });

    it('opens /api/v1/me only with a member token', async () => {
      await me(contoso.token).expect(401);
      await stack.http().get('/api/v1/me').expect(401);
      await me('not-a-token').expect(401);
    });

    it('has the members service answer a session only in its own organization and version', async () => {
      const member = added.of('active@contoso.example');
      const session = { memberId: member.memberId, organizationId: contoso.organizationId, sessionVersion: 1 };
      await expect(stack.membersRpc().send(MembersRpc.GetMemberSession, session)).resolves.toMatchObject({ id: member.memberId, status: 'active' });
      await expect(stack.membersRpc().send(MembersRpc.GetMemberSession, { ...session, organizationId: 'another-organization' })).rejects.toMatchObject({ code: 'unauthorized' });
      await expect(stack.membersRpc().send(MembersRpc.GetMemberSession, { ...session, sessionVersion: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });
});
