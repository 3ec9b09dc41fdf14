import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser suites drive, and whether they run. Debian's chromium (never a downloaded browser)
 * at /usr/bin/chromium unless RENDEMENT_CHROMIUM names another binary. Without it the suites are skipped with a
 * notice saying why; with RENDEMENT_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser is an error instead.
 */
export interface ChromiumChoice {
  readonly executablePath: string;
  /** Why the browser suites cannot run here; undefined when they can. */
  readonly missing: string | undefined;
  readonly required: boolean;
}

/** The browser suites, for the notice. */
export const BROWSER_SUITES = ['test/render/report-browser.test.ts', 'test/server/browser.test.ts'] as const;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumChoice(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): ChromiumChoice {
  const executablePath = env['RENDEMENT_CHROMIUM'] || '/usr/bin/chromium';
  const required = env['RENDEMENT_REQUIRE_BROWSER'] === '1';
  const missing = exists(executablePath) ? undefined : `no Chromium at ${executablePath}`;
  return { executablePath, missing, required };
}

/** The notice printed when the browser suites are skipped, or the error when they are required. */
export function chromiumNotice(choice: ChromiumChoice): string | undefined {
  if (choice.missing === undefined) return undefined;
  const how = "install Debian's chromium (apt-get install -y chromium) or point RENDEMENT_CHROMIUM at a Chromium binary";
  return choice.required
    ? `Browser suites required (RENDEMENT_REQUIRE_BROWSER=1) but ${choice.missing}: ${how}.`
    : `Skipped the browser suites ${BROWSER_SUITES.join(', ')}: ${choice.missing}. To run them, ${how}; .ci/run installs it and makes them required.`;
}

/**
 * For a browser suite: the Chromium to launch, or undefined to skip. Throws when the browser is required and
 * missing, so the suite fails instead of skipping.
 */
export function chromiumForSuite(): string | undefined {
  const choice = chromiumChoice();
  if (choice.missing === undefined) return choice.executablePath;
  if (choice.required) throw new Error(chromiumNotice(choice));
  return undefined;
}
