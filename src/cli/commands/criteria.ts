import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { criteriaLockStatus, formatEuro, loadCriteriaLocks, loadForecastLocks, lockInitiative, ObservationStore } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { storePath } from '../open-store.js';
import { today } from '../clock.js';

export const criteriaCommand: Command = {
  name: 'criteria',
  summary: { nl: 'Leg de succescriteria vast (lock) of toon hun status', en: 'Lock the success criteria or show their status' },
  help: {
    nl: `Gebruik: rendement criteria lock <model> [--date JJJJ-MM-DD] [--by naam] [--quantity uitkomst=aantal ...] [--store pad] [--json]
         rendement criteria status <model> [--store pad] [--json]

lock legt de criteria van het model vast in de opslag, met hun sha256 en de datum. Latere
evaluaties tonen elk criterium dat daarna is gewijzigd, met beide versies. Opnieuw vastleggen
van dezelfde criteria verandert niets. status vergelijkt het model met wat is vastgelegd.

lock legt ook de prognose vast: de waardering zoals afgesproken (aantallen, proxy's, deadweight,
verdringing, attributie, timing, discontering) met haar contante waarden. Evaluaties tonen dan
prognose tegen realisatie per uitkomst. Een uitkomst die haar aantal uit monitoringdata haalt,
krijgt het geplande aantal per jaar met --quantity uitkomst=aantal, of anders de data tot de datum.

Voorbeelden:
  rendement criteria lock models/buurthuis-moerwijk.yaml --by "raadsbesluit 2024-017" --quantity minder-eenzaamheid=100
  rendement criteria status models/buurthuis-moerwijk.yaml --json`,
    en: `Usage: rendement criteria lock <model> [--date YYYY-MM-DD] [--by name] [--quantity outcome=number ...] [--store path] [--json]
       rendement criteria status <model> [--store path] [--json]

lock records the model's criteria in the store with their sha256 and the date. Later
evaluations show every criterion changed after that, with both versions. Locking the same
criteria again changes nothing. status compares the model with what was locked.

lock also records the forecast: the valuation as agreed (quantities, proxies, deadweight,
displacement, attribution, timing, discounting) with its present values. Evaluations then show
forecast against realised per outcome. An outcome that takes its quantity from monitoring data
gets its planned quantity per year from --quantity outcome=number, or else the data up to the date.

Examples:
  rendement criteria lock models/buurthuis-moerwijk.yaml --by "council decision 2024-017" --quantity minder-eenzaamheid=100
  rendement criteria status models/buurthuis-moerwijk.yaml --json`,
  },
  async run(ctx) {
    const [action, ...rest] = ctx.args;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, date: { type: 'string' }, by: { type: 'string' }, store: { type: 'string' }, quantity: { type: 'string', multiple: true } },
      allowPositionals: true,
    });
    const path = positionals[0];
    const date = values.date ?? today();
    if ((action !== 'lock' && action !== 'status') || !path || positionals.length > 1 || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ Gebruik: rendement criteria lock|status <model>. Zie: rendement criteria --help' : '✗ Usage: rendement criteria lock|status <model>. See: rendement criteria --help');
      return EXIT.usage;
    }
    const planned: Record<string, number> = {};
    for (const q of values.quantity ?? []) {
      const m = /^([^=]+)=(.+)$/.exec(q);
      const n = m ? Number(m[2]!.trim()) : NaN;
      if (!m || !Number.isFinite(n) || n < 0 || action !== 'lock') {
        line(
          ctx.stderr,
          ctx.lang === 'nl'
            ? `✗ --quantity "${q}" is geen gepland aantal: schrijf uitkomst=aantal met een getal van 0 of meer (punt als decimaalteken), bijvoorbeeld --quantity minder-eenzaamheid=100, en alleen bij criteria lock.`
            : `✗ --quantity "${q}" is not a planned quantity: write outcome=number with a number of 0 or more (dot as decimal sign), e.g. --quantity minder-eenzaamheid=100, and only with criteria lock.`,
        );
        return EXIT.usage;
      }
      planned[m[1]!.trim()] = n;
    }
    const loaded = await loadModelOrReport(path, ctx);
    if ('exit' in loaded) return loaded.exit;
    const { model } = loaded;
    const store = await ObservationStore.open(storePath(ctx, values.store));
    try {
      if (action === 'lock') {
        const result = await lockInitiative(store, model, { date, by: values.by ?? userInfo().username, plannedQuantities: planned });
        const { lock, created } = result.criteria;
        const f = result.forecast;
        if (values.json) {
          const forecast = f ? { created: f.created, lockedAt: f.lock.lockedAt, sha256: f.lock.sha256, presentValueBenefits: f.lock.presentValueBenefits, presentValueInputs: f.lock.presentValueInputs, npv: f.lock.npv } : null;
          ctx.stdout.write(json({ initiative: model.id, created, lockedAt: lock.lockedAt, sha256: lock.sha256, criteria: lock.criteria.length, forecast, unresolved: result.unresolved }));
          return EXIT.ok;
        }
        if (created) line(ctx.stdout, ctx.lang === 'nl' ? `✓ ${lock.criteria.length} criteria van ${model.id} vastgelegd op ${lock.lockedAt} (sha256 ${lock.sha256.slice(0, 12)}…).` : `✓ ${lock.criteria.length} criteria of ${model.id} locked on ${lock.lockedAt} (sha256 ${lock.sha256.slice(0, 12)}…).`);
        else line(ctx.stdout, ctx.lang === 'nl' ? `= Deze criteria waren al vastgelegd op ${lock.lockedAt}; niets veranderd.` : `= These criteria were already locked on ${lock.lockedAt}; nothing changed.`);
        if (f && f.created) {
          const pv = formatEuro(f.lock.presentValueBenefits, ctx.lang);
          const npv = formatEuro(f.lock.npv, ctx.lang);
          line(ctx.stdout, ctx.lang === 'nl' ? `✓ Prognose vastgelegd op ${f.lock.lockedAt}: contante waarde baten ${pv}, NCW ${npv} (sha256 ${f.lock.sha256.slice(0, 12)}…).` : `✓ Forecast locked on ${f.lock.lockedAt}: present value of benefits ${pv}, NPV ${npv} (sha256 ${f.lock.sha256.slice(0, 12)}…).`);
        } else if (f) line(ctx.stdout, ctx.lang === 'nl' ? `= Deze prognose was al vastgelegd op ${f.lock.lockedAt}; niets veranderd.` : `= This forecast was already locked on ${f.lock.lockedAt}; nothing changed.`);
        else {
          const ids = result.unresolved.join(', ');
          const example = `--quantity ${result.unresolved[0]}=…`;
          line(
            ctx.stderr,
            ctx.lang === 'nl'
              ? `! Geen prognose vastgelegd: ${ids} ${result.unresolved.length === 1 ? 'haalt haar' : 'halen hun'} aantal uit monitoringdata en daarvan is tot ${date} niets aangeleverd. Geef het geplande aantal per jaar op (${example}) en voer criteria lock opnieuw uit; de criteria blijven zoals vastgelegd.`
              : `! No forecast locked: ${ids} ${result.unresolved.length === 1 ? 'takes its' : 'take their'} quantity from monitoring data and none was supplied up to ${date}. Give the planned quantity per year (${example}) and run criteria lock again; the criteria stay as locked.`,
          );
        }
        return EXIT.ok;
      }
      const locks = await loadCriteriaLocks(store, model.id);
      const status = criteriaLockStatus(locks[0] ?? null, model.criteria);
      const forecasts = (await loadForecastLocks(store, model.id)).map((l) => ({ lockedAt: l.lockedAt, sha256: l.sha256 }));
      if (values.json) ctx.stdout.write(json({ initiative: model.id, ...status, history: locks.map((l) => ({ lockedAt: l.lockedAt, sha256: l.sha256 })), forecasts }));
      else if (status.status === 'unlocked') line(ctx.stdout, ctx.lang === 'nl' ? 'Niet vastgelegd.' : 'Not locked.');
      else if (status.status === 'unchanged') line(ctx.stdout, ctx.lang === 'nl' ? `Ongewijzigd sinds ${status.lockedAt}.` : `Unchanged since ${status.lockedAt}.`);
      else for (const c of status.changes) line(ctx.stdout, `${c.kind} ${c.id}: ${c.fields.join(', ')} (${ctx.lang === 'nl' ? 'vastgelegd' : 'locked'} ${status.lockedAt})`);
      if (!values.json)
        line(
          ctx.stdout,
          forecasts[0]
            ? ctx.lang === 'nl' ? `Prognose vastgelegd op ${forecasts[0].lockedAt} (sha256 ${forecasts[0].sha256.slice(0, 12)}…); rendement evaluate toont prognose tegen realisatie.` : `Forecast locked on ${forecasts[0].lockedAt} (sha256 ${forecasts[0].sha256.slice(0, 12)}…); rendement evaluate shows forecast against realised.`
            : ctx.lang === 'nl' ? 'Geen prognose vastgelegd.' : 'No forecast locked.',
        );
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
