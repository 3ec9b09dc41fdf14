import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_STORE_PATH, ObservationStore, WriteQueue, listTokens } from '../index.js';
import { buildApp, type ServerLimits } from './app.js';
import { loadModelCatalogue } from './models.js';

/** How to start the service. */
export interface ServeOptions {
  /** Default 127.0.0.1: only this machine. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** The store file (default data/rendement.duckdb). */
  readonly storePath?: string;
  /** The directory of initiative model files (default models). */
  readonly modelsDir?: string;
  readonly limits?: Partial<ServerLimits>;
  readonly log?: (line: string) => void;
}

/** A running service. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly initiatives: readonly string[];
  readonly skippedModels: readonly { readonly file: string; readonly reason: string }[];
  /** Stops accepting requests, lets running ones (and queued writes) finish, closes the store. */
  close(): Promise<void>;
}

/**
 * Opens the store, loads the models and serves the upload service and web page on host:port.
 * @example const server = await startServer({ port: 0, storePath: '/tmp/x.duckdb' }); … await server.close();
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const catalogue = await loadModelCatalogue(options.modelsDir ?? 'models');
  const storePath = options.storePath ?? DEFAULT_STORE_PATH;
  const store = await ObservationStore.open(storePath);
  try {
    // A truncated or overwritten store is refused now, not found out by a request that then answers 500.
    await store.checkReadable();
  } catch (e) {
    store.close();
    throw e;
  }
  // Upload bodies wait in a private directory beside the store while they are ingested. The store's lock is held
  // now, so no other server uses this directory: what is left in it is from a killed run and is removed.
  let tmpDir: string;
  if (storePath === ':memory:') tmpDir = await mkdtemp(join(tmpdir(), 'rendement-uploads-'));
  else {
    tmpDir = join(dirname(resolve(storePath)), '.rendement-uploads');
    await rm(tmpDir, { recursive: true, force: true });
    await mkdir(tmpDir, { mode: 0o700 });
  }
  const queue = new WriteQueue();
  try {
    await listTokens(store); // creates the token table on first use, before any request
    const app = await buildApp({
      store,
      models: catalogue.models,
      tmpDir,
      queue,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
    const host = options.host ?? '127.0.0.1';
    let closing: Promise<void> | null = null;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      initiatives: [...catalogue.models.keys()].sort(),
      skippedModels: catalogue.skipped,
      close() {
        closing ??= (async () => {
          await app.close();
          await queue.drain();
          store.close();
          await rm(tmpDir, { recursive: true, force: true });
        })();
        return closing;
      },
    };
  } catch (e) {
    store.close();
    await rm(tmpDir, { recursive: true, force: true });
    throw e;
  }
}
