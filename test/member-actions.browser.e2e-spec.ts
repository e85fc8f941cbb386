import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, type AddedMembers, EventTap, expectNoSeriousAccessibilityViolations, recordCspViolations, saveScreenshot, type SignedInAdmin, TestBrowser, TestStack } from '@app/testing';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

describe('the console’s member actions in a browser: suspend, reactivate, delete', () => {
  const stack = new TestStack('member_actions', rosterApps);
  let browser: TestBrowser;
  let contoso: SignedInAdmin;
  let fabrikam: SignedInAdmin;
  let added: AddedMembers;
  let fabrikamMemberId: string;
  let tap: EventTap;
  const cspViolations: string[] = [];

  const url = (path: string) => `${stack.gateway.url}${path}`;

  async function signedIn(email: string, options: { locale?: string; javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({ locale: options.locale ?? 'en-GB', viewport: { width: 1400, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
    cspViolations.push(...recordCspViolations(page));
    await page.goto(url('/console/sign-in'));
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(ADMIN_PASSWORD);
    await page.locator('form[action="/console/sign-in"] button[type="submit"]').click();
    return page;
  }

  const row = (page: Page, email: string) => page.locator('tr', { hasText: email });
  const statusOf = (page: Page, email: string) => row(page, email).locator('.badge').getAttribute('data-status');

  beforeAll(async () => {
    await stack.start();
    browser = await TestBrowser.launch();
    tap = await EventTap.start(stack.amqpUrl, 'member.account.*');
    contoso = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
    fabrikam = await stack.signInNewAdmin('Fabrikam', 'admin@fabrikam.example', 'fr');
    added = await stack.addMembers(contoso, ['ada@contoso.example', 'brian@contoso.example', 'carla@contoso.example']);
    fabrikamMemberId = (await stack.addMembers(fabrikam, ['someone@fabrikam.example'])).members[0].memberId;
  });

  afterAll(async () => {
    await tap?.stop();
    await browser?.close();
    await stack.stop();
  });

  afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

  it('suspends and reactivates a member from All members, shows the type and status, and filters by them', async () => {
    const page = await signedIn(contoso.email);
    await page.goto(url('/console/members'));
    const ada = added.of('ada@contoso.example');
    expect(await row(page, ada.email).locator('td').nth(3).textContent()).toBe('Business');

    await page.getByRole('button', { name: `Suspend ${ada.accountName}` }).click();

    expect(await page.locator('#member-notice').textContent()).toContain(`${ada.accountName} is suspended`);
    expect(await statusOf(page, ada.email)).toBe('suspended');
    expect(await row(page, ada.email).locator('.badge').textContent()).toBe('Suspended');
    await expectNoSeriousAccessibilityViolations(page, 'console-members-suspended');
    await saveScreenshot(page, 'console-members-suspended');

    await page.locator('#status').selectOption('suspended');
    await page.locator('#type').selectOption('business');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    expect(new URL(page.url()).searchParams.get('status')).toBe('suspended');
    expect(await page.locator('#members-count').textContent()).toContain('1 members');
    expect(await page.locator('tbody tr').count()).toBe(1);

    await page.getByRole('button', { name: `Reactivate ${ada.accountName}` }).click();
    expect(await page.locator('#member-notice').textContent()).toContain(`${ada.accountName} is reactivated`);
    // Back to the filtered list it came from: nobody is suspended any more.
    expect(new URL(page.url()).searchParams.get('status')).toBe('suspended');
    expect(await page.locator('#members-count').textContent()).toContain('0 members');
    await page.goto(url('/console/members'));
    expect(await statusOf(page, ada.email)).toBe('pending_activation');
    await page.context().close();
  });

  it('deletes a member only after the confirmation step, without scripts', async () => {
    const page = await signedIn(contoso.email, { javaScriptEnabled: false });
    await page.goto(url('/console/members'));
    const brian = added.of('brian@contoso.example');
    const confirm = page.getByRole('button', { name: `Delete ${brian.accountName} for good` });
    expect(await confirm.isVisible()).toBe(false);

    await row(page, brian.email).locator('summary', { hasText: 'Delete' }).click();
    expect(await row(page, brian.email).locator('details p').textContent()).toContain('erases the email address, names and password');
    // Scripts are off here, so axe cannot run in this page: the French test checks the open confirmation.
    await confirm.click();

    expect(await page.locator('#member-notice').textContent()).toContain(`${brian.accountName} is deleted.`);
    expect(await row(page, brian.email).count()).toBe(0);
    expect(await page.locator('#members-count').textContent()).toContain('2 members');
    await page.context().close();
    const deleted = await tap.waitFor('AccountDeleted', 1);
    expect(deleted[0].body.data).toMatchObject({ memberId: brian.memberId, accountName: brian.accountName });
  });

  it('speaks French, refuses a form without its token, and answers not found for another organization’s member', async () => {
    const page = await signedIn(fabrikam.email);
    await page.goto(url('/console/members'));
    expect(await page.getByRole('button', { name: /^Suspendre / }).count()).toBe(1);
    expect(await page.locator('tbody td').nth(3).textContent()).toBe('Professionnel');
    await page.locator('tbody summary').click();
    expect(await page.locator('tbody details p').textContent()).toContain('efface définitivement');
    await expectNoSeriousAccessibilityViolations(page, 'console-members-actions-fr');

    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const carla = added.of('carla@contoso.example');
    for (const action of ['suspension', 'reactivation', 'deletion']) {
      const forged = await page.request.post(url(`/console/members/${fabrikamMemberId}/${action}`), { form: { _csrf: 'forged' }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      const foreign = await page.request.post(url(`/console/members/${carla.memberId}/${action}`), { form: { _csrf: csrf }, maxRedirects: 0 });
      expect(foreign.status()).toBe(404);
    }
    const contosoPage = await signedIn(contoso.email);
    await contosoPage.goto(url('/console/members'));
    expect(await statusOf(contosoPage, carla.email)).toBe('pending_activation');
    await contosoPage.context().close();
    await page.context().close();
  });
});
