// Child process for kill.test.ts: ingests one file into a store through the built library (dist/), printing each
// phase so the parent can SIGKILL it in the middle. Once every row is in the upload's transaction it prints
// "in-transaction" and waits 5 s before letting it commit, so a kill after any phase lands before the commit.
import { ingestFile, ObservationStore } from '../../dist/data/index.js';

const [storePath, file, initiative] = process.argv.slice(2);
const store = await ObservationStore.open(storePath);
process.stdout.write('opened\n');
const r = await ingestFile(store, file, {
  initiative,
  bulk: true,
  uploadedBy: 'kill-test',
  now: new Date('2025-03-01T00:00:00Z'),
  onPhase: (p) => process.stdout.write(`${p}\n`),
  inTransaction: async () => {
    process.stdout.write('in-transaction\n');
    await new Promise((r) => setTimeout(r, 5000));
  },
});
process.stdout.write(`done ${JSON.stringify({ ok: r.ok, rowsWritten: r.rowsWritten })}\n`);
store.close();
