import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_STORE_PATH } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { line } from '../output.js';

/** The HTTP service, loaded only by this command (fastify is not needed for any other). */
async function loadServer(): Promise<typeof import('../../server/index.js')> {
  return import('../../server/index.js');
}

const int = (v: string | undefined, name: string, min: number): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw Object.assign(new Error(`--${name} ${v}`), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
  return Number(v);
};

export const serveCommand: Command = {
  name: 'serve',
  summary: { nl: 'Start de uploadservice en webpagina voor coalities', en: 'Start the upload service and web page for coalitions' },
  help: {
    nl: `Gebruik: rendement serve [--host 127.0.0.1] [--port 8080] [--store data/rendement.duckdb] [--models models]
                       [--max-mb 20] [--max-rows 200000] [--rate 120] [--quiet]

Start de HTTP-service met de webpagina: coalities loggen in met een token (zie rendement tokens),
leveren CSV-bestanden aan (eerst controleren of direct opslaan), zien de problemen per rij en kolom,
hun eerdere uploads en de evaluatie. Alle schrijfacties gaan één voor één naar de store en staan in
het auditlog. Standaard alleen bereikbaar vanaf deze computer (127.0.0.1). --port 0 kiest een vrije poort.
--rate is het aantal verzoeken per minuut per token. Stoppen met Ctrl-C (lopende uploads worden afgemaakt).

Voorbeelden:
  rendement serve
  rendement serve --port 9000 --store data/rendement.duckdb --models models`,
    en: `Usage: rendement serve [--host 127.0.0.1] [--port 8080] [--store data/rendement.duckdb] [--models models]
                       [--max-mb 20] [--max-rows 200000] [--rate 120] [--quiet]

Starts the HTTP service with the web page: coalitions log in with a token (see rendement tokens),
submit CSV files (check only, or store), see the problems by row and column, their earlier uploads
and the evaluation. All writes go to the store one at a time and are in the audit log. By default
reachable from this computer only (127.0.0.1). --port 0 picks a free port. --rate is the number of
requests per minute per token. Stop with Ctrl-C (running uploads are finished first).

Examples:
  rendement serve
  rendement serve --port 9000 --store data/rendement.duckdb --models models`,
  },
  async run(ctx) {
    const { values } = parseArgs({
      args: [...ctx.args],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        store: { type: 'string' },
        models: { type: 'string' },
        'max-mb': { type: 'string' },
        'max-rows': { type: 'string' },
        rate: { type: 'string' },
      },
    });
    const port = int(values.port, 'port', 0) ?? 8080;
    if (port > 65535) throw Object.assign(new Error(`--port ${port}`), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
    const maxMb = int(values['max-mb'], 'max-mb', 1);
    const maxRows = int(values['max-rows'], 'max-rows', 2);
    const rate = int(values.rate, 'rate', 1);
    const { startServer } = await loadServer();
    // The service creates files while it runs (DuckDB's write-ahead log beside the store, upload files): readable
    // by this user only, whatever the shell's umask.
    process.umask(0o077);
    const server = await startServer({
      host: values.host ?? '127.0.0.1',
      port,
      storePath: resolve(ctx.cwd, values.store ?? DEFAULT_STORE_PATH),
      modelsDir: resolve(ctx.cwd, values.models ?? 'models'),
      limits: {
        ...(maxMb !== undefined ? { bodyBytes: maxMb * 1024 * 1024 } : {}),
        ...(maxRows !== undefined ? { rows: maxRows } : {}),
        ...(rate !== undefined ? { rate: { burst: rate, perMinute: rate } } : {}),
      },
      ...(ctx.quiet ? {} : { log: (l: string) => line(ctx.stderr, `${new Date().toISOString()} ${l}`) }),
    });
    for (const s of server.skippedModels) line(ctx.stderr, ctx.lang === 'nl' ? `! Model ${s.file} overgeslagen: ${s.reason}` : `! Model ${s.file} skipped: ${s.reason}`);
    // The first stdout line is the address, so scripts and tests can start the server on --port 0 and read it.
    line(ctx.stdout, `${ctx.lang === 'nl' ? 'rendement luistert op' : 'rendement listening on'} ${server.url} (${server.initiatives.length} ${ctx.lang === 'nl' ? 'initiatieven' : 'initiatives'})`);
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    line(ctx.stderr, ctx.lang === 'nl' ? 'rendement gestopt.' : 'rendement stopped.');
    return EXIT.ok;
  },
};
