import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ObservationIssue } from '../core/index.js';
import { FORMULA_START } from './csv-injection.js';

/** A quarantine report being written: refused rows with their issues, one line per issue. */
export interface Quarantine {
  add(issues: readonly ObservationIssue[]): Promise<void>;
  /** Closes the file; resolves with the number of refused rows. */
  close(): Promise<number>;
}

/** One CSV cell: quoted, quotes doubled, and a leading = + - @ tab or CR neutralised with an apostrophe (OWASP CSV injection). */
function cell(v: string | number | null): string {
  const t = v === null ? '' : String(v);
  return `"${(FORMULA_START.test(t) ? `'${t}` : t).replace(/"/g, '""')}"`;
}

/**
 * Opens a quarantine report (`--skip-invalid`): a semicolon CSV (UTF-8 with BOM, so Dutch Excel opens it) with
 * columns rij/row, kolom/column, waarde/value, probleem, problem, oplossing, fix. Streams: memory stays one line.
 * @example const q = await openQuarantine('panel.refused.csv'); await ingestFile(store, path, { …, onRefusedRow: q.add }); await q.close()
 */
export async function openQuarantine(path: string): Promise<Quarantine> {
  const out = createWriteStream(path, { mode: 0o600 });
  await once(out, 'open');
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('\ufeffrij / row;kolom / column;waarde / value;probleem;problem;oplossing;fix\r\n');
  let rows = 0;
  return {
    async add(issues) {
      rows++;
      for (const i of issues) await write(`${[i.row, i.column, i.value, i.message.nl, i.message.en, i.fix.nl, i.fix.en].map(cell).join(';')}\r\n`);
    },
    async close() {
      out.end();
      await once(out, 'finish');
      return rows;
    },
  };
}
