import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  cbsKerncijfersLongAdapter,
  DEFAULT_STORE_PATH,
  elanWijkPanelAdapter,
  ingestFile,
  ingestTable,
  ObservationStore,
  appendAudit,
  ensureAuditLog,
  ensureUploadReviews,
  recordUploadReview,
  openQuarantine,
  type CsvAdapter,
  type ObservationIssue,
  type IngestResult,
  type Lang,
  type Model,
} from '../../index.js';
import { createProgress } from '../progress.js';
import { EXIT, type Command, type CommandContext } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';

const ADAPTERS: Readonly<Record<string, CsvAdapter>> = { 'elan-wijk-panel': elanWijkPanelAdapter, 'cbs-kerncijfers': cbsKerncijfersLongAdapter };

/** The --json shape of an ingest: `{ ok, uploadId, rowsWritten, duplicateOf?, issues: [{ code, row, column, value, message, fix }] }`. */
export function ingestJson(r: IngestResult, lang: Lang): object {
  return {
    ok: r.ok,
    uploadId: r.uploadId,
    rowsWritten: r.rowsWritten,
    ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    dryRun: r.dryRun,
    issues: r.issues.map((i) => ({ code: i.code, row: i.row, column: i.column, value: i.value, message: i.message[lang], fix: i.fix[lang] })),
  };
}

/** A readable ingest report: every issue with row and column, then one summary line. */
export function renderIngest(r: IngestResult, file: string, lang: Lang): string {
  const nl = lang === 'nl';
  const out: string[] = [];
  for (const i of r.issues) {
    if (i.code === 'data.duplicate-upload') continue;
    const where = [i.row > 0 ? `${nl ? 'rij' : 'row'} ${i.row}` : '', i.column ? `${nl ? 'kolom' : 'column'} ${i.column}` : ''].filter(Boolean).join(', ');
    out.push(`✗ ${file}${where ? ` (${where})` : ''}: ${i.message[lang]}\n  ${nl ? 'Oplossing' : 'Fix'}: ${i.fix[lang]}`);
  }
  if (r.duplicateOf) out.push(nl ? `= ${file} is al eerder aangeleverd (upload ${r.duplicateOf}); er is niets veranderd.` : `= ${file} was uploaded before (upload ${r.duplicateOf}); nothing changed.`);
  else if (!r.ok) out.push(nl ? `${r.issues.length} probleem/problemen in ${file}; er is niets opgeslagen.` : `${r.issues.length} problem(s) in ${file}; nothing was stored.`);
  else if (r.dryRun) out.push(nl ? `✓ ${file}: ${r.rowsRead} rijen zijn in orde (proefrun, niets opgeslagen).` : `✓ ${file}: ${r.rowsRead} rows are fine (dry run, nothing stored).`);
  else out.push(nl ? `✓ ${file}: ${r.rowsWritten} waarnemingen opgeslagen als upload ${r.uploadId}.` : `✓ ${file}: ${r.rowsWritten} observations stored as upload ${r.uploadId}.`);
  return out.join('\n');
}

