import { readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_STORE_PATH,
  ObservationStore,
  appendAudit,
  createToken,
  listTokens,
  loadModelFile,
  revokeToken,
  sha256Of,
  tokenRoles,
  type Lang,
  type TokenRole,
} from '../../index.js';
import { EXIT, type Command, type CommandContext } from '../context.js';
import { json, line, table } from '../output.js';

const say = (lang: Lang, nl: string, en: string): string => (lang === 'nl' ? nl : en);

/** Opens the store, with a plain message when `rendement serve` holds it. */
async function openStore(path: string, ctx: CommandContext): Promise<ObservationStore | null> {
  try {
    return await ObservationStore.open(path);
  } catch (e) {
    const msg = (e as Error).message;
    if (/lock/i.test(msg)) {
      line(
        ctx.stderr,
        say(
          ctx.lang,
          `✗ De store ${path} is in gebruik door een ander proces (draait "rendement serve"?). Stop de server even, of maak en trek tokens in via de webservice met een evaluatortoken: POST /api/tokens en POST /api/tokens/<id>/revoke.`,
          `✗ The store ${path} is in use by another process (is "rendement serve" running?). Stop the server briefly, or create and revoke tokens through the service with an evaluator token: POST /api/tokens and POST /api/tokens/<id>/revoke.`,
        ),
      );
      return null;
    }
    throw e;
  }
}

/** The municipality of an initiative, from its model file in `dir`. */
async function municipalityOf(initiative: string, dir: string): Promise<string | undefined> {
  for (const name of (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/i.test(n) && n !== 'schema.json')) {
    const r = await loadModelFile(join(dir, name));
    if (r.ok && r.model.id === initiative) return r.model.municipality;
  }
  return undefined;
}

async function create(ctx: CommandContext, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      initiative: { type: 'string' },
      municipality: { type: 'string' },
      label: { type: 'string' },
      store: { type: 'string' },
      models: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const role = values.role as TokenRole | undefined;
  if (!role || !tokenRoles.includes(role)) {
    line(ctx.stderr, say(ctx.lang, '✗ Geef --role coalition, council of evaluator.', '✗ Give --role coalition, council or evaluator.'));
    return EXIT.usage;
  }
  let municipality = values.municipality;
  if (role === 'coalition' && values.initiative !== undefined && !(await municipalityOf(values.initiative, resolve(ctx.cwd, values.models ?? 'models')))) {
    line(
      ctx.stderr,
      say(
        ctx.lang,
        `✗ Onbekend initiatief "${values.initiative}": er is geen model met dat id in ${values.models ?? 'models'}/. Maak het eerst met: rendement init`,
        `✗ Unknown initiative "${values.initiative}": no model with that id in ${values.models ?? 'models'}/. Create it first with: rendement init`,
      ),
    );
    return EXIT.invalidInput;
  }
  if (role === 'council' && !municipality && values.initiative) {
    municipality = await municipalityOf(values.initiative, resolve(ctx.cwd, values.models ?? 'models'));
    if (!municipality) {
      line(ctx.stderr, say(ctx.lang, `✗ Geen model gevonden voor initiatief "${values.initiative}"; geef --municipality GMxxxx.`, `✗ No model found for initiative "${values.initiative}"; give --municipality GMxxxx.`));
      return EXIT.invalidInput;
    }
  }
  const storePath = resolve(ctx.cwd, values.store ?? DEFAULT_STORE_PATH);
  const store = await openStore(storePath, ctx);
  if (!store) return EXIT.failure;
  try {
    const actor = `cli:${userInfo().username}`;
    const { record, token } = await createToken(store, {
      role,
      ...(values.initiative !== undefined && role === 'coalition' ? { initiative: values.initiative } : {}),
      ...(municipality !== undefined ? { municipality } : {}),
      ...(values.label !== undefined ? { label: values.label } : {}),
      createdBy: actor,
    });
    await appendAudit(store, {
      actor,
      action: 'token.create',
      initiative: role === 'coalition' ? record.scope : null,
      sha256: sha256Of({ id: record.id, role: record.role, scope: record.scope }),
      outcome: 'ok',
      detail: record.id,
    });
    if (values.json) ctx.stdout.write(json({ id: record.id, role: record.role, scope: record.scope, label: record.label, token }));
    else {
      line(ctx.stdout, token);
      line(
        ctx.stderr,
        say(
          ctx.lang,
          `✓ Token ${record.id} aangemaakt (${record.role}${record.scope ? `, ${record.scope}` : ''}). Bewaar het nu: het wordt niet opnieuw getoond.`,
          `✓ Token ${record.id} created (${record.role}${record.scope ? `, ${record.scope}` : ''}). Keep it now: it is not shown again.`,
        ),
      );
    }
    return EXIT.ok;
  } finally {
    store.close();
  }
}

