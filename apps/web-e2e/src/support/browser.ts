import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as support from '@alliances/e2e/support';
import { workspaceRoot } from '@alliances/e2e/support';
import { Secret, TOTP } from 'otpauth';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium through playwright-core, in a fresh profile (no browser download here). */
export async function openBrowser(options: { locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'alliances-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 1280, height: 900 },
    // axe-core is injected as a script: the app's CSP (script-src 'self') would refuse it.
    bypassCSP: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A/AA) on the page; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshots land in test-output/screenshots (ignored by git), for the closing notes and for humans. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(workspaceRoot(), 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The browsers of one spec: `open(who)` starts one whose console errors land in `errors`, tagged with
 * who it is; `closeAll()` in `afterAll`.
 */
export function browserPool(errors: string[]): { open(who: string): Promise<Page>; closeAll(): Promise<void> } {
  const browsers: Browser[] = [];
  return {
    async open(who) {
      const browser = await openBrowser();
      browsers.push(browser);
      watchConsole(browser.page, who, errors);
      return browser.page;
    },
    async closeAll() {
      for (const browser of browsers.splice(0)) await browser.close().catch(() => undefined);
    },
  };
}

/** Collects the page's own console errors and uncaught exceptions, to fail with them as context rather than a bare timeout. */
export function watchConsole(page: Page, who: string, errors: string[]): void {
  page.on('console', (m) => m.type() === 'error' && errors.push(`${who}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
}

/**
 * Waits for the page's heading and for running animations to end (a dialog fading in has text at a
 * fraction of its opacity, which axe would read as low contrast), then expects no serious or critical
 * axe-core violation.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** A person to sign in; `totpSecret` when the test turned two-step sign-in on itself. */
export interface Credentials {
  email: string;
  password: string;
  totpSecret?: string;
}

/**
 * The two-factor helpers of libs/e2e/support (ApiClient.login sets two-step sign-in up for accounts a
 * rule obliges, and remembers their secret). Looked up by name so this file does not break while
 * they are absent.
 */
const totpRegistry = support as unknown as {
  totpCodeFor?: (email: string) => string | Promise<string>;
  totpSecretOf?: (email: string) => string | undefined | null;
};

const TOTP_PERIOD_MS = 30_000;
const step = (at = Date.now()) => Math.floor(at / TOTP_PERIOD_MS);

/** The code of a base32 secret at a time (RFC 6238, SHA-1, 30 s, 6 digits). */
export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

/** The last time step used per secret: the API takes each step once, and one step either side of now. */
const usedSteps = new Map<string, number>();

/** A code of `secret` the API has not seen yet: the current step, else the next one, else after a wait. */
export async function freshTotpCode(secret: string): Promise<string> {
  let next = Math.max((usedSteps.get(secret) ?? -1) + 1, step());
  if (next > step() + 1) {
    await new Promise((resolve) => setTimeout(resolve, (next - 1) * TOTP_PERIOD_MS - Date.now() + 100));
    next = Math.max((usedSteps.get(secret) ?? -1) + 1, step());
  }
  usedSteps.set(secret, next);
  return totpCode(secret, next * TOTP_PERIOD_MS);
}

async function codeFor(who: Credentials): Promise<string> {
  if (who.totpSecret) return freshTotpCode(who.totpSecret);
  // The registry knows which steps ApiClient.login already spent for this account.
  if (totpRegistry.totpCodeFor) return await totpRegistry.totpCodeFor(who.email);
  const secret = totpRegistry.totpSecretOf?.(who.email);
  if (secret) return freshTotpCode(secret);
  throw new Error(`sign-in of ${who.email} asks for a two-step code, and no TOTP secret is known for it`);
}

/**
 * When the sign-in page asks for the second step, answers it with a code the API has not seen (or a
 * recovery code the registry hands out); a refused code is retried once with the next one.
 */
export async function answerSecondStep(page: Page, who: Credentials): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const code = await codeFor(who);
    const isRecoveryCode = !/^\d{6}$/.test(code);
    const field = page.getByTestId('sign-in-mfa-code');
    const inRecoveryMode = (await field.getAttribute('inputmode')) !== 'numeric';
    if (isRecoveryCode !== inRecoveryMode) await page.getByTestId('sign-in-mfa-recovery-toggle').click();
    await field.fill(code);
    // Judged by the API's answer, not by the error on the page: an earlier refusal's message is still
    // shown when the button is clicked, and would pass for this one's.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login/mfa') && r.request().method() === 'POST');
    await page.getByTestId('sign-in-mfa-submit').click();
    if ((await answer).ok()) {
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      return;
    }
    await page.getByTestId('sign-in-error').waitFor();
    if (attempt >= 1) throw new Error(`second step refused for ${who.email}: ${await page.getByTestId('sign-in-error').textContent()}`);
  }
}

/** After the password: waits to leave the sign-in page, answering the second step if it comes. */
export async function passFirstStep(page: Page, who: Credentials): Promise<void> {
  const outcome = await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith('/sign-in')).then(() => 'in' as const),
    page
      .getByTestId('sign-in-mfa-code')
      .waitFor()
      .then(() => 'mfa' as const),
    page
      .getByTestId('sign-in-error')
      .waitFor()
      .then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') throw new Error(`sign-in refused for ${who.email}: ${await page.getByTestId('sign-in-error').textContent()}`);
  if (outcome === 'mfa') await answerSecondStep(page, who);
}

/** Signs in through the sign-in page (with the second step when asked) and waits to be back on `returnUrl`. */
export async function signIn(page: Page, baseUrl: string, who: Credentials, returnUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await passFirstStep(page, who);
  await page.waitForURL((url) => url.pathname === returnUrl.split('?')[0]);
}
