import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildPortfolio } from '../../src/render/portfolio-report.js';
import { writeReportFiles } from '../../src/render/write-report.js';
import { exampleInputs, fullInput } from './report-fixtures.js';
import { exampleIds } from './chart-fixtures.js';
import { CHROMIUM_ARGS, chromiumForSuite } from '../browser-chromium.js';

// Debian's chromium, never a downloaded one (.ci/run installs it and requires it). Screenshots go to $REPORT_SCREENSHOTS when set.
const executablePath = chromiumForSuite();
const args = CHROMIUM_ARGS;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = process.env['REPORT_SCREENSHOTS'];

const pages = [
  ...exampleIds.flatMap((id) => [`nl/${id}/council.html`, `nl/${id}/neighbourhood.html`]),
  'en/buurthuis-moerwijk/council.html',
  'en/buurthuis-moerwijk/neighbourhood.html',
  'nl/index.html',
  'full/buurthuis-moerwijk/council.html',
  'full/buurthuis-moerwijk/neighbourhood.html',
];

describe.skipIf(executablePath === undefined)('example reports in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rendement-report-'));
    for (const lang of ['nl', 'en'] as const) {
      const { files } = await buildPortfolio(exampleInputs(lang), { lang, generatedAt: '2026-01-01T12:00:00.000Z' }, ['html']);
      await writeReportFiles(join(dir, lang), files);
    }
    const full = await buildPortfolio([fullInput()], { lang: 'nl', generatedAt: '2026-01-01T12:00:00.000Z' }, ['html']);
    await writeReportFiles(join(dir, 'full'), full.files);
    browser = await chromium.launch({ executablePath: executablePath!, args }); // the suite is skipped without it
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(pages)('%s: no console errors, no requests, charts visible, no serious axe violations, prints to PDF', async (page) => {
    const file = join(dir, page);
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const tab = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await tab.goto(url, { waitUntil: 'load' });

    const boxes = await tab.$$eval('svg.chart', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })));
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) {
      expect(b.w).toBeGreaterThan(50);
      expect(b.h).toBeGreaterThan(50);
    }

    await tab.addScriptTag({ content: axeSource });
    const violations = await tab.evaluate(async () => {
      const g = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } };
      const r = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);

    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await tab.screenshot({ path: join(screenshots, `${page.replace(/\//g, '_')}.png`), fullPage: true });
    }
    const pdf = await tab.pdf({ format: 'A4', printBackground: true });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(1);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });
});