async function list(ctx: CommandContext, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { store: { type: 'string' }, json: { type: 'boolean' } } });
  const store = await openStore(resolve(ctx.cwd, values.store ?? DEFAULT_STORE_PATH), ctx);
  if (!store) return EXIT.failure;
  try {
    const records = await listTokens(store);
    if (values.json) ctx.stdout.write(json(records));
    else
      line(
        ctx.stdout,
        table(
          ['id', say(ctx.lang, 'rol', 'role'), 'scope', 'label', say(ctx.lang, 'aangemaakt', 'created'), say(ctx.lang, 'ingetrokken', 'revoked')],
          records.map((r) => [r.id, r.role, r.scope ?? '—', r.label ?? '', r.createdAt, r.revokedAt ?? '']),
        ),
      );
    return EXIT.ok;
  } finally {
    store.close();
  }
}

async function revoke(ctx: CommandContext, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { store: { type: 'string' } }, allowPositionals: true });
  const id = positionals[0];
  if (!id || positionals.length > 1 || !/^[0-9a-f]{12}$/.test(id)) {
    line(ctx.stderr, say(ctx.lang, '✗ Geef precies één token-id (12 tekens, zie rendement tokens list).', '✗ Give exactly one token id (12 characters, see rendement tokens list).'));
    return EXIT.usage;
  }
  const store = await openStore(resolve(ctx.cwd, values.store ?? DEFAULT_STORE_PATH), ctx);
  if (!store) return EXIT.failure;
  try {
    const actor = `cli:${userInfo().username}`;
    if (!(await revokeToken(store, id))) {
      line(ctx.stderr, say(ctx.lang, `✗ Token ${id} bestaat niet of is al ingetrokken.`, `✗ Token ${id} does not exist or is already revoked.`));
      return EXIT.invalidInput;
    }
    await appendAudit(store, { actor, action: 'token.revoke', initiative: null, sha256: sha256Of({ id, action: 'revoke' }), outcome: 'ok', detail: id });
    line(ctx.stderr, say(ctx.lang, `✓ Token ${id} ingetrokken.`, `✓ Token ${id} revoked.`));
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export const tokensCommand: Command = {
  name: 'tokens',
  summary: { nl: 'Toegangstokens voor de webservice aanmaken, tonen en intrekken', en: 'Create, list and revoke access tokens for the web service' },
  help: {
    nl: `Gebruik: rendement tokens create --role coalition|council|evaluator [--initiative <id>] [--municipality GMxxxx] [--label tekst] [--store pad] [--json]
       rendement tokens list [--store pad] [--json]
       rendement tokens revoke <id> [--store pad]

Een coalitietoken mag alleen de gegevens van zijn eigen initiatief aanleveren; een raadstoken leest de
rapporten van zijn gemeente (--municipality, of --initiative om de gemeente uit het model te halen);
een evaluator leest en schrijft alles. Het token wordt één keer getoond en alleen als scrypt-hash
opgeslagen; daarna ziet u alleen het id. De store mag niet tegelijk door "rendement serve" open zijn.

Voorbeelden:
  rendement tokens create --role coalition --initiative buurthuis-moerwijk --label "Bewonersgroep"
  rendement tokens create --role council --municipality GM0518
  rendement tokens revoke 3f9a0c21b7d4`,
    en: `Usage: rendement tokens create --role coalition|council|evaluator [--initiative <id>] [--municipality GMxxxx] [--label text] [--store path] [--json]
       rendement tokens list [--store path] [--json]
       rendement tokens revoke <id> [--store path]

A coalition token may only upload data for its own initiative; a council token reads the reports of
its municipality (--municipality, or --initiative to take the municipality from the model); an
evaluator reads and writes everything. The token is shown once and stored only as an scrypt hash;
afterwards only its id is shown. The store must not be open in "rendement serve" at the same time.

Examples:
  rendement tokens create --role coalition --initiative buurthuis-moerwijk --label "Residents' group"
  rendement tokens create --role council --municipality GM0518
  rendement tokens revoke 3f9a0c21b7d4`,
  },
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    if (sub === 'create') return create(ctx, rest);
    if (sub === 'list') return list(ctx, rest);
    if (sub === 'revoke') return revoke(ctx, rest);
    line(ctx.stderr, say(ctx.lang, '✗ Gebruik: rendement tokens create|list|revoke. Zie: rendement tokens --help', '✗ Usage: rendement tokens create|list|revoke. See: rendement tokens --help'));
    return EXIT.usage;
  },
};
