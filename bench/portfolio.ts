/**
 * Portfolio benchmark (issues 16 and 18): a municipality with N initiatives. A seeded generator copies the four
 * example models (each copy its own id, name and Monte Carlo seed) and their monitoring data (counts scaled by a
 * seeded factor of 0.85–1.15), ingests them into a fresh store (not timed), then times `rendement portfolio` —
 * evaluate every initiative, its Monte Carlo (--draws, default 2,000), its report, the overview — as a whole process
 * on the built CLI, for each N; sizes from --no-render-from up (default 10,000) run with --no-render. Prints wall
 * time, peak RSS (of the process: the workers are threads in it) and the seconds per phase (RENDEMENT_TIMINGS=1;
 * evaluate runs on the main thread, uncertainty/render/write are summed over the workers), and one JSON line. There
 * is no peer: the goal is absolute (N = 1,000 in under 60 s on 2 cores).
 *
 *   npm run bench:portfolio [-- --sizes 100,1000,10000 --workers 2 --draws 2000 --keep /tmp/portfolio-data]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ObservationStore, elanWijkPanelAdapter, ingestFile, loadModelFile } from '../src/index.js';
import { mulberry32 } from './mulberry32.js';

const root = process.cwd();
const bin = resolve(root, 'dist/cli/main.js');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    workers: { type: 'string' },
    draws: { type: 'string', default: '2000' },
    'no-render-from': { type: 'string', default: '10000' },
    keep: { type: 'string' },
    'setup-only': { type: 'boolean' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const GOAL_SECONDS = 60;


/** The template's monitoring file with every whole-number count scaled by `factor` (periods and dates untouched). */
function scaledCsv(text: string, factor: number): string {
  const [header, ...rows] = text.split('\n');
  const delimiter = header!.includes(';') ? ';' : ',';
  const names = header!.split(delimiter).map((h) => h.trim().toLowerCase());
  const fixed = new Set(names.flatMap((n, i) => (/^(periode|period|jaar|datum|gebied|area|indicator|bron|source)$/.test(n) ? [i] : [])));
  const out = rows.map((row) =>
    row
      .split(delimiter)
      .map((cell, i) => (!fixed.has(i) && /^\d+$/.test(cell) ? String(Math.round(Number(cell) * factor)) : cell))
      .join(delimiter),
  );
  return [header, ...out].join('\n');
}

interface Template {
  readonly id: string;
  readonly yaml: string;
  readonly csv: string;
}

/** Writes N models and ingests their data into a new store; returns the folders. Not timed. */
async function generate(n: number, templates: readonly Template[], dir: string): Promise<{ models: string; store: string }> {
  const models = join(dir, 'models');
  const data = join(dir, 'data');
  await mkdir(models);
  await mkdir(data);
  const random = mulberry32(16_000 + n);
  const store = await ObservationStore.open(join(dir, 'store.duckdb'));
  try {
    const elan = await ingestFile(store, resolve(root, 'data/elan-wijkprofielen/df_numeric_ver_6.csv'), { initiative: 'elan-wijkprofielen', adapter: elanWijkPanelAdapter, uploadedBy: 'bench' });
    if (!elan.ok) throw new Error('ELAN data did not ingest');
    for (let i = 0; i < n; i++) {
      const t = templates[i % templates.length]!;
      const id = `${t.id}-${String(i).padStart(4, '0')}`;
      const yaml = t.yaml
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^name: (.*)$/m, (_, name: string) => `name: ${name} ${i}`)
        .replace(/^(\s+seed: )(\d+)$/m, (_, lead: string, seed: string) => `${lead}${Number(seed) + i}`);
      const modelFile = join(models, `${id}.yaml`);
      await writeFile(modelFile, yaml);
      const loaded = await loadModelFile(modelFile);
      if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.issues.slice(0, 2))}`);
      const csvFile = join(data, `${id}.csv`);
      await writeFile(csvFile, scaledCsv(t.csv, 0.85 + 0.3 * random()));
      const r = await ingestFile(store, csvFile, { initiative: id, model: loaded.model, uploadedBy: 'bench' });
      if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.issues.slice(0, 2))}`);
    }
  } finally {
    store.close();
  }
  return { models, store: join(dir, 'store.duckdb') };
}

