/**
 * Failed-login load test (issue 15), on loopback only: starts `rendement serve` (the built binary) on a free
 * 127.0.0.1 port with a temporary store, and runs 49 good clients (one token each, a request every 100 ms) for a
 * baseline phase, then the same 49 while one attacker sends bad tokens as fast as it can (4 in flight: wrong
 * secrets for a good client's id, and unknown ids). All 50 share the address 127.0.0.1, as behind a proxy.
 * Prints p50/p99 latency, 429s and other failures of the good clients in both phases (measured in the same run),
 * what the attacker got, and what first logins of 10 unused tokens get while the attack goes on. Ends with one
 * JSON line. Bounded: fixed phase lengths, then it stops the clients and the server itself.
 *
 * The per-token request rate is raised (--rate 1200) so that only the failed-login accounting is measured.
 *
 *   npm run bench:auth-load [-- --seconds 15]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ObservationStore, createToken } from '../src/index.js';

const root = process.cwd();
const bin = resolve(root, 'dist/cli/main.js');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, clients: { type: 'string', default: '49' } } });
const PHASE_MS = Math.min(120, Number(values.seconds)) * 1000;
const GOOD = Math.min(200, Number(values.clients));
const FRESH = 10;
const PAUSE_MS = 100;
const ATTACK_IN_FLIGHT = 4;

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The attacker: `inFlight` lanes, each sending the next bad token as soon as the last one is answered, until told to
 * stop; wrong secrets for a good client's id (ids were printed in reports) and unknown ids, in turn.
 */
const ATTACKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, victim, inFlight } = workerData;
let attacking = true;
parentPort.once('message', () => { attacking = false; });
const counts = { requests: 0, status401: 0, status429: 0, other: 0 };
Promise.all(Array.from({ length: inFlight }, async (_, lane) => {
  for (let i = 0; attacking; i++) {
    const id = i % 2 === 0 ? victim : (lane * 1e9 + i).toString(16).padStart(12, '0').slice(-12);
    try {
      const r = await fetch(url + '/api/me', { headers: { authorization: 'Bearer rdm_' + id + '_' + 'A'.repeat(42) + (i % 10) } });
      await r.arrayBuffer();
      counts.requests++;
      if (r.status === 401) counts.status401++; else if (r.status === 429) counts.status429++; else counts.other++;
    } catch { counts.requests++; counts.other++; }
  }
})).then(() => parentPort.postMessage(counts));
`;

interface PhaseResult {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly status429: number;
  readonly otherFailures: number;
}

function summarise(latencies: number[], statuses: number[]): PhaseResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: statuses.length,
    p50Ms: Math.round(quantile(sorted, 0.5)),
    p99Ms: Math.round(quantile(sorted, 0.99)),
    maxMs: Math.round(sorted[sorted.length - 1] ?? NaN),
    status429: statuses.filter((s) => s === 429).length,
    otherFailures: statuses.filter((s) => s !== 200 && s !== 429).length,
  };
}

async function get(url: string, token: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  try {
    const r = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
    return { status: r.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

/** The 49 good clients for `ms`: a request, a pause of 100 ms, again. */
async function goodClients(url: string, tokens: readonly string[], ms: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  const end = performance.now() + ms;
  await Promise.all(
    tokens.map(async (t) => {
      while (performance.now() < end) {
        const r = await get(url, t);
        latencies.push(r.ms);
        statuses.push(r.status);
        await sleep(PAUSE_MS);
      }
    }),
  );
  return summarise(latencies, statuses);
}

async function main(): Promise<number> {
  if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: npm run build');
  const dir = await mkdtemp(join(tmpdir(), 'rendement-auth-load-'));
  const storePath = join(dir, 'store.duckdb');
  const modelsDir = join(dir, 'models');
  await mkdir(modelsDir);
  await writeFile(join(modelsDir, 'buurthuis-moerwijk.yaml'), await readFile(resolve(root, 'test/server/fixtures/models/buurthuis-moerwijk.yaml'), 'utf8'));
  const setup = await ObservationStore.open(storePath);
  const good: { token: string; id: string }[] = [];
  const fresh: string[] = [];
  try {
    for (let i = 0; i < GOOD; i++) {
      const c = await createToken(setup, { role: 'coalition', initiative: 'buurthuis-moerwijk', label: `client ${i}`, createdBy: 'bench' });
      good.push({ token: c.token, id: c.record.id });
    }
    for (let i = 0; i < FRESH; i++) fresh.push((await createToken(setup, { role: 'council', municipality: 'GM0518', createdBy: 'bench' })).token);
  } finally {
    setup.close();
  }

  const server = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--store', storePath, '--models', modelsDir, '--rate', '1200', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RENDEMENT_LANG: 'en' },
  });
  const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
  const hardStop = setTimeout(() => server.kill('SIGKILL'), 3 * PHASE_MS + 120_000);
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      const t = setTimeout(() => fail(new Error('server did not start')), 30_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(t);
          ok(m[1]!);
        }
      });
      server.once('exit', () => fail(new Error('server exited')));
    });
    if (!url.startsWith('http://127.0.0.1:')) throw new Error('not loopback');
    const tokens = good.map((g) => g.token);

    // Every good client has logged in once before the measurement (a user who is working, not one arriving).
    const warm = await Promise.all(tokens.map((t) => get(url, t)));
    if (warm.some((w) => w.status !== 200)) throw new Error(`warm-up: ${warm.map((w) => w.status).join(',')}`);

    const baseline = await goodClients(url, tokens, PHASE_MS);

    // The attacker runs in its own thread, so its loop does not delay the good clients' measurements in this one.
    const attacker = new Worker(ATTACKER, { eval: true, workerData: { url, victim: good[0]!.id, inFlight: ATTACK_IN_FLIGHT } });
    const attackDone = new Promise<{ requests: number; status401: number; status429: number; other: number }>((ok, fail) => {
      attacker.once('message', ok);
      attacker.once('error', fail);
    });
    await sleep(1000); // the attacker has used up the failure budget of its address before the measurement starts
    const underAttack = await goodClients(url, tokens, PHASE_MS);
    const firstLogins = (await Promise.all(fresh.map((t) => get(url, t)))).map((r) => r.status);
    attacker.postMessage('stop');
    const attack = await attackDone;
    await attacker.terminate();

    server.kill('SIGTERM');
    await exited;

    const result = {
      goodClients: GOOD,
      phaseSeconds: PHASE_MS / 1000,
      baseline,
      underAttack,
      p99Ratio: Math.round((underAttack.p99Ms / baseline.p99Ms) * 100) / 100,
      attacker: attack,
      firstLoginsDuringAttack: { count: FRESH, status200: firstLogins.filter((s) => s === 200).length, status429: firstLogins.filter((s) => s === 429).length },
    };
    const line = (name: string, p: PhaseResult): string =>
      `${name}: ${p.requests} requests, p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms, max ${p.maxMs} ms, 429s ${p.status429}, other failures ${p.otherFailures}`;
    console.log(`${GOOD} good clients on 127.0.0.1, ${PHASE_MS / 1000} s per phase`);
    console.log(line('without attacker', baseline));
    console.log(line('with attacker   ', underAttack));
    console.log(`p99 with / without attacker: ${result.p99Ratio}`);
    console.log(`attacker (${ATTACK_IN_FLIGHT} in flight): ${attack.requests} bad requests, ${attack.status401}× 401, ${attack.status429}× 429, ${attack.other} other`);
    console.log(`first logins of ${FRESH} unused tokens during the attack (same address): ${result.firstLoginsDuringAttack.status200}× 200, ${result.firstLoginsDuringAttack.status429}× 429`);
    console.log(JSON.stringify(result));
    return underAttack.status429 === 0 && underAttack.otherFailures === 0 && baseline.otherFailures === 0 ? 0 : 1;
  } finally {
    clearTimeout(hardStop);
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
