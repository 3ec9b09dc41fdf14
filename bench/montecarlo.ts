/**
 * Monte Carlo benchmark (issue 5): loads bench/montecarlo-workload.json, turns it into a rendement model in memory,
 * runs the draws, runs the numpy peer (bench/montecarlo_peer.py, Python 3 with numpy; see bench/README.md) on the
 * same workload in the same run, and prints both times, their ratio and both sets of summary statistics, ending
 * with one JSON line.
 *
 *   npm run bench:montecarlo [-- --draws 100000 --rounds 5 --workload bench/montecarlo-workload.json]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  compileValueMap,
  resolveUncertainty,
  runMonteCarlo,
  summarizeMonteCarlo,
  toValueMap,
  validateModel,
  type Distribution,
  type ModelInput,
  type UncertainParameter,
} from '../src/core/index.js';

type Spec = number | { uniform: [number, number] } | { triangular: [number, number, number] } | { pert: [number, number, number] };
interface Workload {
  draws: number;
  seed: number;
  discountRate: number;
  horizonYears: number;
  investment: number;
  outcomes: {
    id: string;
    stakeholder: string;
    quantity: number;
    proxy: Spec;
    deadweight: Spec;
    displacement: Spec;
    attribution: Spec;
    dropOff: Spec;
    duration: number;
  }[];
}

/** Project root: the bench is compiled to node_modules/.cache/rendement-bench/bench/, or run from bench/. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'rendement') return dir;
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  return process.cwd();
}

function distributionOf(spec: Exclude<Spec, number>): Distribution {
  if ('uniform' in spec) return { type: 'uniform', min: spec.uniform[0], max: spec.uniform[1] };
  if ('triangular' in spec) return { type: 'triangular', min: spec.triangular[0], mode: spec.triangular[1], max: spec.triangular[2] };
  return { type: 'pert', min: spec.pert[0], mode: spec.pert[1], max: spec.pert[2] };
}

function centre(spec: Spec): number {
  if (typeof spec === 'number') return spec;
  const d = distributionOf(spec);
  return d.type === 'uniform' ? (d.min + d.max) / 2 : d.type === 'fixed' ? d.value : 'mode' in d ? d.mode : 0;
}

/** The workload as a rendement model: one outcome per workload outcome, the investment as a year-0 input. */
export function workloadModel(w: Workload): ModelInput {
  const stakeholders = [...new Set(w.outcomes.map((o) => o.stakeholder)), 'investeerder'];
  const parameters: UncertainParameter[] = [];
  const share = (v: number, reason: string) => ({ value: v, reason });
  const outcomes = w.outcomes.map((o) => {
    for (const name of ['proxy', 'deadweight', 'displacement', 'attribution', 'dropOff'] as const) {
      const spec = o[name];
      if (typeof spec !== 'number') parameters.push({ outcome: o.id, parameter: name, distribution: distributionOf(spec) });
    }
    return {
      id: o.id,
      stakeholder: o.stakeholder,
      description: `Benchmark outcome ${o.id}`,
      quantity: o.quantity,
      proxy: { value: centre(o.proxy), unit: 'EUR', priceYear: 2024, source: 'synthetic benchmark workload' },
      deadweight: share(centre(o.deadweight), 'benchmark'),
      displacement: share(centre(o.displacement), 'benchmark'),
      attribution: share(centre(o.attribution), 'benchmark'),
      dropOff: share(centre(o.dropOff), 'benchmark'),
      duration: Math.min(o.duration, w.horizonYears),
    };
  });
  return {
    id: 'montecarlo-benchmark',
    name: 'Monte Carlo benchmark workload',
    illustrative: true,
    municipality: 'GM0000',
    horizon: 'Synthetic benchmark',
    period: { start: '2024-01-01', end: '2033-12-31' },
    coalition: { municipalityRole: 'client', partners: [{ id: 'bench', name: 'Benchmark', type: 'formal' }] },
    stakeholders: stakeholders.map((id) => ({ id, name: id })),
    valuation: {
      priceYear: 2024,
      discount: { rate: w.discountRate, source: 'benchmark workload' },
      horizonYears: w.horizonYears,
      discountFirstYear: true,
    },
    inputs: [{ id: 'investering', funder: 'investeerder', kind: 'money', years: [0], amount: w.investment }],
    outcomes,
    uncertainty: { draws: w.draws, seed: w.seed, parameters },
  };
}

