import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, eventually, expectNoSeriousAccessibilityViolations, recordCspViolations, saveScreenshot, type SignedInAdmin, TestBrowser, TestStack } from '@app/testing';
import { activationToken } from './support/mail-fixtures';
import { SIGN_IN_WINDOW_MS } from '../apps/members/src/sign-in-attempts/sign-in-lockout';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';
import { awayFromWindowEnd } from './support/time-windows';

jest.setTimeout(180_000);

const MEMBER_PASSWORD = 'Quiet-Meadow-Lantern-73';
const PRESET_PASSWORD = 'Sturdy-Violet-Canal-88';

/** A directory export big enough that checking it takes several seconds. */
function directoryCsv(rows: number, domain: string): string {
  const lines = ['Adresse e-mail;Prénom;Nom'];
  for (let index = 0; index < rows; index += 1) lines.push(`person.${index}@${domain};Prénom${index};Nom${index}`);
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

describe('the admin console in a browser', () => {
  const stack = new TestStack('console', rosterApps);
  let browser: TestBrowser;
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let fabrikamBatchId: string;
  let fabrikamMemberId: string;
  const cspViolations: string[] = [];

  const url = (path: string) => `${stack.gateway.url}${path}`;

  async function newPage(locale = 'en-GB'): Promise<Page> {
    const page = await browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
    cspViolations.push(...recordCspViolations(page));
    return page;
  }

  async function signIn(page: Page, email: string, password = ADMIN_PASSWORD): Promise<void> {
    await page.goto(url('/console/sign-in'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function checked(page: Page, name: string): Promise<void> {
    await expectNoSeriousAccessibilityViolations(page, name);
    await saveScreenshot(page, name);
  }

  beforeAll(async () => {
    await stack.start({ notifications: NOTIFICATIONS_FOR_TESTS });
    browser = await TestBrowser.launch();
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example', 'fr');
    const added = await stack.addMembers(fabrikam, ['someone@fabrikam.example']);
    fabrikamBatchId = added.batchId;
    fabrikamMemberId = added.members[0].memberId;
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

  it('sends a signed-out visitor to the sign-in page, refuses a wrong password, then brings the admin back where they were going', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.goto(url('/console/batches'));
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await checked(page, 'console-sign-in');

    await page.getByLabel('Email').fill(contoso.email);
    await page.getByLabel('Password').fill('Not-The-Password-1');
    const refused = page.waitForResponse((response) => response.url().endsWith('/console/sign-in') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await refused).status()).toBe(401);
    expect(await page.getByRole('alert').textContent()).toContain('The email or password is incorrect.');
    // Focus lands on the message, and the address typed stays.
    expect(await page.evaluate('document.activeElement?.id')).toBe('sign-in-problem');
    expect(await page.getByLabel('Email').inputValue()).toBe(contoso.email);
    await expectNoSeriousAccessibilityViolations(page, 'console-sign-in-refused');

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/batches');
    await page.context().close();
  });

  it('locks the sign-in after repeated failures, as the API does', async () => {
    await stack.signInNewAdmin('Locked Ltd', 'admin@locked.example');
    const page = await newPage();
    await awayFromWindowEnd(SIGN_IN_WINDOW_MS, 60_000);
    for (let attempt = 0; attempt < 10; attempt += 1) await signIn(page, 'admin@locked.example', 'Wrong-Password-99');
    await signIn(page, 'admin@locked.example');
    expect(await page.getByRole('alert').textContent()).toContain('Too many failed sign-ins');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.context().close();
  });

  it('adds typed members from review to activation: a taken name is refused with suggestions, a weak password refused, mails go out, members turn active', async () => {
    const page = await newPage();
    await signIn(page, contoso.email);
    await checked(page, 'console-members-empty');

    await page.getByRole('link', { name: 'Add members' }).first().click();
    await checked(page, 'console-add-members');
    await page
      .getByLabel('Enter email addresses')
      .fill('Ada Lovelace <ada@contoso.example>, bob@contoso.example; not-an-address\ncarl@contoso.example bob@contoso.example');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect(page.locator('h1').textContent()).resolves.toBe('Review');
    expect(await page.locator('#review-counts').textContent()).toContain('3 ready, 2 with problems, 5 rows');
    const rows = page.locator('tbody tr');
    // Rows with problems come first.
    expect(await rows.nth(0).getAttribute('class')).toBe('problem');
    expect(await rows.nth(1).getAttribute('class')).toBe('problem');
    expect(await rows.nth(2).getAttribute('class')).toBeNull();
    await checked(page, 'console-review');

    const ada = page.locator('tr', { hasText: 'ada@contoso.example' });
    const bob = page.locator('tr', { hasText: 'bob@contoso.example' }).filter({ hasNot: page.locator('.problems') });
    const bobName = (await bob.locator('summary .value').first().textContent())!.trim();
    expect(await ada.locator('td').nth(3).textContent()).toContain('Ada');

    // A name another row already holds is refused on the spot, with fresh suggestions.
    await ada.locator('summary').first().click();
    await ada.getByLabel('New account name').fill(bobName);
    await ada.getByRole('button', { name: 'Save name' }).click();
    await expect(ada.locator('.row-error').textContent()).resolves.toContain('taken');
    expect(await page.evaluate('document.activeElement?.className')).toBe('row-error');
    const suggestions = await ada.locator('.suggestions button').allTextContents();
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions).not.toContain(bobName);
    await checked(page, 'console-review-name-taken');

    await ada.getByLabel('New account name').fill('ada_byron');
    await ada.getByRole('button', { name: 'Save name' }).click();
    await expect(ada.locator('.saved').textContent()).resolves.toBe('Saved.');
    expect((await ada.locator('summary .value').first().textContent())!.trim()).toBe('ada_byron');

    // A weak password is refused with the policy; a strong one is kept, and never shown again.
    const carl = page.locator('tr', { hasText: 'carl@contoso.example' });
    await carl.locator('summary').nth(2).click();
    await carl.getByLabel('Password', { exact: true }).fill('short');
    await carl.getByRole('button', { name: 'Save password' }).click();
    await expect(carl.locator('.row-error').textContent()).resolves.toMatch(/password/i);
    await carl.getByLabel('Password', { exact: true }).fill(PRESET_PASSWORD);
    await carl.getByRole('button', { name: 'Save password' }).click();
    await expect(carl.locator('.saved').textContent()).resolves.toBe('Saved.');
    expect((await carl.locator('summary .value').nth(2).textContent())!.trim()).toBe('Set');
    expect(await page.content()).not.toContain(PRESET_PASSWORD);

    // The same flow works without the script: a plain form post and a reload.
    await page.getByRole('button', { name: 'Create accounts' }).click();
    await page.waitForSelector('#result-summary', { timeout: 30_000 });
    expect(await page.locator('#result-summary').textContent()).toContain('3 accounts created.');
    expect(await page.locator('main').textContent()).toContain('no credit, no subscriptions and no numbers');
    await checked(page, 'console-accounts-created');

    const mails = await stack.smtp.waitFor((mail) => mail.to.includes('ada@contoso.example'), 30_000);
    await stack.smtp.waitFor((mail) => mail.to.includes('carl@contoso.example'), 30_000);
    await stack.smtp.waitFor((mail) => mail.to.includes('bob@contoso.example'), 30_000);
    const adaMail = mails.find((mail) => mail.to.includes('ada@contoso.example'))!;

    await page.getByRole('link', { name: 'See all members' }).click();
    expect(await page.locator('#members-count').textContent()).toContain('3 members');
    const adaMember = page.locator('tr', { hasText: 'ada@contoso.example' });
    expect(await adaMember.locator('[data-status]').getAttribute('data-status')).toBe('pending_activation');
    expect(await adaMember.textContent()).toContain('ada_byron');
    await checked(page, 'console-members');

    // The member opens the link from the mail and sets a password.
    const member = await newPage();
    await member.goto(url(`/activate?token=${activationToken(adaMail)}`));
    await member.getByLabel('Password', { exact: true }).fill(MEMBER_PASSWORD);
    await member.getByLabel('Confirm password').fill(MEMBER_PASSWORD);
    await member.getByRole('button', { name: 'Activate my account' }).click();
    await expect(member.locator('h1').textContent()).resolves.toMatch(/active/i);
    await member.context().close();

    await page.getByLabel('Search').fill('ada_byron');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr [data-status]').getAttribute('data-status')).toBe('active');

    // A pending member can be sent a new activation email.
    await page.goto(url('/console/members?status=pending_activation'));
    const before = stack.smtp.mailsTo('bob@contoso.example').length;
    await page.locator('tr', { hasText: 'bob@contoso.example' }).getByRole('button', { name: /Resend activation email/ }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('bob@contoso.example');
    await stack.smtp.waitFor((mail) => mail.to.includes('bob@contoso.example') && stack.smtp.mailsTo('bob@contoso.example').length > before, 30_000);
    await page.context().close();
  });

  it('shows a CSV being checked with live progress, then moves on to the review by itself', async () => {
    const page = await newPage();
    await signIn(page, contoso.email);
    await page.goto(url('/console/members/add'));
    // A file that cannot be a member list is explained on the upload page, with nothing kept.
    await page.getByLabel(/Browse/).setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Service;Bureau\nVentes;12\n', 'utf8') });
    const refused = page.waitForResponse((response) => response.url().endsWith('/console/batches') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Next' }).click();
    expect((await refused).status()).toBe(422);
    expect(await page.getByRole('alert').textContent()).toMatch(/email/i);
    expect(await page.evaluate('document.activeElement?.id')).toBe('add-problem');
    await expectNoSeriousAccessibilityViolations(page, 'console-add-members-refused');

    await page.getByLabel(/Browse/).setInputFiles({ name: 'annuaire.csv', mimeType: 'text/csv', buffer: Buffer.from(directoryCsv(8_000, 'big.contoso.example'), 'utf8') });
    await page.getByRole('button', { name: 'Next' }).click();

    const seen = new Set<string>();
    let screenshot = false;
    await eventually(
      async () => {
        if ((await page.locator('#batch-progress').count()) === 0) return (await page.locator('h1').textContent()) === 'Review' ? true : undefined;
        const value = await page.locator('progress').getAttribute('value').catch(() => null);
        if (value !== null) seen.add(value);
        if (!screenshot && seen.size >= 2) {
          screenshot = true;
          await checked(page, 'console-import-progress');
        }
        return undefined;
      },
      120_000,
      'the review after the progress page',
    );
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#review-counts').textContent()).toContain('8,000 ready');
    // Paging through a large file.
    await page.getByRole('link', { name: 'Next' }).click();
    expect(await page.locator('.paging').textContent()).toContain('Page 2 of 160');

    await page.getByRole('link', { name: 'Imports' }).click();
    expect(await page.locator('tbody tr').first().textContent()).toContain('annuaire.csv');
    await checked(page, 'console-imports');
    await page.context().close();
  });

  it('answers not found for another organization’s batch and member, and refuses a form without its token', async () => {
    const page = await newPage();
    await signIn(page, contoso.email);
    const batchPage = await page.goto(url(`/console/batches/${fabrikamBatchId}`));
    expect(batchPage?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    await expectNoSeriousAccessibilityViolations(page, 'console-not-found');

    const forged = await page.request.post(url(`/console/members/${fabrikamMemberId}/activation-email`), { form: { _csrf: 'forged' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await page.goto(url('/console/members'));
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const foreignMember = await page.request.post(url(`/console/members/${fabrikamMemberId}/activation-email`), { form: { _csrf: csrf }, maxRedirects: 0 });
    expect(foreignMember.status()).toBe(404);
    const foreign = await page.request.get(url(`/console/batches/${fabrikamBatchId}/errors.csv`), { maxRedirects: 0 });
    expect(foreign.status()).toBe(404);
    const headers = batchPage!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'roster_console');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.context().close();
  });

  it('works without scripts: the name editor is a native disclosure, forms post and redirect, the progress page reloads itself', async () => {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, contoso.email);
    await page.goto(url('/console/members/add'));
    await page.getByLabel('Enter email addresses').fill('dora@contoso.example, ernest@contoso.example');
    await page.getByRole('button', { name: 'Next' }).click();
    const dora = page.locator('tr', { hasText: 'dora@contoso.example' });
    await dora.locator('summary').first().click();
    await dora.locator('.suggestions button').first().click();
    const chosen = new URL(page.url());
    expect(chosen.searchParams.get('saved')).not.toBeNull();
    expect(await page.locator('.saved').textContent()).toBe('Saved.');
    await page.getByRole('button', { name: 'Create accounts' }).click();
    // No script: the progress page's <noscript> refresh brings the result.
    await page.waitForSelector('#result-summary', { timeout: 30_000 });
    expect(await page.locator('#result-summary').textContent()).toContain('2 accounts created.');
    await page.context().close();
  });

  it('shows the organization’s activity newest first, filtered by action, actor or object, and only its own', async () => {
    const page = await newPage();
    await signIn(page, contoso.email);
    await page.getByRole('link', { name: 'Activity' }).click();
    expect(await page.locator('h1').textContent()).toBe('Activity');
    expect(await page.getByRole('link', { name: 'Activity' }).getAttribute('aria-current')).toBe('page');
    const actions = () => page.locator('#activity tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    // Earlier tests' sign-ins, imports, edits and commits, recorded a moment after each.
    expect(await actions()).toEqual(expect.arrayContaining(['admin.signed_in', 'batch.created', 'batch.row_edited', 'batch.committed']));
    const times = await page.locator('#activity tbody time').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime') ?? ''));
    expect([...times].sort().reverse()).toEqual(times);
    expect(await page.locator('#activity').textContent()).toContain('Changed: ');
    await checked(page, 'console-activity');

    await page.getByLabel('Action').selectOption('batch.committed');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(new Set(await actions())).toEqual(new Set(['batch.committed']));
    await page.locator('#activity tbody tr').first().locator('td').nth(3).getByRole('link').click();
    expect(new URL(page.url()).searchParams.get('objectId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByRole('status').textContent()).toContain('Only the events about');
    expect(new Set(await actions())).toEqual(new Set(['batch.created', 'batch.committed', ...((await actions()).includes('batch.row_edited') ? ['batch.row_edited'] : [])]));
    await page.getByRole('link', { name: 'Show every event' }).click();
    await page.getByLabel('From').fill('2099-01-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    expect(await page.locator('main').textContent()).toContain('No event matches.');
    await page.context().close();

    // Fabrikam's admin speaks French: the console does once signed in.
    const french = await newPage();
    await signIn(french, fabrikam.email);
    await french.getByRole('link', { name: 'Activité' }).click();
    expect(await french.locator('h1').textContent()).toBe('Activité');
    const theirs = await french.locator('#activity tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(theirs).toContain('admin.signed_in');
    expect(await french.locator('main').textContent()).not.toContain('Changed');
    await expectNoSeriousAccessibilityViolations(french, 'console-activity-fr');
    await french.context().close();
  });

  it('speaks French to an admin whose locale is French, and switches language on request', async () => {
    const page = await newPage('en-GB');
    await signIn(page, fabrikam.email);
    expect(await page.locator('h1').textContent()).toBe('Tous les membres');
    await checked(page, 'console-members-fr');
    await page.getByRole('link', { name: 'Ajouter des membres' }).first().click();
    expect(await page.locator('main').textContent()).toContain('Créer des comptes professionnels');
    await page.getByRole('link', { name: 'Switch to English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Add members');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.goto(url('/console/members'));
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.context().close();
  });
});
