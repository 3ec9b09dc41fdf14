import { describe, expect, it } from 'vitest';
import { chromiumChoice, chromiumNotice } from './browser-chromium.js';

describe('which Chromium the browser suites use, and what happens without one', () => {
  const none = () => false;
  const all = () => true;

  it('uses /usr/bin/chromium by default and RENDEMENT_CHROMIUM when set', () => {
    expect(chromiumChoice({}, all).executablePath).toBe('/usr/bin/chromium');
    expect(chromiumChoice({ RENDEMENT_CHROMIUM: '/opt/chrome/chrome' }, all).executablePath).toBe('/opt/chrome/chrome');
    expect(chromiumNotice(chromiumChoice({}, all))).toBeUndefined();
  });

  it('without Chromium: skips, naming both suites, the missing path and how to install it', () => {
    const notice = chromiumNotice(chromiumChoice({ RENDEMENT_CHROMIUM: '/nowhere/chromium' }, none));
    expect(notice).toContain('Skipped the browser suites test/render/report-browser.test.ts, test/server/browser.test.ts');
    expect(notice).toContain('no Chromium at /nowhere/chromium');
    expect(notice).toContain('apt-get install -y chromium');
  });

  it('with RENDEMENT_REQUIRE_BROWSER=1 (as .ci/run sets) a missing Chromium is an error, not a skip', () => {
    const choice = chromiumChoice({ RENDEMENT_REQUIRE_BROWSER: '1' }, none);
    expect(choice.required).toBe(true);
    expect(chromiumNotice(choice)).toMatch(/^Browser suites required \(RENDEMENT_REQUIRE_BROWSER=1\) but no Chromium at \/usr\/bin\/chromium/);
  });
});
