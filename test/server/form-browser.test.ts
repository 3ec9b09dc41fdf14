import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { makeTokens, modelsDir, tempDir } from './fixtures.js';
import { startServeProcess, type ServerProcess } from './serve-process.js';
import { CHROMIUM_ARGS, chromiumForSuite } from '../browser-chromium.js';

// Polls wait as long as a loaded 2-core machine needs.
const busy = { timeout: 20_000 };
const CHROMIUM = chromiumForSuite();
let server: ServerProcess | undefined;
let browser: Browser | undefined;
const tmp = await tempDir('rendement-form-');
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await tmp.cleanup();
});

describe.skipIf(CHROMIUM === undefined)('the data-entry form and approval in headless Chromium (issue 14)', () => {
  it('a coalition fills the form with a quote, a council approves it, the neighbourhood report shows the quote', async () => {
    const { c, g } = await makeTokens(tmp.storePath, { c: { role: 'coalition', initiative: 'buurthuis-moerwijk' }, g: { role: 'council', municipality: 'GM0518' } });
    server = await startServeProcess(['--store', tmp.storePath, '--models', modelsDir]);
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS });
    const problems: string[] = [];
    const login = async (token: string) => {
      const page = await browser!.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && problems.push(m.text()));
      await page.goto(server!.url);
      await page.fill('#token', token);
      await page.click('#login');
      await page.locator('#initiative option[value="buurthuis-moerwijk"]').waitFor({ state: 'attached' });
      return page;
    };

    const coalition = await login(c!.token);
    // The form is built from the model: one number field per observed indicator, with its limits.
    await coalition.locator('#entry-bezoekers-65plus').waitFor(busy);
    expect(await coalition.locator('#entry-eenzaamheid').getAttribute('max')).toBe('1');
    await coalition.fill('#entry-period', '2025-Q1');
    await coalition.fill('#entry-bezoekers-65plus', '85');
    await coalition.fill('#entry-vrijwilligers', '22');
    await coalition.fill('#voice-text', 'Sinds het buurthuis er is, heb ik weer mensen om mee te praten.');
    await coalition.fill('#voice-date', '2025-03-12');
    await coalition.check('#voice-consent');
    await coalition.click('#entry-submit');
    await expect.poll(() => coalition.locator('#status').textContent(), busy).toMatch(/Opgeslagen: 2 rijen/);
    await expect.poll(() => coalition.locator('#history tbody td.state-submitted').count(), busy).toBe(1);
    await coalition.close();

    const council = await login(g!.token);
    await council.locator('#history button.approve').waitFor(busy);
    await council.click('#history button.approve');
    await expect.poll(() => council.locator('#history tbody td.state-approved').count(), busy).toBe(1);
    await council.close();

    const report = await fetch(`${server.url}/api/initiatives/buurthuis-moerwijk/report?view=neighbourhood`, { headers: { authorization: `Bearer ${g!.token}` } });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('Sinds het buurthuis er is, heb ik weer mensen om mee te praten.');
    expect(problems).toEqual([]);
  });
});
