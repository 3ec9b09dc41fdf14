import { chromiumChoice, chromiumNotice } from './browser-chromium.js';

/** Vitest global setup: says at the start and again at the end of the run which browser suites were skipped and why. */
export default function setup(): () => void {
  const notice = chromiumNotice(chromiumChoice());
  if (notice !== undefined) console.warn(`\n⚠ ${notice}\n`);
  return () => {
    if (notice !== undefined) console.warn(`\n⚠ ${notice}\n`);
  };
}
