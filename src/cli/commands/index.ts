import type { Command } from '../context.js';
import { validateCommand } from './validate.js';
import { valueCommand } from './value.js';
import { schemaCommand } from './schema.js';
import { demoCommand } from './demo.js';
import { serveCommand } from './serve.js';
import { tokensCommand } from './tokens.js';
import { initCommand } from './init.js';
import { evaluateCommand } from './evaluate.js';
import { criteriaCommand } from './criteria.js';
import { portfolioCommand } from './portfolio.js';
import { ingestCommand } from './ingest.js';
import { dataCommand } from './data.js';
import { reportCommand } from './report.js';

/** Every CLI command, in the order `rendement --help` lists them. */
export const commands: readonly Command[] = [initCommand, validateCommand, valueCommand, evaluateCommand, criteriaCommand, demoCommand, reportCommand, portfolioCommand, schemaCommand, serveCommand, tokensCommand, ingestCommand, dataCommand];