/** Runs the CLI as a whole process; resolves with its wall time, exit code and the timings line. */
function portfolio(args: string[]): Promise<{ seconds: number; code: number | null; timings?: { seconds: Record<string, number>; peakRssMB: number; workers: number }; stderr: string }> {
  return new Promise((ok) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [bin, 'portfolio', ...args], { env: { ...process.env, TZ: 'UTC', RENDEMENT_TIMINGS: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      const m = /^rendement-timings (.*)$/m.exec(stderr);
      ok({ seconds, code, stderr, ...(m ? { timings: JSON.parse(m[1]!) } : {}) });
    });
  });
}

async function main(): Promise<number> {
  if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: npm run build');
  const templates: Template[] = [];
  for (const name of (await readdir(resolve(root, 'models'))).filter((f) => f.endsWith('.yaml')).sort()) {
    const id = name.replace(/\.yaml$/, '');
    const csvPath = resolve(root, 'data/demo', `${id}.csv`);
    if (existsSync(csvPath)) templates.push({ id, yaml: await readFile(resolve(root, 'models', name), 'utf8'), csv: await readFile(csvPath, 'utf8') });
  }
  const results = [];
  let failed = false;
  for (const n of sizes) {
    // --keep DIR generates each size once into DIR/<n> and reuses it on later runs (the generator is seeded).
    const dir = values.keep ? resolve(values.keep, String(n)) : await mkdtemp(join(tmpdir(), 'rendement-portfolio-'));
    const reuse = values.keep !== undefined && existsSync(join(dir, 'store.duckdb'));
    try {
      const g0 = performance.now();
      if (values.keep && !reuse) await mkdir(dir, { recursive: true });
      const { models, store } = reuse ? { models: join(dir, 'models'), store: join(dir, 'store.duckdb') } : await generate(n, templates, dir);
      const setupSeconds = (performance.now() - g0) / 1000;
      if (values['setup-only']) {
        console.log(`N = ${n}: generated in ${setupSeconds.toFixed(1)} s`);
        continue;
      }
      const noRender = n >= Number(values['no-render-from']);
      const args = ['--models', models, '--store', store, '--out', join(dir, 'reports'), '--as-of', '2025-12-31', '--quiet', '--draws', values.draws, ...(noRender ? ['--no-render'] : []), ...(values.workers ? ['--workers', values.workers] : [])];
      const r = await portfolio(args);
      if (r.code !== 0 && r.code !== 1) {
        failed = true;
        console.error(r.stderr.slice(-2000));
      }
      // evaluate (main thread), uncertainty, render and write (summed over the workers) overlap in time: `pipeline`
      // is their wall time. Shares are of the thread time spent, start-up and model loading included.
      const { pipeline = 0, run = 0, ...phases } = r.timings?.seconds ?? {};
      const all: Record<string, number> = { startAndLoad: Number(Math.max(0, r.seconds - run).toFixed(3)), ...phases };
      const threadSeconds = Object.values(all).reduce((a, b) => a + b, 0);
      const share = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Number((v / threadSeconds).toFixed(3))]));
      const reports = (await readdir(join(dir, 'reports')).catch(() => [])).length;
      const row = {
        initiatives: n,
        render: !noRender,
        draws: Number(values.draws),
        workers: r.timings?.workers ?? null,
        seconds: Number(r.seconds.toFixed(2)),
        peakRssMB: r.timings?.peakRssMB ?? null,
        pipelineSeconds: pipeline,
        phaseSeconds: all,
        share,
        exitCode: r.code,
        reportEntries: reports,
        setupSeconds: Number(setupSeconds.toFixed(1)),
      };
      results.push(row);
      const shares = Object.entries(share).map(([k, v]) => `${k} ${(100 * v).toFixed(0)} %`).join(', ');
      console.log(`N = ${n}${noRender ? ' (--no-render)' : ''}: ${row.seconds} s (goal < ${GOAL_SECONDS} s for 1,000), peak RSS ${row.peakRssMB} MB, ${row.workers} workers; thread time: ${shares} (setup, not timed: ${row.setupSeconds} s)`);
    } finally {
      if (values.keep) await rm(join(dir, 'reports'), { recursive: true, force: true });
      else await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify({ bench: 'portfolio', peer: 'none (absolute time against the 60 s goal for 1,000 initiatives on 2 cores)', goalSeconds: GOAL_SECONDS, results }));
  return failed ? 1 : 0;
}

process.exitCode = await main();
