import { randomUUID } from 'node:crypto';
import { type Channel, type ChannelModel, connect } from 'amqplib';
import { MongoClient } from 'mongodb';
import { loadEnvironment } from '@app/config';
import { ErrorCode, Exchanges, type InvitationView, MembersRpc, Queues, RoutingKeys } from '@app/contracts';
import type { MembersRpcClient } from '@app/messaging';
import { connectMembersRpc, deleteQueues, dropTestDatabase, EventTap, eventually, type MembersRpcRefusal, serviceAmqpUrl, testAmqpUrl, testMongoUrl } from '@app/testing';
import { PasswordHasher } from '../src/credentials/password-hasher';
import { type RunningMembersService, startMembersService } from '../src/bootstrap';
import { MembersEnvironment } from '../src/config/members.environment';
import { InvitationExpirySweep } from '../src/invitations/invitation-expiry.sweep';
import { InvitationIssuer } from '../src/invitations/invitation-issuer';
import { AccountsRepository } from '../src/accounts/persistence/accounts.repository';
import { BATCH_WORK_QUEUE } from '../src/member-batches/batch-work/batch-work.queue';
import { CreateAdminUseCase } from '../src/organizations/create-admin.usecase';

jest.setTimeout(90_000);

const ADMIN_PASSWORD = 'Blue-Harbor-Lamp-42';
const PERSON_PASSWORD = 'Quiet-Orchard-Kettle-77';
const HOUR_MS = 3_600_000;

interface Scope {
  organizationId: string;
  adminId: string;
}

interface Person {
  memberId: string;
  accountName: string;
  email: string;
}

/**
 * The members service alone, over real RabbitMQ and FerretDB, asked as the gateway asks it (its
 * broker user): invitations of personal accounts, their answers, the one-organization rule,
 * leaving, an admin's removal and a person's deletion of their account, and the events of each.
 */
