// Generates the illustrative monitoring files of the four example initiatives, with a fixed seed.
// The numbers are made up (labelled "illustratief" in every row's source); run: node data/demo/generate.mjs [out-dir]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));

/** mulberry32: a small seeded PRNG, so the files are identical on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const jitter = (r, v, spread) => v + (r() - 0.5) * 2 * spread;
const nl = (v, digits) => v.toFixed(digits).replace('.', ',');
const en = (v, digits) => v.toFixed(digits);

function write(name, lines) {
  writeFileSync(join(here, name), `${lines.join('\r\n')}\r\n`);
}

// Buurthuis Moerwijk: a Dutch Excel export (semicolons, decimal commas, CRLF), long form, 2019–2022.
{
  const r = rng(20190101);
  const src = 'illustratief (gegenereerd, seed 20190101)';
  const lines = ['indicator;gebied;periode;waarde;respondenten;standaardafwijking;bron'];
  [68, 61, 88, 104].forEach((v, i) => lines.push(`bezoekers-65plus;WK051836;${2019 + i};${Math.round(jitter(r, v, 3))};;;${src}`));
  for (let q = 0; q < 16; q++) {
    const year = 2019 + Math.floor(q / 4);
    lines.push(`vrijwilligers;WK051836;${year}-Q${(q % 4) + 1};${Math.round(14 + q * 1.9 + jitter(r, 0, 1.5))};;;${src}`);
  }
  [7.7, 7.6, 7.9, 8.0].forEach((m, i) => lines.push(`tevredenheid;WK051836;${2019 + i};${nl(jitter(r, m, 0.05), 2)};${70 + i * 6};${nl(jitter(r, 1.2, 0.1), 2)};${src}`));
  [0.42, 0.4, 0.35, 0.32].forEach((s, i) => lines.push(`eenzaamheid;WK051836;${2019 + i};${nl(jitter(r, s, 0.01), 3)};${70 + i * 6};;${src}`));
  write('buurthuis-moerwijk.csv', lines);
}

// Openluchtbad Wassenaar: a wide file (one column per indicator), comma-separated, 2021–2024.
{
  const r = rng(20210101);
  const lines = ['gebied,jaar,zwemdiplomas,leden,corvee-uren,bezoeken-65plus,bron'];
  const rows = [
    [82, 880, 2900, 3100],
    [96, 910, 3250, 3600],
    [104, 950, 3420, 3900],
    [111, 990, 3510, 4200],
  ];
  rows.forEach(([d, l, c, b], i) =>
    lines.push(`WK062900,${2021 + i},${Math.round(jitter(r, d, 3))},${Math.round(jitter(r, l, 10))},${Math.round(jitter(r, c, 40))},${Math.round(jitter(r, b, 80))},illustratief (gegenereerd; seed 20210101)`),
  );
  write('openluchtbad-wassenaar.csv', lines);
}

// Dorpsbudget Stompwijk: long form, comma-separated, survey shares with respondents, 2021–2024.
{
  const r = rng(20210102);
  const lines = ['indicator,area,period,value,n,source'];
  [0.41, 0.49, 0.55, 0.58].forEach((s, i) => lines.push(`tevredenheid-groen,WK191604,${2021 + i},${en(jitter(r, s, 0.015), 3)},${210 + i * 15},illustratief (gegenereerd; seed 20210102)`));
  [1.84, 1.71, 1.66, 1.62].forEach((v, i) => lines.push(`kosten-per-m2,WK191604,${2021 + i},${en(jitter(r, v, 0.01), 2)},,illustratief (gegenereerd; seed 20210102)`));
  write('dorpsbudget-stompwijk.csv', lines);
}

// Leeskamer Rijswijk: a wide Excel export with dd-mm-yyyy dates at the end of each term, 2022–2025.
{
  const r = rng(20220901);
  const lines = ['gebied;datum;kinderen-voorlezen;digitale-vragen;openingsuren;bron'];
  const terms = ['23-12-2022', '31-03-2023', '14-07-2023', '22-12-2023', '28-03-2024', '12-07-2024', '20-12-2024', '11-04-2025', '18-07-2025'];
  terms.forEach((d, i) =>
    lines.push(`WK060305;${d};${Math.round(jitter(r, 30 + i * 6, 3))};${Math.round(jitter(r, 48 + i * 2, 6))};${i === 4 ? 18 : 20};illustratief (gegenereerd, seed 20220901)`),
  );
  write('leeskamer-rijswijk.csv', lines);
}
