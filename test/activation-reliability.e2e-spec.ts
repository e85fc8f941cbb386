import { type Channel, type ChannelModel, connect } from 'amqplib';
import { createHash } from 'node:crypto';
import { Exchanges, RoutingKeys } from '@app/contracts';
import { type AddedMembers, type CreatedMember, type SignedInAdmin, TestStack } from '@app/testing';
import { AccountsRepository } from '../apps/members/src/accounts/persistence/accounts.repository';
import { issueActivationToken } from './support/activation-fixtures';
import { openActivationForm, pageHeading, postActivationForm } from './support/activation-form';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const FIRST = 'Quiet-Meadow-Lantern-73';
const SECOND = 'Brisk-Harbour-Pepper-19';
const ADMIN_SET = 'Sturdy-Violet-Canal-88';

interface StoredLink {
  _id: string;
  memberId: string;
  seq: number;
  tokenHash: string | null;
  revocation: boolean;
}

/** A token is `<memberId>.<link number>.<secret>`; only the secret's hash is stored. */
const secretOf = (token: string) => token.slice(token.lastIndexOf('.') + 1);
const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

describe('activation links: spent only with the password set, one live link per member', () => {
  const stack = new TestStack('activation_reliability', rosterApps);
  let contoso: SignedInAdmin;
  let added: AddedMembers;
  let broker: ChannelModel;

  const memberLogin = (login: string, password: string) => stack.http().post('/api/v1/auth/member-login').send({ login, password });
  const asAdmin = () => ({ Authorization: `Bearer ${contoso.token}` });
  const stored = (memberId: string) => stack.db().collection<{ _id: string; status: string; activatedAt: Date | null; passwordHash: string | null }>('accounts').findOne({ _id: memberId });
  const claimOf = (memberId: string) => stack.db().collection<{ _id: string; passwordHash: string | null }>('activation_claims').findOne({ _id: memberId });
  const linksOf = (memberId: string) => stack.db().collection<StoredLink>('activation_tokens').find({ memberId }).sort({ seq: 1 }).toArray();

  /** The account write that follows the claim fails once, as if the members service stopped between the two. */
  function stopBetweenClaimAndAccountWrite(): jest.SpyInstance {
    return jest.spyOn(stack.members!.app.get(AccountsRepository), 'activate').mockRejectedValueOnce(new Error('members service stopped'));
  }

  async function crashedActivation(member: CreatedMember): Promise<string> {
    const token = await issueActivationToken(stack, member);
    const form = await openActivationForm(stack, token);
    const crash = stopBetweenClaimAndAccountWrite();
    const failed = await postActivationForm(stack, token, form, FIRST);
    expect(failed.status).toBe(500);
    expect(crash).toHaveBeenCalledTimes(1);
    crash.mockRestore();
    return token;
  }

  beforeAll(async () => {
    await stack.start();
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    added = await stack.addMembers(
      contoso,
      [
        'retry@contoso.example',
        'other.password@contoso.example',
        'resent@contoso.example',
        'issued@contoso.example',
        'revoked@contoso.example',
        'two.ways@contoso.example',
        'forged@contoso.example',
        'bystander@contoso.example',
        'upgraded@contoso.example',
      ],
      { 'two.ways@contoso.example': ADMIN_SET },
    );
    broker = await connect(stack.amqpUrl);
  });

  afterAll(async () => {
    await broker?.close();
    await stack.stop();
  });

  describe('a crash between the claim and the account write', () => {
    it('leaves the member pending without a password and the link usable; the same form posted again activates', async () => {
      const member = added.of('retry@contoso.example');
      const token = await crashedActivation(member);

      expect(await claimOf(member.memberId)).toMatchObject({ passwordHash: expect.stringMatching(/^scrypt\$/) });
      expect(await stored(member.memberId)).toMatchObject({ status: 'pending_activation', activatedAt: null, passwordHash: null });
      expect((await stack.http().get(`/api/v1/members/${member.memberId}`).set(asAdmin()).expect(200)).body.status).toBe('pending_activation');
      await memberLogin(member.email, FIRST).expect(401);

      const again = await postActivationForm(stack, token, await openActivationForm(stack, token), FIRST);

      expect(again.status).toBe(200);
      expect(pageHeading(again)).toEqual(['Your account is active']);
      expect(await stored(member.memberId)).toMatchObject({ status: 'active', activatedAt: expect.any(Date), passwordHash: expect.stringMatching(/^scrypt\$/) });
      expect((await claimOf(member.memberId))?.passwordHash).toBeNull();
      await memberLogin(member.email, FIRST).expect(200);
      expect(pageHeading(await stack.http().get(`/activate?token=${token}`).expect(410))).toEqual(['This link has already been used']);
    });

    it('is finished by the next post even with another password, which is told the link is used: the password chosen first holds', async () => {
      const member = added.of('other.password@contoso.example');
      const token = await crashedActivation(member);

      const other = await postActivationForm(stack, token, await openActivationForm(stack, token), SECOND);

      expect(other.status).toBe(410);
      expect(pageHeading(other)).toEqual(['This link has already been used']);
      await memberLogin(member.email, FIRST).expect(200);
      await memberLogin(member.email, SECOND).expect(401);
    });

    it('is finished by the admin asking for a new link, which answers that the member is active', async () => {
      const member = added.of('resent@contoso.example');
      await crashedActivation(member);

      const resend = await stack.http().post(`/api/v1/members/${member.memberId}/activation-email`).set(asAdmin()).expect(409);

      expect(resend.body.code).toBe('already_active');
      expect(await stored(member.memberId)).toMatchObject({ status: 'active', activatedAt: expect.any(Date) });
      await memberLogin(member.accountName, FIRST).expect(200);
    });
  });

  describe('issuing and revoking links at the same time', () => {
    it('numbers 10 links issued at once 0 to 9, leaves only the last live, and lets only it activate', async () => {
      const member = added.of('issued@contoso.example');

      const tokens = await Promise.all(Array.from({ length: 10 }, () => issueActivationToken(stack, member)));

      const links = await linksOf(member.memberId);
      expect(links.map((link) => link.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(links.map((link) => link._id)).toEqual(links.map((link) => `${member.memberId}:${link.seq}`));
      const pages = await Promise.all(tokens.map((token) => stack.http().get(`/activate?token=${token}`)));
      const live = tokens.filter((_, index) => pages[index].status === 200);
      expect(live).toHaveLength(1);
      expect(live[0]).toMatch(new RegExp(`^${member.memberId}\\.9\\.[A-Za-z0-9_-]{43}$`));
      expect(hashOf(secretOf(live[0]))).toBe(links[9].tokenHash);
      expect(pages.filter((page) => page.status === 410).map(pageHeading)).toEqual(Array(9).fill(['This link has expired']));

      const form = await openActivationForm(stack, live[0]);
      const posts = await Promise.all(tokens.map((token, index) => postActivationForm(stack, token, form, index % 2 ? FIRST : SECOND)));

      expect(posts.filter((post) => post.status === 200)).toHaveLength(1);
      expect(posts.filter((post) => post.status === 410)).toHaveLength(9);
      const winner = tokens.indexOf(live[0]);
      expect(posts[winner].status).toBe(200);
      await memberLogin(member.email, winner % 2 ? FIRST : SECOND).expect(200);
    });

    it('leaves no link issued before a revocation live, and at most one after it', async () => {
      const member = added.of('revoked@contoso.example');
      const channel: Channel = await broker.createChannel();
      // Stands in for the notifications service, so the resend's command has somewhere to go.
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
      await channel.bindQueue(queue, Exchanges.Commands, RoutingKeys.SendActivationEmail);
      const earlier = await issueActivationToken(stack, member);

      const [tokens, resend] = await Promise.all([
        Promise.all(Array.from({ length: 5 }, () => issueActivationToken(stack, member))),
        stack.http().post(`/api/v1/members/${member.memberId}/activation-email`).set(asAdmin()),
      ]);
      await channel.close();

      expect(resend.status).toBe(202);
      const links = await linksOf(member.memberId);
      expect(links.map((link) => link.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      const revocation = links.find((link) => link.revocation)!;
      const newest = links[links.length - 1];
      for (const token of [earlier, ...tokens]) {
        const link = links.find((candidate) => candidate.tokenHash === hashOf(secretOf(token)))!;
        const page = await stack.http().get(`/activate?token=${token}`);
        expect(page.status).toBe(link === newest ? 200 : 410);
        if (page.status === 200) expect(link.seq).toBeGreaterThan(revocation.seq);
      }
    });

    it('activates once when the link and the change of an admin-set password race', async () => {
      const member = added.of('two.ways@contoso.example');
      const token = await issueActivationToken(stack, member);
      const form = await openActivationForm(stack, token);

      const [throughLink, throughChange] = await Promise.all([
        postActivationForm(stack, token, form, FIRST),
        stack.http().post('/api/v1/auth/member-password').send({ login: member.email, password: ADMIN_SET, newPassword: SECOND }),
      ]);

      expect([throughLink.status, throughChange.status].sort()).toEqual(throughLink.status === 200 ? [200, 401] : [200, 410]);
      const [kept, lost] = throughLink.status === 200 ? [FIRST, SECOND] : [SECOND, FIRST];
      await memberLogin(member.email, kept).expect(200);
      await memberLogin(member.email, lost).expect(401);
      await memberLogin(member.email, ADMIN_SET).expect(401);
    });
  });

  describe('what a token names', () => {
    it('opens only with the secret given out for the record it names', async () => {
      const member = added.of('forged@contoso.example');
      const bystander = added.of('bystander@contoso.example');
      const token = await issueActivationToken(stack, member);
      const bystanders = await issueActivationToken(stack, bystander);
      const [memberId, seq] = token.split('.');

      const otherSecret = `${memberId}.${seq}.${secretOf(bystanders)}`;
      const otherRecord = `${bystander.memberId}.0.${secretOf(token)}`;
      const noRecord = `${memberId}.7.${secretOf(token)}`;
      for (const forged of [otherSecret, otherRecord, noRecord]) {
        expect(pageHeading(await stack.http().get(`/activate?token=${forged}`).expect(404))).toEqual(['This link is not valid']);
      }
      await stack.http().get(`/activate?token=${token}`).expect(200);
      await stack.http().get(`/activate?token=${bystanders}`).expect(200);
    });

    it('still opens a link given out by 0.4, which was the bare secret found by its hash', async () => {
      const member = added.of('upgraded@contoso.example');
      const token = await issueActivationToken(stack, member);
      const given = secretOf(token);

      await postActivationForm(stack, given, await openActivationForm(stack, given), FIRST).then((answer) => expect(answer.status).toBe(200));
      await memberLogin(member.email, FIRST).expect(200);
    });
  });
});
