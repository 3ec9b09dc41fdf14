import { describe, expect, it } from 'vitest';
import { ObservationStore } from '../../src/data/index.js';
import {
  createForecastLockSql,
  insertForecastLockSql,
  loadCriteriaLocks,
  loadForecastLocks,
  saveCriteriaLock,
  saveForecastLock,
  selectForecastLocksSql,
} from '../../src/data/criteria-lock-store.js';
import { computeSroi, lockCriteria, lockForecast, toValueMap } from '../../src/core/index.js';
import { monitoringModel } from './helpers.js';

describe('forecast locks in the store (issue 13 point 5)', () => {
  it('SQL with bound parameters only', () => {
    expect(insertForecastLockSql()).toBe(
      'INSERT INTO forecast_locks (initiative, locked_at, criteria_sha256, sha256, forecast_json, locked_by) VALUES ($initiative, $lockedAt, $criteriaSha256, $sha256, $forecast, $lockedBy)',
    );
    expect(selectForecastLocksSql()).toBe('SELECT forecast_json FROM forecast_locks WHERE initiative = $initiative ORDER BY locked_at, sha256');
    expect(createForecastLockSql()).toContain('CREATE TABLE IF NOT EXISTS forecast_locks');
  });

  it('append-only: the same forecast again is a no-op, a changed one is added after it; a lock without forecast stays valid', async () => {
    const store = await ObservationStore.open(':memory:');
    try {
      const model = await monitoringModel();
      const quantities = Object.fromEntries(model.outcomes.filter((o) => typeof o.quantity !== 'number').map((o) => [o.id, { value: 10, source: { kind: 'model' as const } }]));
      // A store whose criteria were locked before forecasts existed: no forecast table yet.
      await saveCriteriaLock(store, model.id, lockCriteria(model.criteria, '2024-01-15'), 'raad');
      expect(await loadForecastLocks(store, model.id)).toEqual([]);
      expect(await loadCriteriaLocks(store, model.id)).toHaveLength(1);

      const map = toValueMap(model, { quantities });
      const lock = lockForecast(map, computeSroi(map), '2024-01-15', 'c'.repeat(64));
      expect((await saveForecastLock(store, model.id, lock, 'raad')).created).toBe(true);
      const again = await saveForecastLock(store, model.id, { ...lock, lockedAt: '2024-03-01' }, 'raad');
      expect(again).toMatchObject({ created: false, lock: { lockedAt: '2024-01-15' } });
      const bigger = toValueMap(model, { quantities: Object.fromEntries(Object.entries(quantities).map(([k, v]) => [k, { ...v, value: 20 }])) });
      expect((await saveForecastLock(store, model.id, lockForecast(bigger, computeSroi(bigger), '2024-06-01', 'c'.repeat(64)), 'raad')).created).toBe(true);
      const all = await loadForecastLocks(store, model.id);
      expect(all.map((l) => l.lockedAt)).toEqual(['2024-01-15', '2024-06-01']);
      // Stored and read back unchanged, numbers included.
      expect(all[0]).toEqual(lock);
      expect(await loadForecastLocks(store, 'other-initiative')).toEqual([]);
    } finally {
      store.close();
    }
  });
});
