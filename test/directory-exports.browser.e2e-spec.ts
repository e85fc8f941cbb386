import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD, eventually, expectNoSeriousAccessibilityViolations, recordCspViolations, type SignedInAdmin, TestBrowser, TestStack } from '@app/testing';
import { directoryWorkbook } from '../libs/csv-import/src/xlsx/workbook-fixtures';
import { rosterApps } from './support/roster-apps';

jest.setTimeout(180_000);

describe('directory exports in the admin console', () => {
  const stack = new TestStack('console_exports', rosterApps);
  let browser: TestBrowser;
  let admin: SignedInAdmin;
  const cspViolations: string[] = [];
  const url = (path: string) => `${stack.gateway.url}${path}`;

  async function signedInPage() {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    cspViolations.push(...recordCspViolations(page));
    await page.goto(url('/console/sign-in'));
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(url('/console/members/add'));
    return page;
  }

  async function reviewed(page: Awaited<ReturnType<typeof signedInPage>>) {
    await page.getByRole('button', { name: 'Next' }).click();
    await eventually(async () => ((await page.locator('h1').textContent()) === 'Review' ? true : undefined), 60_000, 'the review page');
  }

  beforeAll(async () => {
    await stack.start();
    browser = await TestBrowser.launch();
    admin = await stack.signInNewAdmin('Contoso', 'admin@contoso.example');
  });

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

  it('takes Excel workbooks and offers both templates', async () => {
    const page = await signedInPage();
    expect(await page.getByLabel(/Browse/).getAttribute('accept')).toContain('.xlsx');
    const csvTemplate = await page.request.get(url((await page.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href'))!));
    expect(csvTemplate.headers()['content-type']).toMatch(/^text\/csv/);
    const workbookTemplate = await page.request.get(url((await page.getByRole('link', { name: 'Download the Excel template' }).getAttribute('href'))!));
    expect(workbookTemplate.status()).toBe(200);
    expect(workbookTemplate.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    await page.getByLabel(/Browse/).setInputFiles({ name: 'users.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await directoryWorkbook() });
    await reviewed(page);
    expect(await page.locator('#review-counts').textContent()).toContain('3 ready, 1 with problems, 4 rows');
    expect(await page.locator('body').textContent()).toContain('Addresses taken from the column: Email');
  });

  it('adds an account the directory disabled when the admin clicks "Add anyway" on its row', async () => {
    const page = await signedInPage();
    await page.getByLabel(/Browse/).setInputFiles({ name: 'okta-people.csv', mimeType: 'text/csv', buffer: readFileSync(join(__dirname, 'fixtures/directory-exports/okta-people.csv')) });
    await reviewed(page);
    expect(await page.locator('#review-counts').textContent()).toContain('3 ready, 2 with problems, 5 rows');
    const lynne = page.locator('tr', { hasText: 'lynne.robbins@contoso.com' });
    expect(await lynne.locator('.problems').textContent()).toContain('disabled ("Status" is "DEPROVISIONED")');
    // Only the rows the directory disabled offer it.
    expect(await page.getByRole('button', { name: /anyway/ }).count()).toBe(2);
    await expectNoSeriousAccessibilityViolations(page, 'console-review-disabled-rows');

    await lynne.getByRole('button', { name: 'Add anyway (lynne.robbins@contoso.com, although the directory disabled the account)' }).click();
    await eventually(async () => ((await page.locator('#review-counts').textContent())?.includes('4 ready, 1 with problems') ? true : undefined), 10_000, 'the counts after adding anyway');
    const added = page.locator('tr', { hasText: 'lynne.robbins@contoso.com' });
    expect(await added.locator('.problems').count()).toBe(0);
    expect(await added.locator('.notices').textContent()).toContain('added anyway');
    expect(await page.getByRole('button', { name: /anyway/ }).count()).toBe(1);
  });
});
