import { compile, type TopLevelSpec } from 'vega-lite';
import type { Spec as VegaSpec } from 'vega';

/** A compiled Vega spec, with every warning and error the Vega-Lite compiler reported. */
export interface CompiledChart {
  readonly vega: VegaSpec;
  readonly warnings: readonly string[];
}

/**
 * Compiles a Vega-Lite spec to Vega, collecting compiler warnings instead of printing them (a spec builder that
 * produces a warning is a bug: the tests require none).
 */
export function compileChart(spec: TopLevelSpec): CompiledChart {
  const warnings: string[] = [];
  let level = 0;
  const collect =
    (kind: string) =>
    (...args: readonly unknown[]) => {
      warnings.push(`${kind}: ${args.map(String).join(' ')}`);
      return logger;
    };
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: collect('error'),
    warn: collect('warn'),
    info: () => logger,
    debug: () => logger,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- vega-lite's LoggerInterface overloads are not worth re-declaring
  const out = compile(spec, { logger: logger as any });
  return { vega: out.spec, warnings };
}
