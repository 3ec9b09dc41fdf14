import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { criteriaLockStatus, lockCriteria, loadCriteriaLocks, ObservationStore, saveCriteriaLock } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { storePath } from '../open-store.js';
import { today } from '../clock.js';

export const criteriaCommand: Command = {
  name: 'criteria',
  summary: { nl: 'Leg de succescriteria vast (lock) of toon hun status', en: 'Lock the success criteria or show their status' },
  help: {
    nl: `Gebruik: rendement criteria lock <model> [--date JJJJ-MM-DD] [--by naam] [--store pad] [--json]
         rendement criteria status <model> [--store pad] [--json]

lock legt de criteria van het model vast in de opslag, met hun sha256 en de datum. Latere
evaluaties tonen elk criterium dat daarna is gewijzigd, met beide versies. Opnieuw vastleggen
van dezelfde criteria verandert niets. status vergelijkt het model met wat is vastgelegd.

Voorbeelden:
  rendement criteria lock models/buurthuis-moerwijk.yaml --by "raadsbesluit 2024-017"
  rendement criteria status models/buurthuis-moerwijk.yaml --json`,
    en: `Usage: rendement criteria lock <model> [--date YYYY-MM-DD] [--by name] [--store path] [--json]
       rendement criteria status <model> [--store path] [--json]

lock records the model's criteria in the store with their sha256 and the date. Later
evaluations show every criterion changed after that, with both versions. Locking the same
criteria again changes nothing. status compares the model with what was locked.

Examples:
  rendement criteria lock models/buurthuis-moerwijk.yaml --by "council decision 2024-017"
  rendement criteria status models/buurthuis-moerwijk.yaml --json`,
  },
  async run(ctx) {
    const [action, ...rest] = ctx.args;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, date: { type: 'string' }, by: { type: 'string' }, store: { type: 'string' } },
      allowPositionals: true,
    });
    const path = positionals[0];
    const date = values.date ?? today();
    if ((action !== 'lock' && action !== 'status') || !path || positionals.length > 1 || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ Gebruik: rendement criteria lock|status <model>. Zie: rendement criteria --help' : '✗ Usage: rendement criteria lock|status <model>. See: rendement criteria --help');
      return EXIT.usage;
    }
    const loaded = await loadModelOrReport(path, ctx);
    if ('exit' in loaded) return loaded.exit;
    const { model } = loaded;
    const store = await ObservationStore.open(storePath(ctx, values.store));
    try {
      if (action === 'lock') {
        const { lock, created } = await saveCriteriaLock(store, model.id, lockCriteria(model.criteria, date), values.by ?? userInfo().username);
        if (values.json) ctx.stdout.write(json({ initiative: model.id, created, lockedAt: lock.lockedAt, sha256: lock.sha256, criteria: lock.criteria.length }));
        else if (created) line(ctx.stdout, ctx.lang === 'nl' ? `✓ ${lock.criteria.length} criteria van ${model.id} vastgelegd op ${lock.lockedAt} (sha256 ${lock.sha256.slice(0, 12)}…).` : `✓ ${lock.criteria.length} criteria of ${model.id} locked on ${lock.lockedAt} (sha256 ${lock.sha256.slice(0, 12)}…).`);
        else line(ctx.stdout, ctx.lang === 'nl' ? `= Deze criteria waren al vastgelegd op ${lock.lockedAt}; niets veranderd.` : `= These criteria were already locked on ${lock.lockedAt}; nothing changed.`);
        return EXIT.ok;
      }
      const locks = await loadCriteriaLocks(store, model.id);
      const status = criteriaLockStatus(locks[0] ?? null, model.criteria);
      if (values.json) ctx.stdout.write(json({ initiative: model.id, ...status, history: locks.map((l) => ({ lockedAt: l.lockedAt, sha256: l.sha256 })) }));
      else if (status.status === 'unlocked') line(ctx.stdout, ctx.lang === 'nl' ? 'Niet vastgelegd.' : 'Not locked.');
      else if (status.status === 'unchanged') line(ctx.stdout, ctx.lang === 'nl' ? `Ongewijzigd sinds ${status.lockedAt}.` : `Unchanged since ${status.lockedAt}.`);
      else for (const c of status.changes) line(ctx.stdout, `${c.kind} ${c.id}: ${c.fields.join(', ')} (${ctx.lang === 'nl' ? 'vastgelegd' : 'locked'} ${status.lockedAt})`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
