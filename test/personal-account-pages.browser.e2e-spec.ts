import type { Page } from 'playwright-core';
import { expectNoSeriousAccessibilityViolations, recordCspViolations, saveScreenshot, TestBrowser, TestStack } from '@app/testing';
import { NOTIFICATIONS_FOR_TESTS, rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

const PASSWORD = 'Quiet-Meadow-Lantern-73';
const ADMIN_SET = 'Sturdy-Violet-Canal-88';

/** Submits the page's form and answers the status of the page it ends on (after redirects). */
async function submit(page: Page, button = 'button[type="submit"]'): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(button)]);
  return response?.status() ?? 0;
}

function heading(page: Page): Promise<string> {
  return page.textContent('h1').then((text) => text ?? '');
}

describe('sign-up, verification and member sign-in in Chromium, under the pages’ own Content-Security-Policy', () => {
  const stack = new TestStack('personal_pages_browser', rosterApps);
  let browser: TestBrowser;

  beforeAll(async () => {
    [browser] = await Promise.all([TestBrowser.launch(), stack.start({ notifications: NOTIFICATIONS_FOR_TESTS })]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('/signup → the mail → the verification page → /signin → signed in → signed out, in English', async () => {
    // A name someone has already: the form comes back with free suggestions.
    await stack.http().post('/api/v1/accounts').set('X-Forwarded-For', '198.51.100.200').send({ email: 'first@example.org', accountName: 'robin.hale', password: PASSWORD }).expect(202);
    const page = await browser.newPage({ locale: 'en-GB' });
    const cspViolations = recordCspViolations(page);
    const opened = await page.goto(`${stack.gateway.url}/signup`);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    await expectNoSeriousAccessibilityViolations(page, 'the sign-up form');
    await saveScreenshot(page, 'signup-form');

    await page.fill('#email', 'robin.hale@example.org');
    await page.fill('#accountName', 'robin.hale');
    await page.fill('#firstName', 'Robin');
    await page.fill('#lastName', 'Hale');
    await page.fill('#password', PASSWORD);
    await page.fill('#passwordConfirmation', PASSWORD);
    expect(await submit(page)).toBe(409);
    expect(await page.textContent('#accountName-error')).toContain('This account name is already taken');
    const suggestions = await page.$$eval('#accountName ~ .rules li', (items) => items.map((item) => item.textContent ?? ''));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions).not.toContain('robin.hale');
    // Offered under the account name only.
    expect(await page.$$('.rules li')).toHaveLength(suggestions.length);
    expect(await page.inputValue('#email')).toBe('robin.hale@example.org');
    expect(await page.inputValue('#password')).toBe('');
    expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe('error-summary');
    await expectNoSeriousAccessibilityViolations(page, 'the sign-up form with a taken name');
    await saveScreenshot(page, 'signup-name-taken');

    await page.fill('#accountName', suggestions[0]);
    await page.fill('#password', PASSWORD);
    await page.fill('#passwordConfirmation', PASSWORD);
    expect(await submit(page)).toBe(200);
    expect(await heading(page)).toBe('Check your mail');
    await expectNoSeriousAccessibilityViolations(page, 'the check-your-mail page');

    const [mail] = await stack.smtp.waitFor((candidate) => candidate.to.includes('robin.hale@example.org'));
    const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const verifyPage = await page.goto(`${stack.gateway.url}${new URL(link!).pathname}${new URL(link!).search}`);
    expect(verifyPage?.status()).toBe(200);
    expect(await heading(page)).toBe('Verify your email address');
    expect(await page.textContent('dl.account')).toContain(suggestions[0]);
    await expectNoSeriousAccessibilityViolations(page, 'the verification page');
    expect(await submit(page)).toBe(200);
    expect(await heading(page)).toBe('Your address is verified');
    await expectNoSeriousAccessibilityViolations(page, 'the verified page');

    await Promise.all([page.waitForNavigation(), page.click('a[href^="/signin"]')]);
    expect(await heading(page)).toBe('Sign in');
    await page.fill('#login', suggestions[0]);
    await page.fill('#password', 'Not-The-Password-42');
    expect(await submit(page)).toBe(401);
    expect(await page.textContent('#error-summary')).toContain('The account name, email address or password is wrong.');
    await expectNoSeriousAccessibilityViolations(page, 'the sign-in form refused');
    await page.fill('#login', 'robin.hale@example.org');
    await page.fill('#password', PASSWORD);
    expect(await submit(page)).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await heading(page)).toBe('You are signed in');
    expect(await page.textContent('dl.account')).toContain(suggestions[0]);
    expect(await page.textContent('dl.account')).toContain('Personal account');
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'roster_member');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await expectNoSeriousAccessibilityViolations(page, 'the signed-in page');
    await saveScreenshot(page, 'member-signed-in');

    expect(await submit(page)).toBe(200);
    expect(await heading(page)).toBe('Sign in');
    expect(await page.textContent('[role="status"]')).toBe('You are signed out.');
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'roster_member')).toBeUndefined();
    expect((await page.goto(`${stack.gateway.url}/account`))?.url()).toContain('/signin');
    expect(cspViolations).toEqual([]);
  });

  it('in French: the sign-up form’s own checks, and a business member whose admin set the password chooses theirs at /signin', async () => {
    const admin = await stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
    const added = await stack.addMembers(admin, ['preset@contoso.example'], { 'preset@contoso.example': ADMIN_SET });
    const page = await browser.newPage({ locale: 'fr-FR' });
    const cspViolations = recordCspViolations(page);

    await page.goto(`${stack.gateway.url}/signup`);
    expect(await heading(page)).toBe('Créez votre compte');
    await page.fill('#email', 'camille@example.org');
    await page.fill('#accountName', 'camille.roux');
    await page.fill('#password', 'court');
    await page.fill('#passwordConfirmation', 'court');
    expect(await submit(page)).toBe(422);
    expect(await page.textContent('#password-error')).toContain('Votre mot de passe doit contenir au moins 12 caractères.');
    await expectNoSeriousAccessibilityViolations(page, 'the French sign-up form refused');

    await page.goto(`${stack.gateway.url}/signin`);
    expect(await heading(page)).toBe('Connexion');
    await page.fill('#login', added.of('preset@contoso.example').accountName);
    await page.fill('#password', ADMIN_SET);
    expect(await submit(page)).toBe(403);
    expect(await heading(page)).toBe('Choisissez votre propre mot de passe');
    expect(await page.inputValue('#login')).toBe(added.of('preset@contoso.example').accountName);
    await expectNoSeriousAccessibilityViolations(page, 'the password change form');
    await page.fill('#password', ADMIN_SET);
    await page.fill('#newPassword', PASSWORD);
    await page.fill('#passwordConfirmation', PASSWORD);
    expect(await submit(page)).toBe(200);
    expect(await heading(page)).toBe('Vous êtes connecté');
    expect(await page.textContent('dl.account')).toContain('Compte professionnel');
    expect(cspViolations).toEqual([]);
  });
});