describe('invitations and memberships, over RabbitMQ', () => {
  const mongoUrl = testMongoUrl('invitations_rpc');
  const amqpUrl = testAmqpUrl();
  let members: RunningMembersService;
  let rpc: MembersRpcClient;
  let notificationsRpc: MembersRpcClient;
  let tap: EventTap;
  let commands: { connection: ChannelModel; channel: Channel; received: { routingKey: string; body: Record<string, unknown>; raw: string }[] };
  let mongo: MongoClient;
  let contoso: Scope;
  let fabrikam: Scope;
  const people: Record<string, Person> = {};
  /** The invitation of a batch's chunk committed twice (a redone job). */
  const redoneInvitationId = randomUUID();

  async function createAdmin(organization: string, email: string): Promise<Scope> {
    const { organizationId, adminId } = await members.app.get(CreateAdminUseCase).execute({ organization, email, password: ADMIN_PASSWORD, locale: 'en' });
    return { organizationId, adminId };
  }

  const refusal = (request: Promise<unknown>): Promise<MembersRpcRefusal> =>
    request.then(
      (reply) => {
        throw new Error(`the request was answered: ${JSON.stringify(reply)}`);
      },
      (error: MembersRpcRefusal) => error,
    );

  /** Signs up and verifies a personal account as its person would: sign-up, the link the notifications service asks for, its verification. */
  async function personalAccount(accountName: string, verified = true): Promise<Person> {
    const email = `${accountName}@example.org`;
    await rpc.send(MembersRpc.SignUp, { email, accountName, password: PERSON_PASSWORD, firstName: accountName.split('.')[0], locale: 'en' });
    const account = await members.app.get(AccountsRepository).findByAccountName(accountName);
    if (!account) throw new Error(`the sign-up of ${accountName} made no account`);
    if (verified) {
      const { links } = await notificationsRpc.send(MembersRpc.IssueVerificationLinks, { accounts: [{ accountId: account._id }] });
      const token = new URL(links[0].verificationUrl).searchParams.get('token')!;
      await rpc.send(MembersRpc.VerifyEmail, { token });
    }
    const person = { memberId: account._id, accountName, email };
    people[accountName] = person;
    return person;
  }

  const invite = (scope: Scope, person: Person): Promise<InvitationView> => rpc.send(MembersRpc.InviteByAccountName, { ...scope, accountName: person.accountName });
  const ofInvitation = (type: string, invitationId: string) => tap.ofType(type).filter((event) => (event.body.data as { invitationId?: string }).invitationId === invitationId);
  const ofMember = (type: string, memberId: string) => tap.ofType(type).filter((event) => (event.body.data as { memberId: string }).memberId === memberId);
  const invitationDocument = (id: string) => mongo.db().collection<{ _id: string; status: string }>('invitations').findOne({ _id: id });

  beforeAll(async () => {
    await deleteQueues([Queues.MembersRpc, BATCH_WORK_QUEUE]);
    members = await startMembersService(loadEnvironment(MembersEnvironment, { MONGO_URL: mongoUrl, AMQP_URL: serviceAmqpUrl('members'), LOG_LEVEL: 'warn', INVITATION_TTL_HOURS: '336' }));
    rpc = connectMembersRpc(serviceAmqpUrl('gateway'));
    notificationsRpc = connectMembersRpc(serviceAmqpUrl('notifications'));
    tap = await EventTap.start(amqpUrl);
    mongo = await MongoClient.connect(mongoUrl);
    // Stands in for the notifications service on the private commands exchange: sign-up and invitation mails.
    const connection = await connect(amqpUrl);
    const channel = await connection.createChannel();
    await channel.assertExchange(Exchanges.Commands, 'direct', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, Exchanges.Commands, RoutingKeys.SendSignUpEmail);
    await channel.bindQueue(queue, Exchanges.Commands, RoutingKeys.SendInvitationEmail);
    commands = { connection, channel, received: [] };
    await channel.consume(
      queue,
      (message) => {
        if (message) commands.received.push({ routingKey: message.fields.routingKey, body: JSON.parse(message.content.toString('utf8')), raw: message.content.toString('utf8') });
      },
      { noAck: true },
    );
    contoso = await createAdmin('Contoso', 'admin@contoso.example');
    fabrikam = await createAdmin('Fabrikam', 'admin@fabrikam.example');
  });

  afterAll(async () => {
    await commands?.connection.close().catch(() => undefined);
    await tap?.stop();
    await rpc?.onApplicationShutdown();
    await notificationsRpc?.onApplicationShutdown();
    await members?.close();
    await mongo?.close();
    await dropTestDatabase(mongoUrl);
  });

  it('invites a verified personal account by its account name, and tells it with MemberInvited', async () => {
    const alice = await personalAccount('alice.martin');
    const invitation = await invite(contoso, alice);
    expect(invitation).toMatchObject({
      organizationId: contoso.organizationId,
      memberId: alice.memberId,
      accountName: 'alice.martin',
      email: alice.email,
      status: 'pending',
      invitedByAdminId: contoso.adminId,
      batchId: null,
      endedAt: null,
      membershipEnded: null,
    });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(336 * HOUR_MS);
    expect(invitation.lastSentAt).toBe(invitation.createdAt);

    const [event] = await eventually(async () => (ofInvitation('MemberInvited', invitation.id).length > 0 ? ofInvitation('MemberInvited', invitation.id) : undefined), 10_000, 'MemberInvited');
    expect(event.routingKey).toBe(RoutingKeys.MemberInvited);
    expect(event.persistent).toBe(true);
    expect(event.messageId).toBe(event.body.id);
    expect(event.body).toMatchObject({
      type: 'MemberInvited',
      version: 1,
      organizationId: contoso.organizationId,
      data: {
        invitationId: invitation.id,
        memberId: alice.memberId,
        accountName: 'alice.martin',
        accountType: 'personal',
        email: alice.email,
        firstName: 'alice',
        locale: 'en',
        organizationName: 'Contoso',
        batchId: null,
        invitedByAdminId: contoso.adminId,
        expiresAt: invitation.expiresAt,
      },
    });

    const listed = await rpc.send(MembersRpc.ListInvitations, { ...contoso, query: { status: 'pending', page: 1, limit: 50 } });
    expect(listed.items.map((item) => item.id)).toEqual([invitation.id]);
    expect(await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: invitation.id })).toEqual(invitation);
    const received = await rpc.send(MembersRpc.ListReceivedInvitations, { memberId: alice.memberId });
    expect(received.items).toEqual([
      { id: invitation.id, organizationId: contoso.organizationId, organizationName: 'Contoso', accountName: 'alice.martin', status: 'pending', createdAt: invitation.createdAt, expiresAt: invitation.expiresAt },
    ]);
  });

  it('refuses to invite an unknown name, a business account, an unverified account, or one this organization invited already', async () => {
    expect((await refusal(rpc.send(MembersRpc.InviteByAccountName, { ...contoso, accountName: 'nobody.here' }))).code).toBe(ErrorCode.NotFound);

    const now = new Date();
    await members.app.get(AccountsRepository).insertOne({
      _id: '0d6f4c1e-7a2b-4c3d-8e9f-112233445566',
      type: 'business',
      organizationId: fabrikam.organizationId,
      email: 'bob.business@fabrikam.example',
      emailNormalized: 'bob.business@fabrikam.example',
      accountName: 'bob.business',
      firstName: 'Bob',
      lastName: null,
      status: 'active',
      passwordHash: await members.app.get(PasswordHasher).hash(PERSON_PASSWORD),
      mustChangePassword: false,
      locale: 'en',
      batchId: null,
      chunk: null,
      createdAt: now,
      activatedAt: now,
    });
    expect((await refusal(rpc.send(MembersRpc.InviteByAccountName, { ...contoso, accountName: 'bob.business' }))).code).toBe(ErrorCode.NotAPersonalAccount);

    const unverified = await personalAccount('una.verified', false);
    expect((await refusal(invite(contoso, unverified))).code).toBe(ErrorCode.PersonalAccountUnverified);

    expect((await refusal(invite(contoso, people['alice.martin']))).code).toBe(ErrorCode.InvitationPending);

    const malformed = await refusal(rpc.send(MembersRpc.InviteByAccountName, { ...contoso, accountName: 'x', admin: true } as never));
    expect(malformed.code).toBe(ErrorCode.ValidationFailed);
  });

  it('lets one of two invitations of the same account asked at the same moment through; the other answers 409 invitation_pending', async () => {
    const northwind = await createAdmin('Northwind', 'admin@northwind.example');
    const dora = await personalAccount('dora.twice');
    const answers = await Promise.allSettled([invite(northwind, dora), invite(northwind, dora), invite(northwind, dora)]);

    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    for (const answer of answers.filter((candidate) => candidate.status === 'rejected')) {
      expect(((answer as PromiseRejectedResult).reason as MembersRpcRefusal).code).toBe(ErrorCode.InvitationPending);
    }
    const written = await mongo.db().collection('invitations').countDocuments({ accountId: dora.memberId, organizationId: northwind.organizationId });
    expect(written).toBe(1);
  });

  it('keeps each organization’s invitations to itself, and each person’s to that person (404)', async () => {
    const [invitation] = (await rpc.send(MembersRpc.ListInvitations, { ...contoso, query: { page: 1, limit: 50 } })).items.filter((item) => item.accountName === 'alice.martin');
    const asFabrikam = { ...fabrikam, invitationId: invitation.id };
    for (const pattern of [MembersRpc.GetInvitation, MembersRpc.ResendInvitation, MembersRpc.CancelInvitation] as const) {
      expect([pattern, (await refusal(rpc.send(pattern, asFabrikam))).code]).toEqual([pattern, ErrorCode.NotFound]);
    }
    expect((await rpc.send(MembersRpc.ListInvitations, { ...fabrikam, query: { page: 1, limit: 50 } })).items).toEqual([]);

    const someoneElse = await personalAccount('oscar.other');
    const asOscar = { memberId: someoneElse.memberId, invitationId: invitation.id };
    for (const pattern of [MembersRpc.GetReceivedInvitation, MembersRpc.AcceptInvitation, MembersRpc.DeclineInvitation] as const) {
      expect([pattern, (await refusal(rpc.send(pattern, asOscar))).code]).toEqual([pattern, ErrorCode.NotFound]);
    }
    expect((await rpc.send(MembersRpc.ListReceivedInvitations, { memberId: someoneElse.memberId })).items).toEqual([]);
    expect((await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: invitation.id })).status).toBe('pending');
  });

  it('resends a pending invitation as a private SendInvitationEmail command, and moves lastSentAt', async () => {
    const [invitation] = (await rpc.send(MembersRpc.ListInvitations, { ...contoso, query: { page: 1, limit: 50 } })).items.filter((item) => item.accountName === 'alice.martin');
    const resent = await rpc.send(MembersRpc.ResendInvitation, { ...contoso, invitationId: invitation.id });
    expect(Date.parse(resent.lastSentAt)).toBeGreaterThan(Date.parse(invitation.lastSentAt));
    expect(resent.expiresAt).toBe(invitation.expiresAt);
    const [command] = await eventually(async () => {
      const found = commands.received.filter((message) => message.routingKey === RoutingKeys.SendInvitationEmail && message.body.invitationId === invitation.id);
      return found.length > 0 ? found : undefined;
    }, 10_000, 'SendInvitationEmail');
    expect(command.body).toMatchObject({ invitationId: invitation.id, memberId: people['alice.martin'].memberId, email: people['alice.martin'].email, accountName: 'alice.martin', locale: 'en', organizationName: 'Contoso', expiresAt: invitation.expiresAt });
    expect(command.raw).not.toMatch(/password|hash|token/i);
  });

  it('makes the person a member when they accept: a new identity in the organization, MemberJoined, the member’s history', async () => {
    const alice = people['alice.martin'];
    const before = await rpc.send(MembersRpc.VerifyMember, { login: alice.accountName, password: PERSON_PASSWORD });
    expect(before.organizationId).toBeNull();
    const [invitation] = (await rpc.send(MembersRpc.ListReceivedInvitations, { memberId: alice.memberId })).items;

    const identity = await rpc.send(MembersRpc.AcceptInvitation, { memberId: alice.memberId, invitationId: invitation.id });
    expect(identity).toEqual({ memberId: alice.memberId, organizationId: contoso.organizationId, accountName: 'alice.martin', mustChangePassword: false, sessionVersion: before.sessionVersion + 1 });
    // The token of the person in no organization has ended; the new identity's opens the session.
    expect(await rpc.send(MembersRpc.GetMemberSession, { memberId: alice.memberId, organizationId: contoso.organizationId, sessionVersion: identity.sessionVersion })).toMatchObject({ organizationId: contoso.organizationId });
    expect((await refusal(rpc.send(MembersRpc.GetMemberSession, { memberId: alice.memberId, organizationId: null, sessionVersion: before.sessionVersion }))).code).toBe(ErrorCode.Unauthorized);

    const [joined] = await eventually(async () => (ofInvitation('MemberJoined', invitation.id).length > 0 ? ofInvitation('MemberJoined', invitation.id) : undefined), 10_000, 'MemberJoined');
    expect(joined.body).toMatchObject({ type: 'MemberJoined', organizationId: contoso.organizationId, data: { invitationId: invitation.id, memberId: alice.memberId, accountName: 'alice.martin', accountType: 'personal' } });

    const admins = await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: invitation.id });
    expect(admins).toMatchObject({ status: 'accepted', endedAt: expect.any(String), membershipEnded: null });
    const member = await rpc.send(MembersRpc.GetMember, { ...contoso, memberId: alice.memberId });
    expect(member).toMatchObject({ id: alice.memberId, type: 'personal', organizationId: contoso.organizationId });
    expect(member.history.map((entry) => [entry.event, entry.by])).toEqual([
      ['invited', contoso.adminId],
      ['joined', null],
    ]);
    expect((await refusal(rpc.send(MembersRpc.GetMember, { ...fabrikam, memberId: alice.memberId }))).code).toBe(ErrorCode.NotFound);

    // A member cannot be invited again, nor suspended: the account is its owner's.
    expect((await refusal(invite(contoso, alice))).code).toBe(ErrorCode.AlreadyMember);
    expect((await refusal(invite(fabrikam, alice))).code).toBe(ErrorCode.AlreadyInAnOrganization);
    expect((await refusal(rpc.send(MembersRpc.SuspendMember, { ...contoso, memberId: alice.memberId }))).code).toBe(ErrorCode.Conflict);
    expect((await refusal(rpc.send(MembersRpc.CancelInvitation, { ...contoso, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationNotPending);
  });

  it('ends an invitation the person declines, with InvitationDeclined; it cannot be accepted afterwards', async () => {
    const carol = await personalAccount('carol.durand');
    const invitation = await invite(contoso, carol);
    const declined = await rpc.send(MembersRpc.DeclineInvitation, { memberId: carol.memberId, invitationId: invitation.id });
    expect(declined).toMatchObject({ id: invitation.id, status: 'declined', organizationName: 'Contoso' });
    await eventually(async () => (ofInvitation('InvitationDeclined', invitation.id).length > 0 ? true : undefined), 10_000, 'InvitationDeclined');
    expect(ofInvitation('InvitationDeclined', invitation.id)[0].body).toMatchObject({ organizationId: contoso.organizationId, data: { invitationId: invitation.id, memberId: carol.memberId, accountName: 'carol.durand' } });
    expect((await refusal(rpc.send(MembersRpc.AcceptInvitation, { memberId: carol.memberId, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationNotPending);
    expect((await refusal(rpc.send(MembersRpc.ResendInvitation, { ...contoso, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationNotPending);
    // Declined, it may be invited again.
    expect((await invite(contoso, carol)).status).toBe('pending');
  });

  it('cancels a pending invitation on the admin’s request, with InvitationCancelled', async () => {
    const carol = people['carol.durand'];
    const [pending] = (await rpc.send(MembersRpc.ListInvitations, { ...contoso, query: { status: 'pending', page: 1, limit: 50 } })).items.filter((item) => item.memberId === carol.memberId);
    const cancelled = await rpc.send(MembersRpc.CancelInvitation, { ...contoso, invitationId: pending.id });
    expect(cancelled).toMatchObject({ id: pending.id, status: 'cancelled', endedAt: expect.any(String) });
    await eventually(async () => (ofInvitation('InvitationCancelled', pending.id).length > 0 ? true : undefined), 10_000, 'InvitationCancelled');
    expect(ofInvitation('InvitationCancelled', pending.id)[0].body).toMatchObject({ data: { invitationId: pending.id, cancelledByAdminId: contoso.adminId } });
    expect((await refusal(rpc.send(MembersRpc.AcceptInvitation, { memberId: carol.memberId, invitationId: pending.id }))).code).toBe(ErrorCode.InvitationNotPending);
  });

  it('answers 410 invitation_expired past the expiry before the sweep, and the sweep expires it with InvitationExpired', async () => {
    const dave = await personalAccount('dave.leroy');
    const invitation = await invite(contoso, dave);
    // As if INVITATION_TTL_HOURS had passed: the expiry is set one minute ago.
    await mongo
      .db()
      .collection<{ _id: string; expiresAt: Date }>('invitations')
      .updateOne({ _id: invitation.id }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await refusal(rpc.send(MembersRpc.AcceptInvitation, { memberId: dave.memberId, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationExpired);
    expect((await refusal(rpc.send(MembersRpc.DeclineInvitation, { memberId: dave.memberId, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationExpired);
    expect((await refusal(rpc.send(MembersRpc.ResendInvitation, { ...contoso, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationExpired);
    expect((await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: invitation.id })).status).toBe('pending');

    const sweep = members.app.get(InvitationExpirySweep);
    await eventually(async () => ((await sweep.sweep()) > 0 || (await invitationDocument(invitation.id))?.status === 'expired' ? true : undefined), 10_000, 'the sweep');
    expect(await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: invitation.id })).toMatchObject({ status: 'expired', endedAt: expect.any(String) });
    await eventually(async () => (ofInvitation('InvitationExpired', invitation.id).length > 0 ? true : undefined), 10_000, 'InvitationExpired');
    expect(ofInvitation('InvitationExpired', invitation.id)[0].body).toMatchObject({ organizationId: contoso.organizationId, data: { invitationId: invitation.id, memberId: dave.memberId } });
    // A later sweep finds nothing more to expire.
    expect(await sweep.sweep()).toBe(0);
    expect((await refusal(rpc.send(MembersRpc.AcceptInvitation, { memberId: dave.memberId, invitationId: invitation.id }))).code).toBe(ErrorCode.InvitationExpired);
  });

  it('lets exactly one of two organizations’ invitations accepted at the same moment win; the other answers 409', async () => {
    const erin = await personalAccount('erin.petit');
    const [fromContoso, fromFabrikam] = await Promise.all([invite(contoso, erin), invite(fabrikam, erin)]);
    const outcomes = await Promise.allSettled([
      rpc.send(MembersRpc.AcceptInvitation, { memberId: erin.memberId, invitationId: fromContoso.id }),
      rpc.send(MembersRpc.AcceptInvitation, { memberId: erin.memberId, invitationId: fromFabrikam.id }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((outcome) => (outcome.reason as MembersRpcRefusal).code)).toEqual([ErrorCode.AlreadyInAnOrganization]);
    const winner = won[0].value.organizationId === contoso.organizationId ? { scope: contoso, invitation: fromContoso, other: fromFabrikam } : { scope: fabrikam, invitation: fromFabrikam, other: fromContoso };

    expect(await mongo.db().collection('memberships').countDocuments({ _id: erin.memberId } as never)).toBe(1);
    expect((await members.app.get(AccountsRepository).findById(erin.memberId))?.organizationId).toBe(winner.scope.organizationId);
    expect((await rpc.send(MembersRpc.GetInvitation, { ...winner.scope, invitationId: winner.invitation.id })).status).toBe('accepted');
    const otherScope = winner.scope === contoso ? fabrikam : contoso;
    expect((await rpc.send(MembersRpc.GetInvitation, { ...otherScope, invitationId: winner.other.id })).status).toBe('pending');
    await eventually(async () => (ofMember('MemberJoined', erin.memberId).length > 0 ? true : undefined), 10_000, 'MemberJoined');
    expect(ofMember('MemberJoined', erin.memberId).map((event) => event.body.organizationId)).toEqual([winner.scope.organizationId]);
    people['erin.petit'] = { ...erin };
    (people as Record<string, unknown>).erinOrganization = winner.scope;
  });

  it('lets a member leave (MemberRemoved, left) with a new identity in no organization; leaving again answers 409', async () => {
    const alice = people['alice.martin'];
    const member = await rpc.send(MembersRpc.VerifyMember, { login: alice.accountName, password: PERSON_PASSWORD });
    const identity = await rpc.send(MembersRpc.LeaveOrganization, { memberId: alice.memberId });
    expect(identity).toEqual({ memberId: alice.memberId, organizationId: null, accountName: 'alice.martin', mustChangePassword: false, sessionVersion: member.sessionVersion + 1 });
    await eventually(async () => (ofMember('MemberRemoved', alice.memberId).length > 0 ? true : undefined), 10_000, 'MemberRemoved');
    expect(ofMember('MemberRemoved', alice.memberId)[0].body).toMatchObject({
      type: 'MemberRemoved',
      organizationId: contoso.organizationId,
      data: { memberId: alice.memberId, accountName: 'alice.martin', accountType: 'personal', reason: 'left', removedByAdminId: null },
    });
    expect((await refusal(rpc.send(MembersRpc.LeaveOrganization, { memberId: alice.memberId }))).code).toBe(ErrorCode.NotInAnOrganization);
    expect((await refusal(rpc.send(MembersRpc.GetMember, { ...contoso, memberId: alice.memberId }))).code).toBe(ErrorCode.NotFound);
    const [invitation] = (await rpc.send(MembersRpc.ListInvitations, { ...contoso, query: { status: 'accepted', page: 1, limit: 50 } })).items.filter((item) => item.memberId === alice.memberId);
    expect(invitation.membershipEnded).toEqual({ at: expect.any(String), reason: 'left' });
    // The account is still its owner's, and may join again.
    expect((await rpc.send(MembersRpc.VerifyMember, { login: alice.accountName, password: PERSON_PASSWORD })).organizationId).toBeNull();
    const again = await invite(fabrikam, alice);
    expect(again.status).toBe('pending');
  });

  it('lets an admin remove a personal member (removed_from_organization, MemberRemoved removed_by_admin); the account stays its owner’s', async () => {
    const erin = people['erin.petit'];
    const scope = (people as Record<string, unknown>).erinOrganization as Scope;
    const otherScope = scope === contoso ? fabrikam : contoso;
    expect((await refusal(rpc.send(MembersRpc.DeleteMember, { ...otherScope, memberId: erin.memberId }))).code).toBe(ErrorCode.NotFound);
    const removed = await rpc.send(MembersRpc.DeleteMember, { ...scope, memberId: erin.memberId });
    expect(removed).toEqual({ id: erin.memberId, accountName: 'erin.petit', outcome: 'removed_from_organization' });
    await eventually(async () => (ofMember('MemberRemoved', erin.memberId).length > 0 ? true : undefined), 10_000, 'MemberRemoved');
    expect(ofMember('MemberRemoved', erin.memberId)[0].body).toMatchObject({ organizationId: scope.organizationId, data: { reason: 'removed_by_admin', removedByAdminId: scope.adminId } });
    expect((await refusal(rpc.send(MembersRpc.GetMember, { ...scope, memberId: erin.memberId }))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(rpc.send(MembersRpc.DeleteMember, { ...scope, memberId: erin.memberId }))).code).toBe(ErrorCode.NotFound);
    expect((await rpc.send(MembersRpc.VerifyMember, { login: erin.accountName, password: PERSON_PASSWORD })).organizationId).toBeNull();
    expect(await mongo.db().collection('memberships').countDocuments({ _id: erin.memberId } as never)).toBe(0);
  });

  it('deletes a personal account on its password: it leaves (MemberRemoved, account_deleted), its data is erased, its pending invitations keep nothing personal', async () => {
    const frank = await personalAccount('frank.moreau');
    const pending = await invite(fabrikam, frank);
    const joined = await invite(contoso, frank);
    await rpc.send(MembersRpc.AcceptInvitation, { memberId: frank.memberId, invitationId: joined.id });

    expect((await refusal(rpc.send(MembersRpc.DeletePersonalAccount, { memberId: frank.memberId, password: 'Not-The-Password-1' }))).code).toBe(ErrorCode.InvalidCredentials);
    expect((await refusal(rpc.send(MembersRpc.DeletePersonalAccount, { memberId: '0d6f4c1e-7a2b-4c3d-8e9f-112233445566', password: PERSON_PASSWORD }))).code).toBe(ErrorCode.NotAPersonalAccount);
    expect(await members.app.get(AccountsRepository).findById(frank.memberId)).not.toBeNull();

    const deleted = await rpc.send(MembersRpc.DeletePersonalAccount, { memberId: frank.memberId, password: PERSON_PASSWORD });
    expect(deleted).toEqual({ id: frank.memberId, accountName: 'frank.moreau', outcome: 'account_deleted' });
    await eventually(async () => (ofMember('MemberRemoved', frank.memberId).length > 0 ? true : undefined), 10_000, 'MemberRemoved');
    expect(ofMember('MemberRemoved', frank.memberId)[0].body).toMatchObject({ organizationId: contoso.organizationId, data: { reason: 'account_deleted', removedByAdminId: null } });

    expect(await members.app.get(AccountsRepository).findById(frank.memberId)).toBeNull();
    expect((await refusal(rpc.send(MembersRpc.VerifyMember, { login: frank.accountName, password: PERSON_PASSWORD }))).code).toBe(ErrorCode.InvalidCredentials);
    expect(await mongo.db().collection('deleted_accounts').findOne({ _id: frank.memberId } as never)).toMatchObject({ type: 'personal', accountName: 'frank.moreau', organizationId: '' });
    expect(await mongo.db().collection('memberships').countDocuments({ _id: frank.memberId } as never)).toBe(0);
    expect(await mongo.db().collection('email_reservations').countDocuments({ _id: frank.email } as never)).toBe(0);
    // Its invitations keep the account name only; Fabrikam's pending one waits for the sweep to expire it.
    const left = await mongo.db().collection('invitations').find({ accountId: frank.memberId }).toArray();
    expect(left).toHaveLength(2);
    expect(JSON.stringify(left)).not.toContain(frank.email);
    expect(await rpc.send(MembersRpc.GetInvitation, { ...fabrikam, invitationId: pending.id })).toMatchObject({ status: 'pending', email: '' });
    expect(await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: joined.id })).toMatchObject({ status: 'accepted', membershipEnded: { reason: 'account_deleted' } });
    expect((await refusal(rpc.send(MembersRpc.DeletePersonalAccount, { memberId: frank.memberId, password: PERSON_PASSWORD }))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(rpc.send(MembersRpc.AcceptInvitation, { memberId: frank.memberId, invitationId: pending.id }))).code).toBe(ErrorCode.NotFound);
  });

  it('invites a committed chunk’s invitees once however often the chunk is redone, and refuses those that cannot be invited', async () => {
    const gina = await personalAccount('gina.blanc');
    const hugo = await personalAccount('hugo.roux');
    await rpc.send(MembersRpc.AcceptInvitation, { memberId: hugo.memberId, invitationId: (await invite(fabrikam, hugo)).id });
    const batch = { organizationId: contoso.organizationId, organizationName: 'Contoso', batchId: randomUUID(), adminId: contoso.adminId };
    const invitees = [
      { invitationId: redoneInvitationId, accountId: gina.memberId },
      { invitationId: randomUUID(), accountId: people['una.verified'].memberId },
      { invitationId: randomUUID(), accountId: hugo.memberId },
      { invitationId: randomUUID(), accountId: people['frank.moreau'].memberId },
    ];
    const issuer = members.app.get(InvitationIssuer);
    const first = await issuer.inviteFromBatch(batch, invitees);
    expect(first.map((outcome) => (outcome.outcome === 'refused' ? outcome.problem.code : outcome.outcome))).toEqual([
      'invited',
      ErrorCode.PersonalAccountUnverified,
      ErrorCode.MemberOfAnotherOrganization,
      ErrorCode.NotAPersonalAccount,
    ]);
    expect(await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: redoneInvitationId })).toMatchObject({ status: 'pending', batchId: batch.batchId, memberId: gina.memberId, invitedByAdminId: contoso.adminId });

    // The chunk redone after the person accepted: still invited, nothing written or told twice.
    await rpc.send(MembersRpc.AcceptInvitation, { memberId: gina.memberId, invitationId: redoneInvitationId });
    expect(await issuer.inviteFromBatch(batch, invitees)).toEqual(first);
    expect(await mongo.db().collection('invitations').countDocuments({ _id: redoneInvitationId } as never)).toBe(1);
    expect((await rpc.send(MembersRpc.GetInvitation, { ...contoso, invitationId: redoneInvitationId })).status).toBe('accepted');
    const told = await eventually(async () => (ofInvitation('MemberInvited', redoneInvitationId).length >= 1 ? ofInvitation('MemberInvited', redoneInvitationId) : undefined), 10_000, 'MemberInvited');
    expect(new Set(told.map((event) => event.body.id)).size).toBe(1);
    expect(told[0].body).toMatchObject({ data: { batchId: batch.batchId, invitedByAdminId: contoso.adminId, organizationName: 'Contoso', email: gina.email } });
  });

  it('published each event exactly once, with no secret in any', async () => {
    // A marker published after every request was answered: once it is on the tap, every event confirmed before it is too.
    const connection = await connect(amqpUrl);
    const channel = await connection.createConfirmChannel();
    const marker = `marker-${Date.now()}`;
    channel.publish(Exchanges.Events, 'test.marker', Buffer.from(JSON.stringify({ type: 'Marker', id: marker })), { messageId: marker });
    await channel.waitForConfirms();
    await connection.close();
    await tap.waitFor('Marker', 1);

    const types = ['MemberInvited', 'MemberJoined', 'InvitationDeclined', 'InvitationExpired', 'InvitationCancelled', 'MemberRemoved'];
    const events = tap.messages.filter((message) => types.includes(message.body.type as string));
    const ids = events.map((event) => event.body.id);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = Object.fromEntries(types.map((type) => [type, events.filter((event) => event.body.type === type).length]));
    // Invited: alice ×2, dora (once of three requests), carol ×2, dave, erin ×2, frank ×2, hugo, gina (by the batch, committed twice); joined: alice, erin, frank, hugo, gina.
    expect(counts).toEqual({ MemberInvited: 12, MemberJoined: 5, InvitationDeclined: 1, InvitationExpired: 1, InvitationCancelled: 1, MemberRemoved: 3 });
    for (const event of events) {
      expect(event.persistent).toBe(true);
      expect(event.messageId).toBe(event.body.id);
      expect(event.raw).not.toMatch(/password|hash|token|scrypt|secret/i);
    }
    // A person's own deletion is told by MemberRemoved only: AccountDeleted is an admin's deletion of a business account.
    expect(ofMember('AccountDeleted', people['frank.moreau'].memberId)).toEqual([]);
  });

  it('has the event relay publish an invitation’s event left in the outbox only once the invitation records it', async () => {
    const dave = people['dave.leroy'];
    const [invitation] = (await rpc.send(MembersRpc.ListInvitations, { ...contoso, query: { status: 'expired', page: 1, limit: 50 } })).items.filter((item) => item.memberId === dave.memberId);
    // As if the broker had not confirmed two events: the change of the first was written (its id is on the invitation), the second's never was.
    const entry = (id: string) => ({
      _id: id,
      memberId: dave.memberId,
      invitationId: invitation.id,
      type: 'InvitationExpired',
      routingKey: RoutingKeys.InvitationExpired,
      event: JSON.stringify({ id, type: 'InvitationExpired', version: 1, occurredAt: new Date().toISOString(), organizationId: contoso.organizationId, data: { invitationId: invitation.id, memberId: dave.memberId, accountName: dave.accountName } }),
      createdAt: new Date(Date.now() - 11_000),
    });
    const written = randomUUID();
    const neverWritten = randomUUID();
    await mongo.db().collection<{ _id: string; eventIds: string[] }>('invitations').updateOne({ _id: invitation.id }, { $addToSet: { eventIds: written } });
    await mongo.db().collection('member_events_outbox').insertMany([entry(neverWritten), entry(written)] as never[]);

    await eventually(async () => (tap.messages.some((message) => message.body.id === written) ? true : undefined), 20_000, 'the relayed event');
    await eventually(async () => ((await mongo.db().collection('member_events_outbox').countDocuments({ _id: written } as never)) === 0 ? true : undefined), 10_000, 'the relayed entry removed');
    expect(tap.messages.filter((message) => message.body.id === neverWritten)).toEqual([]);
    expect(await mongo.db().collection('member_events_outbox').countDocuments({ _id: neverWritten } as never)).toBe(1);
  });
});
