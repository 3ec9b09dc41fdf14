import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';

// The command list loads each command's module only when it runs (issue 16: `--help` and `validate` start fast);
// the summaries `rendement --help` prints are kept beside the loaders, so they must stay equal to the commands' own.
describe('the lazily loaded command list', () => {
  it('names every command once, and each loader returns the command of that name with the same summary', async () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary, entry.name).toEqual(entry.summary);
    }
  });

  it('every command has help with examples, in Dutch and English', async () => {
    for (const entry of commands) {
      const { help } = await entry.load();
      expect(help.en, entry.name).toMatch(/Examples?:/);
      expect(help.nl, entry.name).toMatch(/Voorbeeld(en)?:/);
    }
  });
});
