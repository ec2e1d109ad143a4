import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM } from './browser-path.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../src/testing/test-app.ts';

/**
 * Browser tests drive the real server (a fresh seeded database, listening on a free port) with
 * Debian's Chromium (or CHROMIUM_PATH, see browser-path.ts). Never a downloaded browser; these flags only.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = path.resolve('screenshots');
const AXE = path.resolve('node_modules/axe-core/axe.min.js');
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
/** Poll options for reading text that re-renders after an action: the UI may show its message before the row refreshes. */
export const UI_POLL = { timeout: 15_000, interval: 100 };

export interface Harness {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no cookies). CSP is bypassed only so axe-core can be injected. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  /**
   * A page in a fresh browser profile. Its script errors, and console errors other than `expected`
   * (by default the 4xx refusals the UI shows on the page), are collected in `errors`, which each
   * test file expects to end empty.
   */
  openPage(viewport?: { width: number; height: number }, expected?: RegExp): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

/** The real server on a fresh seeded database (with the 2021 plan imported if `withPlan`), and Chromium. */
export async function startHarness(opts: { withPlan?: boolean } = {}): Promise<Harness> {
  if (!fs.existsSync(path.resolve('dist/web/index.html')))
    throw new Error('管理端尚未构建：请先运行 npx vite build --config web/vite.config.ts');
  const t = await createTestApp({}, { withPlan: opts.withPlan ?? false });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen on a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const newContext = async (viewport = DESKTOP) => {
    const ctx = await browser.newContext({ viewport, baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
    contexts.push(ctx);
    return ctx;
  };
  return {
    t,
    baseUrl,
    browser,
    newContext,
    errors,
    openPage: async (viewport = DESKTOP, expected = /status of 4\d\d/) => {
      const page = await (await newContext(viewport)).newPage();
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !expected.test(m.text())) errors.push(`console: ${m.text()}`);
      });
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

/**
 * Signs in on the admin login page. Waits for the admin home unless `waitForHome` is false (a first
 * sign-in is sent to the password change instead).
 */
export async function signIn(page: Page, username: string, password = TEST_PASSWORD, opts: { waitForHome?: boolean } = {}): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s?录/ }).click();
  if (opts.waitForHome ?? true) await page.waitForURL((u) => u.pathname === '/admin/');
}

/** How many pixels the page scrolls sideways (0 or less: it fits the window). */
export const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Saves a PNG of one element under screenshots/, scrolled into view, once motion has settled. */
export async function screenshotOf(el: Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await el.scrollIntoViewIfNeeded();
  await el.page().waitForTimeout(300);
  await el.screenshot({ path: file });
  return file;
}

/** Saves a PNG under screenshots/ (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean; keepScroll?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Let antd's motion settle so the picture shows the resting state.
  await page.waitForTimeout(400);
  // `keepScroll`: what is in view now, e.g. a dialog or a section scrolled to.
  if (!opts.fullPage && !opts.keepScroll) await page.evaluate(() => window.scrollTo(0, 0));
  // By default what a person sees at that window size, not the whole scrolled page.
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page and returns the serious and critical violations, readable in a failure. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
    // Let finite animations end first (at most 2 s): a toast fading in is half transparent, and axe
    // would read its text as too faint (seen under load: .ant-message-notice-title); spinners loop and are not awaited.
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2000))]);
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Chooses `option` in the antd Select whose input is `field` (typing `search` first, for a
 * searchable one) and waits until the select shows it and its list has closed. Under a loaded CI
 * machine a click on an option can land while antd is still re-rendering the filtered list and be
 * lost (the list stays open, nothing is chosen): then the list is closed and the choice made again.
 */
export async function chooseOption(field: Locator, option: string | RegExp, search?: string): Promise<void> {
  const page = field.page();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // the select's box shows the chosen option's label (a typed search lives in the input's value, not its text)
  const shown = field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]').filter({ hasText: option });
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) {
      await field.click();
      if (search) await field.fill(search);
    }
    // a Select's options, or a TreeSelect's nodes
    await open.locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper').filter({ hasText: option }).first().click();
    try {
      await shown.first().waitFor({ timeout: 5_000 });
      // closed before going on: antd's open list box has no accessible name, and a check run while
      // it is still fading out would see it
      await open.first().waitFor({ state: 'detached', timeout: UI_POLL.timeout });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Types `value` into a field until it holds it, and it still does a moment later: a form that is
 * mounted again as the page settles (antd's `Form key=…` with today's date as its initial value) can
 * undo a value typed just before — under a loaded CI machine, after the test has moved on.
 */
export async function fillUntilHeld(field: Locator, value: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if ((await field.inputValue()) !== value) await field.fill(value);
    await field.page().waitForTimeout(300);
    if ((await field.inputValue()) === value) return;
    if (attempt === 20) throw new Error(`字段未能保持输入的值 ${value}`);
  }
}