/** One run of the numpy peer; a missing python3 or numpy ends the bench with what to install. */
function runPeer(peerPath: string, workloadPath: string, draws: number): string {
  try {
    return execFileSync('python3', [peerPath, workloadPath, String(draws)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    const why = err.code === 'ENOENT' ? 'python3 is not installed' : (err.stderr ?? String(e)).trim();
    console.error(`The numpy peer could not run: ${why}\nIt needs Python 3 with numpy ≥ 1.22. Debian/Ubuntu: apt-get install python3 python3-numpy; elsewhere: python3 -m pip install 'numpy>=1.22'. See bench/README.md.`);
    process.exit(3);
  }
}

function main(): void {
  const root = projectRoot();
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { draws: { type: 'string' }, workload: { type: 'string' }, rounds: { type: 'string' } },
  });
  const workloadPath = resolve(root, values.workload ?? 'bench/montecarlo-workload.json');
  const peerPath = resolve(root, 'bench/montecarlo_peer.py');
  const w = JSON.parse(readFileSync(workloadPath, 'utf8')) as Workload;
  const draws = Number(values.draws ?? 100_000);

  const v = validateModel(workloadModel(w));
  if (!v.ok) throw new Error(`benchmark model invalid: ${JSON.stringify(v.issues.slice(0, 3))}`);
  const model = v.model;
  const map = toValueMap(model);

  // The timed part mirrors the peer's: everything after loading, up to the summary statistics.
  const run = () => {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const u = resolveUncertainty(model, map, { draws });
    const params = u.parameters.flatMap((p) => (p.distribution ? [{ target: p.target, distribution: p.distribution }] : []));
    const summary = summarizeMonteCarlo(runMonteCarlo(compileValueMap(map), params, { draws: u.draws, seed: u.seed }));
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, summary };
  };
  // Rounds alternate rendement and the peer, so both see the same machine load; each side reports its median
  // round. Round 0 of rendement also compiles the hot loops (JIT); its time is printed as the cold time.
  const rounds = Math.max(1, Number(values.rounds ?? 5));
  const ours: ReturnType<typeof run>[] = [];
  const peers: ({ seconds: number; meanPV: number; probRatioAtLeast1: number } & Record<string, number>)[] = [];
  for (let r = 0; r < rounds; r++) {
    ours.push(run());
    const line = runPeer(peerPath, workloadPath, draws);
    peers.push(JSON.parse(line) as (typeof peers)[number]);
  }
  const median = <T extends { seconds: number }>(xs: T[]): T => [...xs].sort((a, b) => a.seconds - b.seconds)[(xs.length - 1) >> 1]!;
  const { seconds, summary } = median(ours);
  const peer = median(peers);
  const ratio = summary.ratio!;
  const rendement = {
    meanPV: summary.presentValueBenefits.mean,
    meanRatio: ratio.mean,
    p05: ratio.p05,
    p50: ratio.p50,
    p95: ratio.p95,
    probRatioAtLeast1: summary.probRatioAtLeast1,
  };

  const pct = (x: number) => `${(100 * x).toFixed(3)} %`;
  const timeRatio = seconds / peer.seconds;
  console.log(`workload    ${workloadPath} (${w.outcomes.length} outcomes, ${w.horizonYears} years), ${draws} draws`);
  const all = (xs: { seconds: number }[]) => xs.map((x) => x.seconds.toFixed(4)).join(', ');
  console.log(`rendement   ${seconds.toFixed(4)} s  median of ${rounds} rounds (${all(ours)}; the first includes JIT compilation), seed ${model.uncertainty?.seed}, xoshiro128**`);
  console.log(`            CPU time of rendement's median round: ${median(ours).cpuSeconds.toFixed(4)} s (wall and CPU differ when the machine is busy)`);
  console.log(`numpy peer  ${peer.seconds.toFixed(4)} s  median of ${rounds} rounds (${all(peers)}), seed ${w.seed}, PCG64`);
  console.log(`ratio       ${timeRatio.toFixed(3)} (rendement / peer; target ≤ 1, aim ≤ 0.5)`);
  console.log(`                 rendement          peer`);
  for (const k of ['meanPV', 'meanRatio', 'p05', 'p50', 'p95', 'probRatioAtLeast1'] as const)
    console.log(`${k.padEnd(18)} ${String(rendement[k].toPrecision(8)).padStart(14)} ${String(Number(peer[k]).toPrecision(8)).padStart(14)}`);
  console.log(`mean PV difference ${pct((rendement.meanPV - peer.meanPV) / peer.meanPV)} (limit 0.5 %); P(ratio ≥ 1) difference ${(rendement.probRatioAtLeast1 - peer.probRatioAtLeast1).toFixed(4)} (limit 0.01)`);
  // Two independent runs: the difference of their means has standard error √2·SD/√n.
  const se = (Math.SQRT2 * summary.presentValueBenefits.sd) / Math.sqrt(draws);
  const p = rendement.probRatioAtLeast1;
  const seP = Math.sqrt((2 * p * (1 - p)) / draws);
  console.log(`in Monte Carlo standard errors of the difference: mean PV ${((rendement.meanPV - peer.meanPV) / se).toFixed(2)} SE (SE ${se.toFixed(0)}), P(ratio ≥ 1) ${((rendement.probRatioAtLeast1 - peer.probRatioAtLeast1) / seP).toFixed(2)} SE (SE ${seP.toFixed(4)})`);
  console.log(JSON.stringify({ draws, rendementSeconds: Number(seconds.toFixed(4)), peerSeconds: peer.seconds, ratio: Number(timeRatio.toFixed(4)), rendement, peer }));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
