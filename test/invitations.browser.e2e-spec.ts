import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, expectNoSeriousAccessibilityViolations, recordCspViolations, saveScreenshot, type SignedInAdmin, TestBrowser, TestStack } from '@app/testing';
import { PERSONAL_PASSWORD, personToken, type VerifiedPerson, verifiedPersonalAccount } from './support/personal-account-fixtures';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(240_000);

/** Clicks and answers the status of the page it ends on (after redirects). */
async function clickThrough(page: Page, selector: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response?.status() ?? 0;
}

function text(page: Page, selector: string): Promise<string> {
  return page.textContent(selector).then((value) => (value ?? '').trim());
}

describe('invitations in Chromium: the person’s link, sign-in first, accept and decline, /account, and the console', () => {
  const stack = new TestStack('invitations_browser', rosterApps);
  let browser: TestBrowser;
  let contoso: SignedInAdmin;
  let jane: VerifiedPerson;
  let ross: VerifiedPerson;
  let kim: VerifiedPerson;
  const cspViolations: string[] = [];

  const url = (path: string) => `${stack.gateway.url}${path}`;
  const invite = async (accountName: string): Promise<string> =>
    (await stack.http().post('/api/v1/invitations').set('Authorization', `Bearer ${contoso.token}`).send({ accountName }).expect(201)).body.id;

  async function newPage(locale = 'en-GB'): Promise<Page> {
    const page = await browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
    cspViolations.push(...recordCspViolations(page));
    return page;
  }

  async function checked(page: Page, name: string): Promise<void> {
    await expectNoSeriousAccessibilityViolations(page, name);
    await saveScreenshot(page, name);
  }

  async function signInPerson(page: Page, login: string): Promise<number> {
    await page.fill('#login', login);
    await page.fill('#password', PERSONAL_PASSWORD);
    return clickThrough(page, 'form[action="/signin"] button[type="submit"]');
  }

  async function consoleSignIn(page: Page): Promise<void> {
    await page.goto(url('/console/sign-in'));
    await page.getByLabel('Email').fill(contoso.email);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  }

  beforeAll(async () => {
    [browser] = await Promise.all([TestBrowser.launch(), stack.start({ notifications: NOTIFICATIONS_FOR_TESTS })]);
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    [jane, ross, kim] = await Promise.all([
      verifiedPersonalAccount(stack, 'jane.moreau', 'jane.moreau@example.org'),
      verifiedPersonalAccount(stack, 'ross.geller', 'ross.geller@example.org', 'fr'),
      verifiedPersonalAccount(stack, 'kim.nakamura', 'kim.nakamura@example.org'),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

  it('the mail’s link asks to sign in first, then shows the organization; Accept → /account shows it, with Leave; Leave', async () => {
    const invitationId = await invite(jane.accountName);
    const page = await newPage('en-GB');
    const opened = await page.goto(url(`/invitations/${invitationId}`));
    expect(opened?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/invitations/${invitationId}`);
    expect(await page.textContent('main')).toContain('Sign in with the account that was invited to see the invitation.');
    await expectNoSeriousAccessibilityViolations(page, 'the sign-in page before an invitation');

    expect(await signInPerson(page, jane.email)).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/invitations/${invitationId}`);
    expect(await text(page, 'h1')).toBe('Invitation to join Contoso');
    expect(await text(page, '#invitation-intro')).toContain('Contoso invites your account jane.moreau to become one of its members.');
    await checked(page, 'invitation');

    expect(await clickThrough(page, '#accept-invitation')).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await text(page, '#account-notice')).toBe('You are now a member of Contoso.');
    expect(await text(page, '#account-organization')).toBe('Contoso');
    expect(await page.getByRole('button', { name: 'Leave Contoso' }).count()).toBe(1);
    await checked(page, 'member-account-organization');
    const members = (await stack.http().get('/api/v1/members?type=personal').set('Authorization', `Bearer ${contoso.token}`).expect(200)).body.items;
    expect(members.map((member: { id: string }) => member.id)).toContain(jane.accountId);

    expect(await clickThrough(page, 'form[action="/account/leave"] button')).toBe(200);
    expect(await text(page, '#account-notice')).toBe('You have left the organization. Your account is still yours.');
    expect(await text(page, '#account-organization')).toBe('None: your account is in no organization.');
    // The page's new session is in no organization; the invitation is answered.
    expect(await page.getByRole('button', { name: 'Leave Contoso' }).count()).toBe(0);
    await page.goto(url(`/invitations/${invitationId}`));
    expect(await text(page, '#invitation-status')).toBe('You have accepted this invitation.');
  });

  it('in French: the invitation page, Decline → /account says so; another account gets the 404 page', async () => {
    const invitationId = await invite(ross.accountName);
    const page = await newPage('fr-FR');
    await page.goto(url(`/invitations/${invitationId}`));
    expect(await text(page, 'h1')).toBe('Connexion');
    expect(await page.textContent('main')).toContain('Connectez-vous avec le compte invité pour voir l’invitation.');
    expect(await signInPerson(page, ross.accountName)).toBe(200);
    expect(await text(page, 'h1')).toBe('Invitation à rejoindre Contoso');
    expect(await page.getByRole('button', { name: 'Accepter et rejoindre Contoso' }).count()).toBe(1);
    await checked(page, 'invitation-fr');
    // The account page lists it while it waits.
    await page.goto(url('/account?lang=fr'));
    expect(await text(page, '#account-invitations')).toContain('Voir l’invitation de Contoso');
    await Promise.all([page.waitForNavigation(), page.click('#account-invitations a')]);

    expect(await clickThrough(page, '#decline-invitation')).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await text(page, '#account-notice')).toBe('Vous avez refusé l’invitation.');
    expect(await text(page, '#account-invitations')).toBe('Aucune invitation n’attend de réponse.');
    expect(await text(page, '#account-organization')).toBe('Aucune : votre compte n’est membre d’aucune organisation.');
    const seen = (await stack.http().get(`/api/v1/invitations/${invitationId}`).set('Authorization', `Bearer ${contoso.token}`).expect(200)).body;
    expect(seen.status).toBe('declined');

    const other = await newPage('en-GB');
    await other.goto(url(`/invitations/${invitationId}`));
    const missing = await signInPerson(other, kim.accountName);
    expect(missing).toBe(404);
    expect(await text(other, 'h1')).toBe('No invitation here');
    expect(await other.textContent('main')).toContain('kim.nakamura');
    await expectNoSeriousAccessibilityViolations(other, 'an invitation of another account');
  });

  it('the console’s Invitations page: invite by account name, the list, resend, cancel, a refused name', async () => {
    const page = await newPage('en-GB');
    await consoleSignIn(page);
    await page.goto(url('/console/invitations'));
    expect(await text(page, 'h1')).toBe('Invitations');

    await page.fill('#invite-account-name', 'nobody.here');
    expect(await clickThrough(page, '#invite-form button[type="submit"]')).toBe(404);
    expect(await text(page, '#invite-error')).toBe('No personal account has this account name.');
    await expectNoSeriousAccessibilityViolations(page, 'the invitations page with a refused name');

    await page.fill('#invite-account-name', kim.accountName);
    expect(await clickThrough(page, '#invite-form button[type="submit"]')).toBe(200);
    expect(await text(page, '#invitation-notice')).toBe('kim.nakamura is invited: a mail with a link to accept or decline is on its way.');
    const kimRow = page.locator('tr', { hasText: 'kim.nakamura' });
    expect(await kimRow.locator('[data-status]').getAttribute('data-status')).toBe('pending');
    expect(await page.locator('tr', { hasText: 'ross.geller' }).locator('[data-status]').getAttribute('data-status')).toBe('declined');
    await checked(page, 'console-invitations');

    await Promise.all([page.waitForNavigation(), kimRow.getByRole('button', { name: 'Resend the invitation of kim.nakamura' }).click()]);
    expect(await text(page, '#invitation-notice')).toBe('The invitation of kim.nakamura is sent again.');

    await page.locator('tr', { hasText: 'kim.nakamura' }).locator('summary').click();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Cancel the invitation of kim.nakamura' }).click()]);
    expect(await text(page, '#invitation-notice')).toBe('The invitation of kim.nakamura is cancelled.');
    expect(await page.locator('tr', { hasText: 'kim.nakamura' }).locator('[data-status]').getAttribute('data-status')).toBe('cancelled');

    await page.selectOption('#status', 'declined');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await text(page, 'tbody tr')).toContain('ross.geller');
  });

  it('All members lists a personal member with Remove (not Delete), its history, and removes it', async () => {
    const invitationId = await invite(jane.accountName);
    await stack.http().post(`/api/v1/account/invitations/${invitationId}/accept`).set('Authorization', `Bearer ${await personToken(stack, jane.accountName)}`).expect(200);

    const page = await newPage('en-GB');
    await consoleSignIn(page);
    await page.goto(url('/console/members?type=personal'));
    const row = page.locator(`#member-${jane.accountId}`);
    expect(await text(page, `#member-${jane.accountId} td.whole-words`)).toBe('Personal');
    expect(await row.getByText('Delete', { exact: true }).count()).toBe(0);
    expect(await row.getByText('Suspend', { exact: true }).count()).toBe(0);
    await checked(page, 'console-members-personal');

    await Promise.all([page.waitForNavigation(), row.getByRole('link', { name: 'History of jane.moreau' }).click()]);
    expect(await text(page, 'h1')).toBe('Member jane.moreau');
    const events = await page.$$eval('#member-history tbody tr', (rows) => rows.map((tr) => tr.getAttribute('data-event')));
    expect(events).toEqual(expect.arrayContaining(['invited', 'joined', 'left']));
    await checked(page, 'console-member-history');

    await page.goto(url('/console/members?type=personal'));
    await page.locator(`#member-${jane.accountId} summary`).click();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Remove jane.moreau' }).click()]);
    expect(await text(page, '#member-notice')).toBe('jane.moreau is removed from the organization.');
    expect(await page.locator(`#member-${jane.accountId}`).count()).toBe(0);
    const janeNow = (await stack.http().get('/api/v1/me').set('Authorization', `Bearer ${await personToken(stack, jane.accountName)}`).expect(200)).body;
    expect(janeNow.organizationId).toBeNull();
  });

  it('the review shows a personal account’s row as an invitation, without edit controls', async () => {
    const created = await stack
      .http()
      .post('/api/v1/member-batches')
      .set('Authorization', `Bearer ${contoso.token}`)
      .send({ emails: [kim.email, 'new.colleague@contoso.example'] })
      .expect(201);
    const page = await newPage('en-GB');
    await consoleSignIn(page);
    await page.goto(url(`/console/batches/${created.body.id}`));
    expect(await text(page, 'h1')).toBe('Review');
    const invitationRow = page.locator('tr[data-kind="invitation"]');
    expect(await invitationRow.count()).toBe(1);
    expect(await invitationRow.textContent()).toContain(kim.email);
    expect(await invitationRow.textContent()).toContain('kim.nakamura');
    expect(await invitationRow.textContent()).toContain('Has a personal account: will be invited');
    expect(await invitationRow.locator('details, form, input').count()).toBe(0);
    // The business account's row keeps its controls.
    expect(await page.locator('tr:not([data-kind])', { hasText: 'new.colleague@contoso.example' }).locator('details').count()).toBe(3);
    await checked(page, 'console-review-invitation');
  });
});
