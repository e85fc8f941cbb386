import { randomUUID } from 'node:crypto';
import { Exchanges, MembersRpc, RoutingKeys, type SendActivationEmailCommand } from '@app/contracts';
import { type AddedMembers, BrokerProbe, type CapturedMail, type SignedInAdmin, TestStack } from '@app/testing';
import { activationToken } from './support/mail-fixtures';
import { MailMarker } from './support/mail-marker';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(30_000);

const ELODIE = 'elodie.lefevre@contoso.example';
const LI = 'li.wu@contoso.example';
const TEMPORARY_PASSWORD = 'Sturdy-Violet-Canal-88';

describe('activation and batch summary mails', () => {
  const stack = new TestStack('notifications_mail', rosterApps);
  let broker: BrokerProbe;
  let marker: MailMarker;
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let added: AddedMembers;
  let elodieMail: CapturedMail;

  const only = async (address: string) => {
    const [mail] = await stack.smtp.waitFor((candidate) => candidate.to.includes(address));
    return mail;
  };

  /** What the members service says about an activation token, as the activation page would ask. */
  const activationDetails = (token: string) => stack.membersRpc().send(MembersRpc.GetActivation, { token });

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    broker = await BrokerProbe.open(stack.amqpUrl);
    marker = await MailMarker.create(stack);
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example', 'en');
    added = await stack.addMembers(contoso, [`Élodie Lefèvre <${ELODIE}>`, LI, 'not-an-email'], { [LI]: TEMPORARY_PASSWORD });
  });

  afterAll(async () => {
    await broker?.close();
    await stack.stop();
  });

  it('mails each new member once, in the French organization’s language, with a link the members service accepts', async () => {
    elodieMail = await only(ELODIE);
    const liMail = await only(LI);

    expect(elodieMail.subject).toBe('Activez votre compte Contoso');
    expect(elodieMail.from).toBe('no-reply@roster.local');
    expect(elodieMail.headers['x-roster-notification-id']).toMatch(/^[0-9a-f-]{36}$/);
    for (const part of [elodieMail.text, elodieMail.html]) {
      expect(part).toContain('Bonjour Élodie,');
      expect(part).toContain('Contoso');
      expect(part).toContain(added.of(ELODIE).accountName);
      expect(part).toMatch(/valable 7 jours, jusqu’au \S+ \d+ \S+ \d{4} à \d\d:\d\d UTC/);
    }
    const details = await activationDetails(activationToken(elodieMail));
    expect(details).toMatchObject({ memberId: added.of(ELODIE).memberId, accountName: added.of(ELODIE).accountName, email: ELODIE, organizationName: 'Contoso' });
    expect((await activationDetails(activationToken(liMail))).accountName).toBe(added.of(LI).accountName);

    await marker.send();
    expect(stack.smtp.mailsTo(ELODIE)).toHaveLength(1);
    expect(stack.smtp.mailsTo(LI)).toHaveLength(1);
  });

  it('says a temporary password was set only when the admin set one, and never writes a password', async () => {
    const liMail = await only(LI);

    expect(liMail.text).toContain('mot de passe temporaire');
    expect(liMail.html).toContain('mot de passe temporaire');
    expect(elodieMail.text).not.toContain('mot de passe temporaire');
    for (const mail of [liMail, elodieMail]) expect(mail.raw).not.toContain(TEMPORARY_PASSWORD);
  });

  it('sends the admin who committed the batch a summary with its counts and a link to the batch', async () => {
    const summary = await only('admin@contoso.example');

    expect(summary.subject).toBe('Import terminé pour Contoso\u00a0: 2 comptes créés');
    for (const line of ['Comptes créés\u00a0: 2', 'Entrées ignorées (invalides)\u00a0: 1', 'Échecs\u00a0: 0', 'Total\u00a0: 3']) {
      expect(summary.text).toContain(`\n${line}\n`);
    }
    expect(summary.text).toContain(`\nhttp://localhost:3000/api/v1/member-batches/${added.batchId}\n`);
    expect(summary.text).toContain('liste d’adresses e-mail');
  });

  it('writes in English for an English organization', async () => {
    const fabrikamAdded = await stack.addMembers(fabrikam, ['sam.smith@fabrikam.example']);

    const mail = await only('sam.smith@fabrikam.example');
    expect(mail.subject).toBe('Activate your Fabrikam account');
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.text).toContain(fabrikamAdded.of('sam.smith@fabrikam.example').accountName);
    expect(mail.text).not.toContain('temporary password');
    const summary = await only('admin@fabrikam.example');
    expect(summary.subject).toBe('Import finished for Fabrikam: 1 account created');
  });

  it('sends a new link on SendActivationEmail, and the earlier link stops working', async () => {
    const firstToken = activationToken(elodieMail);
    const command: SendActivationEmailCommand = {
      id: randomUUID(),
      requestedAt: new Date().toISOString(),
      memberId: added.of(ELODIE).memberId,
      organizationId: contoso.organizationId,
      email: ELODIE,
      accountName: added.of(ELODIE).accountName,
      firstName: null,
      organizationName: 'Contoso',
      locale: 'fr',
      passwordSetByAdmin: false,
    };

    await broker.publish(Exchanges.Commands, RoutingKeys.SendActivationEmail, command, { messageId: command.id });

    await stack.smtp.waitFor((mail) => mail.headers['x-roster-notification-id'] === command.id);
    const mails = stack.smtp.mailsTo(ELODIE);
    expect(mails).toHaveLength(2);
    const secondToken = activationToken(mails[1]);
    expect(mails[1].subject).toBe('Activez votre compte Contoso');
    expect(secondToken).not.toBe(firstToken);
    expect((await activationDetails(secondToken)).memberId).toBe(added.of(ELODIE).memberId);
    await expect(activationDetails(firstToken)).rejects.toMatchObject({ code: 'activation_link_expired' });
  });

  it('logs one JSON object per mail, with ids but never the link, the token or the mail', async () => {
    const sent = stack.notificationLogs.lines.filter((line) => line.message === 'mail sent');
    const tokens = stack.smtp.mails.filter((mail) => mail.text.includes('/activate?token=')).map(activationToken);

    expect(sent.length).toBeGreaterThanOrEqual(6);
    expect(sent).toContainEqual(expect.objectContaining({ level: 'log', service: 'notifications', kind: 'account-created', memberId: added.of(ELODIE).memberId, attempt: 1 }));
    expect(sent).toContainEqual(expect.objectContaining({ kind: 'batch-summary', batchId: added.batchId }));
    const everything = JSON.stringify(stack.notificationLogs.lines);
    for (const token of tokens) expect(everything).not.toContain(token);
    expect(everything).not.toContain('/activate');
    expect(everything).not.toContain('Bonjour');
  });
});

