import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** Debian's package (`apt-get install chromium`, done by `npm run services:up`): Playwright cannot download browsers here. */
const CHROMIUM = '/usr/bin/chromium';
/** Without the network flags, Chromium run as root keeps calling hosts the machine cannot reach. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const ROOT = join(__dirname, '../../..');
const SCREENSHOTS = join(ROOT, 'var/screenshots');
const PUBLISHED_SCREENSHOTS = join(ROOT, 'docs/screenshots');

/**
 * Debian's Chromium, headless, for the tests of pages. Each `newPage` opens a context of its own
 * (its own cookies and language); Playwright gives each launch a fresh profile directory.
 */
export class TestBrowser {
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<TestBrowser> {
    // Loaded here, not at the top: every integration test imports this library's barrel, and
    // playwright-core alone takes half a second to load.
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    return new TestBrowser(await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }));
  }

  /** A page in a new context; `locale` (e.g. `fr-FR`) also sets the Accept-Language header. */
  async newPage(options: Pick<BrowserContextOptions, 'locale' | 'viewport' | 'javaScriptEnabled'> = {}): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 800, height: 600 }, ...options });
    // Pages here answer in milliseconds: a missing element should fail the test long before jest's timeout.
    context.setDefaultTimeout(10_000);
    return context.newPage();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/**
 * Records what the page's Content-Security-Policy blocks, as Chromium reports it on the console:
 * a page that needs anything its policy forbids shows up here.
 */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return violations;
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page and fails with a readable list of its serious and critical findings.
 * axe goes in through the DevTools protocol (`page.evaluate`), which the page's CSP does not
 * govern: `addScriptTag` writes an inline script, which `default-src 'none'` blocks, and
 * `bypassCSP` would test the page without its real policy.
 */
export async function expectNoSeriousAccessibilityViolations(page: Page, label: string): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => (globalThis as unknown as { axe: { run(options: object): Promise<AxeResults> } }).axe.run({ resultTypes: ['violations'] }));
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) throw new Error(`${label}: ${serious.length} serious or critical accessibility violation(s) at ${page.url()}\n${serious.map(describeViolation).join('\n')}`);
}

function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.html}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
  return `  ${violation.id} (${violation.impact}): ${violation.help} (${violation.helpUrl})\n${nodes.join('\n')}`;
}

/**
 * A full-page PNG in var/screenshots/<name>.png, on every run; with UPDATE_SCREENSHOTS=1, also
 * in docs/screenshots/, the ones the repository keeps. Answers the path written under var/.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(PUBLISHED_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(PUBLISHED_SCREENSHOTS, `${name}.png`));
  }
  return path;
}
