import type { Page } from 'playwright-core';
import {
  type CreatedMember,
  eventually,
  expectNoSeriousAccessibilityViolations,
  recordCspViolations,
  saveScreenshot,
  TestBrowser,
  TestStack,
} from '@app/testing';
import { MailTemplates } from '../apps/notifications/src/mail-templates/mail-templates';
import { issueActivationToken } from './support/activation-fixtures';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(120_000);

const PASSWORD = 'Quiet-Meadow-Lantern-73';
/** Ten characters: the members service refuses it (at least 12). */
const TOO_SHORT = 'Meadow-73!';

/** The element that has focus, as a browser would tell a screen reader. */
function focusedId(page: Page): Promise<string> {
  // A string: these tests are type-checked without the DOM's types.
  return page.evaluate<string>('document.activeElement?.id ?? ""');
}

/** Submits the form and answers the status of the page it loads. */
async function submitForm(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST'),
    page.waitForEvent('load'),
    page.click('button[type="submit"]'),
  ]);
  return response.status();
}

/** WCAG's contrast ratio between two `rgb(r, g, b)` colours, as getComputedStyle writes them. */
function contrastRatio(first: string, second: string): number {
  const luminance = (colour: string): number => {
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [darker, lighter] = [luminance(first), luminance(second)].sort((a, b) => a - b);
  return (lighter + 0.05) / (darker + 0.05);
}

describe('activation in Chromium: the pages under their own Content-Security-Policy, and the welcome mail', () => {
  const stack = new TestStack('activation_browser', rosterApps);
  let browser: TestBrowser;
  let members: CreatedMember[];
  let french: CreatedMember;

  async function openActivationLink(member: CreatedMember, locale = 'en-GB'): Promise<{ page: Page; cspViolations: string[] }> {
    const token = await issueActivationToken(stack, member);
    const page = await browser.newPage({ locale });
    const cspViolations = recordCspViolations(page);
    const response = await page.goto(`${stack.gateway.url}/activate?token=${token}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    return { page, cspViolations };
  }

  beforeAll(async () => {
    [browser] = await Promise.all([TestBrowser.launch(), stack.start()]);
    const fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example', 'en');
    const contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example', 'fr');
    members = [...(await stack.addMembers(fabrikam, ['Li Wu <li.wu@fabrikam.example>', 'Ana Silva <ana.silva@fabrikam.example>'])).members];
    [french] = (await stack.addMembers(contoso, ['Jeanne Dupont <jeanne.dupont@contoso.example>'])).members;
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('shows a form with no serious accessibility fault, whose first Tab stop is the first name, with a focus ring of at least 3:1', async () => {
    const member = members[0];
    const { page, cspViolations } = await openActivationLink(member);

    await expectNoSeriousAccessibilityViolations(page, 'activation form');
    expect(await page.title()).toBe('Activate your account – Roster');
    // The account name for password managers: present, labelled, and hidden from everyone else.
    const username = page.locator('#username');
    expect(await username.inputValue()).toBe(member.accountName);
    expect(await username.getAttribute('autocomplete')).toBe('username');
    expect(await page.locator('label[for="username"]').textContent()).toBe('Account name');
    expect(await username.isHidden()).toBe(true);

    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('firstName');
    expect(await page.locator('#firstName').isVisible()).toBe(true);
    expect(await page.locator('#firstName').inputValue()).toBe('Li');
    const ring = await page.evaluate<{ style: string; width: string; color: string }>(
      '(({ outlineStyle, outlineWidth, outlineColor }) => ({ style: outlineStyle, width: outlineWidth, color: outlineColor }))(getComputedStyle(document.activeElement))',
    );
    expect(ring).toMatchObject({ style: 'solid', width: '3px' });
    expect(contrastRatio(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);

    await saveScreenshot(page, 'activation-form');
    expect(cspViolations).toEqual([]);
  });

  it('focuses the error summary after a refused password, links it to the field, then activates the account for sign-in', async () => {
    const member = members[1];
    const { page, cspViolations } = await openActivationLink(member);

    await page.fill('#password', TOO_SHORT);
    await page.fill('#passwordConfirmation', TOO_SHORT);
    expect(await submitForm(page)).toBe(422);

    await eventually(async () => ((await focusedId(page)) === 'error-summary' ? true : undefined), 5_000, 'focus on the error summary');
    expect(await page.locator('#error-summary').isVisible()).toBe(true);
    expect(await page.locator('#error-summary h2').textContent()).toBe('Your account has not been activated yet');
    const summaryLink = page.locator('#error-summary a[href="#password"]');
    expect(await summaryLink.textContent()).toBe('Password must be at least 12 characters long.');
    expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAccessibilityViolations(page, 'refused activation form');
    await saveScreenshot(page, 'activation-error');

    await summaryLink.click();
    expect(await focusedId(page)).toBe('password');

    await page.fill('#password', PASSWORD);
    await page.fill('#passwordConfirmation', PASSWORD);
    expect(await submitForm(page)).toBe(200);

    expect(await page.locator('h1').textContent()).toBe('Your account is active');
    await expectNoSeriousAccessibilityViolations(page, 'activation success');
    await saveScreenshot(page, 'activation-success');
    expect(cspViolations).toEqual([]);

    const signIn = await stack.http().post('/api/v1/auth/member-login').send({ login: member.accountName, password: PASSWORD }).expect(200);
    expect(signIn.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false });
  });

  it('shows a French member with a French browser the form in French, with no serious accessibility fault', async () => {
    const { page, cspViolations } = await openActivationLink(french, 'fr-FR');

    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe('Activez votre compte');
    expect(await page.locator('label[for="username"]').textContent()).toBe('Nom de compte');
    await expectNoSeriousAccessibilityViolations(page, 'formulaire d’activation');
    await saveScreenshot(page, 'activation-form-fr');
    expect(cspViolations).toEqual([]);
  });

  it.each(['en', 'fr'] as const)('renders the welcome mail in %s with no serious accessibility fault in its HTML, small footer included', async (locale) => {
    const mail = new MailTemplates().render('account-created', locale, {
      organizationName: 'Fabrikam',
      accountName: 'li.wu',
      firstName: 'Li',
      activationUrl: `${stack.gateway.url}/activate?token=example`,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
      passwordSetByAdmin: false,
    });
    const page = await browser.newPage();

    await page.setContent(mail.html);

    await expectNoSeriousAccessibilityViolations(page, `welcome mail (${locale})`);
  });
});
