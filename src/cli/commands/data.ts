import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_STORE_PATH, exportObservations, ObservationStore, type ExportFormat } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line, table } from '../output.js';

export const dataCommand: Command = {
  name: 'data',
  summary: { nl: 'Bekijk en exporteer de opslag met monitoringdata', en: 'List and export the monitoring data store' },
  help: {
    nl: `Gebruik: rendement data list [--initiative <id>] [--store <pad>] [--json]
         rendement data export --out <bestand.csv|bestand.parquet|-> [--format csv|parquet]
                               [--initiative <id>] [--history] [--store <pad>] [--force] [--raw]

list toont elke upload: initiatief, bestand, sha256, rijen, wie, wanneer, en hoeveel rijen nog gelden.
export schrijft de waarnemingen (met --history ook de vervangen waarden) met hun herkomst (upload, rij).
Een bestaand bestand dat geen eerdere export is, wordt alleen met --force overschreven; de store (of een
ander DuckDB-bestand) nooit. In CSV krijgt tekst die met = + - @ begint een ' ervoor, zodat een
spreadsheet er geen formule van maakt; --raw schrijft de cellen precies zoals opgeslagen.

Voorbeelden:
  rendement data list --initiative buurthuis-moerwijk
  rendement data export --out moerwijk.parquet --initiative buurthuis-moerwijk`,
    en: `Usage: rendement data list [--initiative <id>] [--store <path>] [--json]
       rendement data export --out <file.csv|file.parquet|-> [--format csv|parquet]
                             [--initiative <id>] [--history] [--store <path>] [--force] [--raw]

list shows every upload: initiative, file, sha256, rows, who, when, and how many rows are still current.
export writes the observations (with --history also superseded values) with their origin (upload, row).
An existing file that is not an earlier export is overwritten only with --force; the store (or any other
DuckDB file) never. In CSV, text starting with = + - @ gets a ' in front so that a spreadsheet does not
run it as a formula; --raw writes the cells exactly as stored.

Examples:
  rendement data list --initiative buurthuis-moerwijk
  rendement data export --out moerwijk.parquet --initiative buurthuis-moerwijk`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      options: {
        initiative: { type: 'string' },
        store: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        format: { type: 'string' },
        history: { type: 'boolean' },
        force: { type: 'boolean' },
        raw: { type: 'boolean' },
      },
      allowPositionals: true,
    });
    const nl = ctx.lang === 'nl';
    const sub = positionals[0];
    if ((sub !== 'list' && sub !== 'export') || positionals.length > 1) {
      line(ctx.stderr, nl ? '✗ Gebruik "rendement data list" of "rendement data export". Zie: rendement data --help' : '✗ Use "rendement data list" or "rendement data export". See: rendement data --help');
      return EXIT.usage;
    }
    let format: ExportFormat | undefined;
    if (sub === 'export') {
      if (!values.out) {
        line(ctx.stderr, nl ? '✗ Geef --out <bestand>.' : '✗ Give --out <file>.');
        return EXIT.usage;
      }
      const f = values.format ?? (extname(values.out).toLowerCase() === '.parquet' ? 'parquet' : 'csv');
      if (f !== 'csv' && f !== 'parquet') {
        line(ctx.stderr, '✗ --format csv | parquet');
        return EXIT.usage;
      }
      format = f;
    }
    const store = await ObservationStore.open(resolve(ctx.cwd, values.store ?? DEFAULT_STORE_PATH));
    try {
      if (sub === 'list') {
        const uploads = await store.listUploads(values.initiative);
        if (values.json) ctx.stdout.write(json(uploads));
        else if (uploads.length === 0) line(ctx.stdout, nl ? 'Nog geen uploads.' : 'No uploads yet.');
        else
          line(
            ctx.stdout,
            table(
              [nl ? 'Upload' : 'Upload', nl ? 'Initiatief' : 'Initiative', nl ? 'Bestand' : 'File', nl ? 'Rijen' : 'Rows', nl ? 'Geldig' : 'Current', nl ? 'Door' : 'By', nl ? 'Wanneer' : 'When', 'sha256'],
              uploads.map((u) => [u.id, u.initiative, u.fileName, String(u.rowCount), String(u.currentRows), u.uploadedBy, u.uploadedAt, u.sha256.slice(0, 12)]),
              [false, false, false, true, true, false, false, false],
            ),
          );
        return EXIT.ok;
      }
      const query = { ...(values.initiative ? { initiative: values.initiative } : {}), history: values.history ?? false };
      if (values.out === '-') {
        // `--out -` is standard output: the export goes through a private temporary file, never a file named "-".
        const dir = await mkdtemp(join(tmpdir(), 'rendement-export-'));
        try {
          const file = join(dir, `export.${format}`);
          const n = await exportObservations(store, file, format!, query, { raw: values.raw ?? false });
          await pipeline(createReadStream(file), ctx.stdout, { end: false });
          line(ctx.stderr, nl ? `✓ ${n} waarnemingen geschreven naar standaarduitvoer.` : `✓ ${n} observations written to standard output.`);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        return EXIT.ok;
      }
      const out = resolve(ctx.cwd, values.out!);
      const n = await exportObservations(store, out, format!, query, { overwrite: values.force ?? false, raw: values.raw ?? false });
      if (values.json) ctx.stdout.write(json({ ok: true, rows: n, file: out, format }));
      else line(ctx.stdout, nl ? `✓ ${n} waarnemingen geschreven naar ${values.out}.` : `✓ ${n} observations written to ${values.out}.`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
