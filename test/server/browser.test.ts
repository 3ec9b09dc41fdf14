import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { invalidCsv, makeTokens, modelsDir, tempDir, validCsv } from './fixtures.js';
import { startServeProcess, type ServerProcess } from './serve-process.js';
import { CHROMIUM_ARGS, chromiumForSuite } from '../browser-chromium.js';

// Polls wait as long as a loaded 2-core machine needs (the default 1 s was missed under the full suite).
const busy = { timeout: 20_000 };

// Debian's chromium, never a downloaded browser (.ci/run installs it and requires it).
const CHROMIUM = chromiumForSuite();
const ARGS = CHROMIUM_ARGS;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: ServerProcess | undefined;
let browser: Browser | undefined;
const tmp = await tempDir('rendement-browser-');
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await tmp.cleanup();
});

describe.skipIf(CHROMIUM === undefined)('the coalition page in headless Chromium', () => {
  it('logs in, uploads a valid file by drop and an invalid one by file choice, lists the issues (NL/EN) and updates history and evaluation', async () => {
    const { c } = await makeTokens(tmp.storePath, { c: { role: 'coalition', initiative: 'buurthuis-moerwijk' } });
    // The example model, with one outcome's quantity taken from the uploaded data, so the valuation follows the uploads.
    const models = join(tmp.dir, 'models');
    await mkdir(models);
    const yaml = (await readFile(join(modelsDir, 'buurthuis-moerwijk.yaml'), 'utf8')).replace(/^    quantity: 80$/m, '    quantity: { indicator: bezoekers-65plus, aggregate: last }');
    expect(yaml).toContain('aggregate: last');
    await writeFile(join(models, 'buurthuis-moerwijk.yaml'), yaml);
    server = await startServeProcess(['--store', tmp.storePath, '--models', models]);
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ARGS }); // the suite is skipped without it
    const page = await browser.newPage();
    // Console errors (a CSP violation would show here), except the expected 422s (an invalid file; a report before there is data).
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 422/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server!.url) && !r.url().startsWith('data:') && !r.url().startsWith('about:')) external.push(r.url());
    });

    await page.goto(server.url);
    await expect.poll(() => page.locator('#login').textContent(), busy).toBe('Inloggen');
    await page.fill('#token', c!.token);
    await page.click('#login');
    await page.locator('#initiative option[value="buurthuis-moerwijk"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('#history-empty').textContent(), busy).toBe('Nog geen uploads.');
    // No data yet: the valuation and the report say what is missing instead of reading it as 0.
    await expect.poll(() => page.locator('#sroi').textContent(), busy).toMatch(/monitoringdata/);
    await expect.poll(() => page.locator('#report-message').textContent(), busy).toMatch(/monitoringdata/);
    expect(await page.locator('#report-frame').isHidden()).toBe(true);

    // A valid file, dropped on the drop zone.
    // (A string, because the test is type-checked without the DOM library.)
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(validCsv)}], 'kwartaal-1.csv', { type: 'text/csv' }));
      document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => page.locator('#status').textContent(), busy).toMatch(/^Opgeslagen: 3 rijen \(upload [0-9a-f]{16}\)\.$/);
    await expect.poll(() => page.locator('#history tbody tr').count(), busy).toBe(1);
    await expect.poll(() => page.locator('#obs-current').textContent(), busy).toBe('3');
    expect(await page.locator('#history tbody tr td').nth(1).textContent()).toBe('kwartaal-1.csv');
    expect(await page.locator('#observations tbody tr').count()).toBe(3);
    await expect.poll(() => page.locator('#sroi').textContent(), busy).toMatch(/^\d+,\d+$/);
    const sroiAfterFirst = await page.locator('#sroi').textContent();
    // The criteria scorecard of the evaluation (issue 4) is listed, one row per success criterion.
    expect(await page.locator('#criteria tbody tr').count()).toBe(4);
    await expect.poll(() => page.frameLocator('#report-frame').locator('body').textContent(), { timeout: 20_000 }).toContain('kwartaal-1.csv');

    // An invalid file, chosen with the file input.
    await page.setInputFiles('#file', { name: 'kwartaal-2.csv', mimeType: 'text/csv', buffer: Buffer.from(invalidCsv) });
    await expect.poll(() => page.locator('#status').textContent(), busy).toMatch(/^Niet opgeslagen: \d+ problemen gevonden/);
    const rows = page.locator('#issues tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const veel = cells.find((r) => r[2] === 'veel');
    expect(veel?.slice(0, 3)).toEqual(['3', 'waarde', 'veel']);
    expect(veel?.[3]?.length).toBeGreaterThan(0);
    expect(veel?.[4]?.length).toBeGreaterThan(0);
    expect(cells.some((r) => r[2] === 'WK999999')).toBe(true);
    // Nothing stored: history and evaluation unchanged.
    expect(await page.locator('#history tbody tr').count()).toBe(1);
    expect(await page.locator('#obs-current').textContent()).toBe('3');
    expect(await page.locator('#sroi').textContent()).toBe(sroiAfterFirst);

    // A second valid file with more older visitors: stored, and the valuation follows (last value 85 → 120).
    await page.setInputFiles('#file', { name: 'kwartaal-2.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q2;120\n') });
    await expect.poll(() => page.locator('#history tbody tr').count(), busy).toBe(2);
    await expect.poll(() => page.locator('#sroi').textContent(), busy).not.toBe(sroiAfterFirst);
    const ratio = (s: string | null) => Number(String(s).replace(',', '.'));
    expect(ratio(await page.locator('#sroi').textContent())).toBeGreaterThan(ratio(sroiAfterFirst));
    expect(await page.locator('#obs-current').textContent()).toBe('4');
    await page.setInputFiles('#file', { name: 'kwartaal-2-fout.csv', mimeType: 'text/csv', buffer: Buffer.from(invalidCsv) });
    await expect.poll(() => page.locator('#status').textContent(), busy).toMatch(/^Niet opgeslagen/);

    // English: headers, status and the issues' message and fix switch language.
    const nlFix = veel![4];
    await page.click('#lang-en');
    expect(await page.locator('#issues thead th').first().textContent()).toBe('Row');
    expect(await page.locator('#status').textContent()).toMatch(/^Not stored: \d+ problems found/);
    const enCells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const enVeel = enCells.find((r) => r[2] === 'veel')!;
    expect(enVeel[4]).not.toBe(nlFix);

    // The report, rebuilt in English after the switch, in a sandboxed frame.
    await expect.poll(() => page.frameLocator('#report-frame').locator('html').getAttribute('lang'), { timeout: 20_000 }).toBe('en');
    expect(await page.locator('#report-frame').getAttribute('sandbox')).toBe('');
    expect(await page.frameLocator('#report-frame').locator('body').textContent()).toContain('Buurthuis De Zuidkant');
    expect(problems).toEqual([]);
    expect(external).toEqual([]);

    // Accessibility of the filled page (axe-core, WCAG 2.1 A/AA). axe is injected as a script, which the page's
    // CSP rightly refuses, so this check runs in a second context that bypasses CSP.
    const a11yContext = await browser.newContext({ bypassCSP: true });
    const tab = await a11yContext.newPage();
    await tab.goto(server.url);
    await tab.fill('#token', c!.token);
    await tab.click('#login');
    await tab.locator('#initiative option').first().waitFor({ state: 'attached' });
    await tab.setInputFiles('#file', { name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(invalidCsv) });
    await expect.poll(() => tab.locator('#issues tbody tr').count(), busy).toBeGreaterThan(0);
    await tab.addScriptTag({ content: axeSource });
    const violations = (await tab.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(violations).toEqual([]);
    await a11yContext.close();
  });
});
