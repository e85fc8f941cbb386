import { randomUUID } from 'node:crypto';
import { Exchanges, RoutingKeys, type SendActivationEmailCommand } from '@app/contracts';
import type { CapturedMail } from '@app/testing';
import type { SignedInAdmin } from '../../gateway/test/support/test-stack';
import { type AddedMembers, activationToken, NotificationsStack } from './support/notifications-stack';

jest.setTimeout(30_000);

const ELODIE = 'elodie.lefevre@contoso.example';
const LI = 'li.wu@contoso.example';
const TEMPORARY_PASSWORD = 'Sturdy-Violet-Canal-88';

describe('activation and batch summary mails', () => {
  const env = new NotificationsStack('notifications_mail');
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let added: AddedMembers;
  let elodieMail: CapturedMail;

  const only = async (address: string) => {
    const [mail] = await env.smtp.waitFor((candidate) => candidate.to.includes(address));
    return mail;
  };

  beforeAll(async () => {
    await env.start();
    contoso = await env.stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
    fabrikam = await env.stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example', 'en');
    added = await env.addMembers(contoso, [`Élodie Lefèvre <${ELODIE}>`, LI, 'not-an-email'], { [LI]: TEMPORARY_PASSWORD });
  });

  afterAll(() => env.stop());

  it('mails each new member once, in the French organization’s language, with a link the members service accepts', async () => {
    elodieMail = await only(ELODIE);
    const liMail = await only(LI);

    expect(elodieMail.subject).toBe('Activez votre compte Contoso');
    expect(elodieMail.from).toBe('no-reply@roster.local');
    expect(elodieMail.headers['x-roster-notification-id']).toMatch(/^[0-9a-f-]{36}$/);
    for (const part of [elodieMail.text, elodieMail.html]) {
      expect(part).toContain('Bonjour Élodie,');
      expect(part).toContain('Contoso');
      expect(part).toContain(added.accountNames[ELODIE]);
      expect(part).toMatch(/valable 7 jours, jusqu’au \S+ \d+ \S+ \d{4} à \d\d:\d\d UTC/);
    }
    const details = await env.activationDetails(activationToken(elodieMail));
    expect(details).toMatchObject({ memberId: added.memberIds[ELODIE], accountName: added.accountNames[ELODIE], email: ELODIE, organizationName: 'Contoso' });
    expect((await env.activationDetails(activationToken(liMail))).accountName).toBe(added.accountNames[LI]);

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(env.smtp.mailsTo(ELODIE)).toHaveLength(1);
    expect(env.smtp.mailsTo(LI)).toHaveLength(1);
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
    const fabrikamAdded = await env.addMembers(fabrikam, ['sam.smith@fabrikam.example']);

    const mail = await only('sam.smith@fabrikam.example');
    expect(mail.subject).toBe('Activate your Fabrikam account');
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.text).toContain(fabrikamAdded.accountNames['sam.smith@fabrikam.example']);
    expect(mail.text).not.toContain('temporary password');
    const summary = await only('admin@fabrikam.example');
    expect(summary.subject).toBe('Import finished for Fabrikam: 1 account created');
  });

  it('sends a new link on SendActivationEmail, and the earlier link stops working', async () => {
    const firstToken = activationToken(elodieMail);
    const command: SendActivationEmailCommand = {
      id: randomUUID(),
      requestedAt: new Date().toISOString(),
      memberId: added.memberIds[ELODIE],
      organizationId: contoso.organizationId,
      email: ELODIE,
      accountName: added.accountNames[ELODIE],
      firstName: null,
      organizationName: 'Contoso',
      locale: 'fr',
      passwordSetByAdmin: false,
    };

    await env.publish(Exchanges.Commands, RoutingKeys.SendActivationEmail, command, command.id);

    await env.smtp.waitFor((mail) => mail.headers['x-roster-notification-id'] === command.id);
    const mails = env.smtp.mailsTo(ELODIE);
    expect(mails).toHaveLength(2);
    const secondToken = activationToken(mails[1]);
    expect(mails[1].subject).toBe('Activez votre compte Contoso');
    expect(secondToken).not.toBe(firstToken);
    expect((await env.activationDetails(secondToken)).memberId).toBe(added.memberIds[ELODIE]);
    await expect(env.activationDetails(firstToken)).rejects.toMatchObject({ code: 'activation_link_expired' });
  });

  it('logs one JSON object per mail, with ids but never the link, the token or the mail', async () => {
    const sent = env.logs.filter((line) => line.message === 'mail sent');
    const tokens = env.smtp.mails.filter((mail) => mail.text.includes('/activate?token=')).map(activationToken);

    expect(sent.length).toBeGreaterThanOrEqual(6);
    expect(sent).toContainEqual(expect.objectContaining({ level: 'log', service: 'notifications', kind: 'account-created', memberId: added.memberIds[ELODIE], attempt: 1 }));
    expect(sent).toContainEqual(expect.objectContaining({ kind: 'batch-summary', batchId: added.batchId }));
    const everything = JSON.stringify(env.logs);
    for (const token of tokens) expect(everything).not.toContain(token);
    expect(everything).not.toContain('/activate');
    expect(everything).not.toContain('Bonjour');
  });
});