async function findModel(ctx: CommandContext, initiative: string, given: string | undefined, adapter: boolean): Promise<{ model?: Model } | { exit: number }> {
  const path = given ?? (existsSync(resolve(ctx.cwd, 'models', `${initiative}.yaml`)) ? resolve(ctx.cwd, 'models', `${initiative}.yaml`) : undefined);
  if (path) return loadModelOrReport(resolve(ctx.cwd, path), ctx);
  if (adapter) return {};
  line(
    ctx.stderr,
    ctx.lang === 'nl'
      ? `✗ Geen model gevonden voor initiatief "${initiative}" (models/${initiative}.yaml). Geef het model met --model <bestand>: daarmee worden indicatoren, gebieden en periode gecontroleerd.`
      : `✗ No model found for initiative "${initiative}" (models/${initiative}.yaml). Give the model with --model <file>: it is what indicators, areas and periods are checked against.`,
  );
  return { exit: EXIT.invalidInput };
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: { nl: 'Lees monitoringdata (CSV) in de opslag in, met controle', en: 'Ingest monitoring data (CSV) into the store, with checks' },
  help: {
    nl: `Gebruik: rendement ingest <bestand> --initiative <id> [--model <bestand>] [--dry-run] [--json]
                         [--store <pad>] [--adapter elan-wijk-panel|cbs-kerncijfers] [--bulk] [--by <naam>]
       rendement ingest <bestand.xlsx> [--sheet <blad>] --initiative <id> …
       rendement ingest <bestand.duckdb> --table <tabel> | --query <sql> --initiative <id> …
       rendement ingest <bestand.parquet> --initiative <id> …

Controleert elke rij (indicator, gebied, periode, getal, bereik, eenheid, dubbele rijen) tegen het model
(--model, of models/<id>.yaml) en slaat alles in één keer op, of niets als er iets mis is.
Puntkomma, komma of tab, decimaalkomma, UTF-8, Windows-1252 of UTF-16 ("Unicode-tekst" uit Excel): het wordt
herkend; lege kolommen zonder naam (;;; aan het eind) tellen niet mee. Een Excel-werkmap (.xlsx) wordt direct
gelezen: het eerste blad of --sheet, rijnummers zoals in Excel, datums en formules zoals Excel ze bewaart.
Een rij met een periode die na de dag van aanleveren begint, wordt geweigerd. Alleen voor openbare
datasets (--adapter): --skip-invalid slaat de goede rijen op en schrijft de geweigerde rijen met hun
problemen naar een quarantainebestand (--quarantine <pad>, standaard <bestand>.refused.csv). Lege cellen, n.v.t. en "."
tellen als ontbrekend, nooit als 0. Hetzelfde bestand nogmaals is een no-op; een correctie vervangt eerdere
waarden en bewaart die als geschiedenis. --dry-run controleert zonder op te slaan. --bulk leest via DuckDB
(grote bestanden). De opslag is standaard ${DEFAULT_STORE_PATH}.
Exitcodes: 0 gelukt, 1 fouten in het bestand, 2 verkeerd aangeroepen.

Voorbeelden:
  rendement ingest bezoekers-2025.csv --initiative buurthuis-moerwijk --dry-run
  rendement ingest data/elan-wijkprofielen/df_numeric_ver_6.csv --initiative elan-wijkprofielen --adapter elan-wijk-panel --json`,
    en: `Usage: rendement ingest <file> --initiative <id> [--model <file>] [--dry-run] [--json]
                        [--store <path>] [--adapter elan-wijk-panel|cbs-kerncijfers] [--bulk] [--by <name>]
       rendement ingest <file.xlsx> [--sheet <sheet>] --initiative <id> …
       rendement ingest <file.duckdb> --table <table> | --query <sql> --initiative <id> …
       rendement ingest <file.parquet> --initiative <id> …

Checks every row (indicator, area, period, number, range, unit, duplicate rows) against the model
(--model, or models/<id>.yaml) and stores all of it at once, or nothing when anything is wrong.
Semicolon, comma or tab, decimal comma, UTF-8, Windows-1252 or UTF-16 (Excel's "Unicode text") are
recognised; empty columns without a name (trailing ;;;) do not count. An Excel workbook (.xlsx) is read
directly: its first sheet or --sheet, row numbers as in Excel, dates and formulas as Excel stores them.
A row whose period starts after the day of upload is refused. For public datasets only (--adapter):
--skip-invalid stores the good rows and writes the refused rows with their problems to a quarantine
file (--quarantine <path>, default <file>.refused.csv). Empty cells, n.v.t. and "."
count as missing, never as 0. The same file again is a no-op; a correction replaces earlier values and
keeps them as history. --dry-run checks without storing. --bulk reads through DuckDB (large files).
The store is ${DEFAULT_STORE_PATH} by default.
Exit codes: 0 success, 1 problems in the file, 2 usage error.

Examples:
  rendement ingest visitors-2025.csv --initiative buurthuis-moerwijk --dry-run
  rendement ingest data/elan-wijkprofielen/df_numeric_ver_6.csv --initiative elan-wijkprofielen --adapter elan-wijk-panel --json`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      options: {
        initiative: { type: 'string' },
        model: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        store: { type: 'string' },
        adapter: { type: 'string' },
        bulk: { type: 'boolean' },
        by: { type: 'string' },
        table: { type: 'string' },
        query: { type: 'string' },
        sheet: { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        quarantine: { type: 'string' },
      },
      allowPositionals: true,
    });
    const file = positionals[0];
    const nl = ctx.lang === 'nl';
    if (!file || positionals.length > 1 || !values.initiative) {
      line(ctx.stderr, nl ? '✗ Geef één bestand en --initiative <id>. Zie: rendement ingest --help' : '✗ Give one file and --initiative <id>. See: rendement ingest --help');
      return EXIT.usage;
    }
    const adapter = values.adapter === undefined ? undefined : ADAPTERS[values.adapter];
    if (values.adapter !== undefined && !adapter) {
      line(ctx.stderr, `✗ --adapter: ${Object.keys(ADAPTERS).join(' | ')}`);
      return EXIT.usage;
    }
    // Leaving rows out is for public datasets (an adapter) only: an initiative's own data is stored whole or not at all.
    if (values['skip-invalid'] && !adapter) {
      line(
        ctx.stderr,
        nl
          ? '✗ --skip-invalid is alleen voor openbare datasets (met --adapter): gegevens van een initiatief worden helemaal of helemaal niet opgeslagen.'
          : '✗ --skip-invalid is for public datasets only (with --adapter): an initiative\'s own data is stored whole or not at all.',
      );
      return EXIT.usage;
    }
    const path = resolve(ctx.cwd, file);
    if (!existsSync(path)) {
      line(ctx.stderr, nl ? `✗ Bestand niet gevonden: ${file}` : `✗ File not found: ${file}`);
      return EXIT.invalidInput;
    }
    const found = await findModel(ctx, values.initiative, values.model, adapter !== undefined);
    if ('exit' in found) return found.exit;
    const store = await ObservationStore.open(resolve(ctx.cwd, values.store ?? DEFAULT_STORE_PATH));
    try {
      // Two phases on a terminal: reading and checking the file, then committing it in one transaction.
      const progress = createProgress(ctx.stderr, nl ? 'inlezen' : 'ingesting', 2, !values.json && !ctx.quiet);
      // The store's owner ingests on the command line: the upload is approved at once (a service upload waits for a
      // council or evaluator), and the audit log records that step as approved by "cli" in the upload's transaction.
      await ensureAuditLog(store);
      await ensureUploadReviews(store);
      const by = values.by ?? userInfo().username;
      const initiative = values.initiative;
      const inTransaction = async (uploadId: string, rows: number): Promise<void> => {
        await recordUploadReview(store, { uploadId, initiative, state: 'approved', reason: null, actor: `cli:${by}` });
        const [u] = await store.query('SELECT sha256 FROM uploads WHERE id = $id', { id: uploadId });
        await appendAudit(store, { actor: `cli:${by}`, action: 'upload', initiative, sha256: String(u?.['sha256'] ?? ''), outcome: 'committed', uploadId, rows, detail: 'approved by cli' });
      };
      const common = {
        initiative: values.initiative,
        inTransaction,
        ...(found.model ? { model: found.model } : {}),
        dryRun: values['dry-run'] ?? false,
        uploadedBy: values.by ?? userInfo().username,
        onPhase: (phase: 'read' | 'commit') => progress.tick(phase === 'read' ? 0 : 1, phase === 'read' ? (nl ? 'lezen en controleren' : 'reading and checking') : nl ? 'opslaan' : 'storing'),
      };
      const ext = extname(path).toLowerCase();
      const quarantinePath = resolve(ctx.cwd, values.quarantine ?? `${basename(path, extname(path))}.refused.csv`);
      const quarantine = values['skip-invalid'] ? await openQuarantine(quarantinePath) : null;
      const r =
        ext === '.parquet' || ext === '.duckdb' || ext === '.db'
          ? await ingestTable(store, { path, ...(values.table ? { table: values.table } : {}), ...(values.query ? { query: values.query } : {}) }, common)
          : await ingestFile(store, path, {
              ...common,
              ...(adapter ? { adapter } : {}),
              ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
              ...(quarantine ? { onRefusedRow: (issues: readonly ObservationIssue[]) => quarantine.add(issues) } : {}),
              bulk: values.bulk ? true : 'auto',
            });
      progress.done();
      if (quarantine) {
        const refused = await quarantine.close();
        line(ctx.stderr, nl ? `! ${refused} rij(en) overgeslagen; zie ${quarantinePath}.` : `! ${refused} row(s) skipped; see ${quarantinePath}.`);
      }
      if (values.json) ctx.stdout.write(json(ingestJson(r, ctx.lang)));
      else line(r.ok ? ctx.stdout : ctx.stderr, renderIngest(r, file, ctx.lang));
      return r.ok ? EXIT.ok : EXIT.invalidInput;
    } finally {
      store.close();
    }
  },
};
