import type { MathJsInstance, MathNode } from 'mathjs';

// A private mathjs instance, loaded on first need (mathjs is the largest module the core would otherwise load at
// start-up). Following the mathjs security guide ("Security" page: disable import, createUnit, evaluate, parse,
// simplify, derivative), those functions are replaced by ones that throw, so an expression cannot reach them even
// by name. On top of that every expression is checked against a whitelist of node types, operators and functions
// before it is compiled, so nothing but arithmetic on numbers runs.
let parseExpression: MathJsInstance['parse'] | undefined;

/** Loads the locked-down expression engine once; {@link compileExpression} needs it. */
export async function loadExpressionEngine(): Promise<void> {
  if (parseExpression) return;
  const { all, create } = await import('mathjs/number');
  const math = create(all!, { number: 'number' });
  const parse = math.parse;
  const disabled = (name: string) =>
    function () {
      throw new Error(`Function ${name} is disabled`);
    };
  math.import(
    {
      import: disabled('import'),
      createUnit: disabled('createUnit'),
      evaluate: disabled('evaluate'),
      parse: disabled('parse'),
      simplify: disabled('simplify'),
      derivative: disabled('derivative'),
      compile: disabled('compile'),
      resolve: disabled('resolve'),
      reviver: disabled('reviver'),
    },
    { override: true },
  );
  parseExpression = parse;
}

const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const FUNCTIONS = new Set(['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sqrt', 'log', 'exp']);
/** Arguments each function takes in mathjs (least, most); checked when compiling, so evaluation cannot throw on them. */
const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  round: [1, 2],
  floor: [1, 2],
  ceil: [1, 2],
  sqrt: [1, 1],
  log: [1, 2],
  exp: [1, 1],
};
/** Functions whose second argument is a number of decimals: mathjs throws unless it is an integer 0…15. */
const DECIMALS = new Set(['round', 'floor', 'ceil']);

/** A checked derived-indicator expression: the indicators it reads and a pure evaluator. */
export interface DerivedExpression {
  readonly expression: string;
  /** Indicator ids the expression reads (`bezoekers_65plus` in the text is indicator `bezoekers-65plus`). */
  readonly inputs: readonly string[];
  /** The value, or `null` when an input is missing or the result is not a finite number (e.g. 0/0). */
  evaluate(values: Readonly<Record<string, number | null | undefined>>): number | null;
}

/** Result of compiling: the expression, or why it is refused. */
export type CompiledExpression = { readonly ok: true; readonly value: DerivedExpression } | { readonly ok: false; readonly detail: string };

function check(node: MathNode, inputs: Set<string>): string | undefined {
  const n = node as MathNode & { fn?: unknown; name?: string; value?: unknown; args?: MathNode[]; content?: MathNode; implicit?: boolean };
  switch (node.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? undefined : 'only numbers are allowed as constants';
    case 'ParenthesisNode':
      return check(n.content!, inputs);
    case 'SymbolNode':
      if (FUNCTIONS.has(n.name!)) return `function ${n.name} needs arguments`;
      if (!/^[a-z0-9][a-z0-9_]*$/.test(n.name!)) return `unknown name ${n.name}`;
      inputs.add(n.name!.replace(/_/g, '-'));
      return undefined;
    case 'OperatorNode':
      if (!OPERATORS.has(String(n.fn))) return `operator ${String(n.fn)} is not allowed`;
      // "5 cm" is implicit multiplication to mathjs, and cm a unit when not in scope: write * explicitly.
      if ((n as { implicit?: boolean }).implicit) return 'implicit multiplication is not allowed; write *';
      for (const a of n.args!) {
        const e = check(a, inputs);
        if (e) return e;
      }
      return undefined;
    case 'FunctionNode': {
      const fn = n.fn as MathNode & { type: string; name?: string };
      if (fn.type !== 'SymbolNode' || !FUNCTIONS.has(fn.name!)) return `function ${fn.name ?? '?'} is not allowed`;
      const args = n.args!;
      const [least, most] = ARITY[fn.name!]!;
      if (args.length < least || args.length > most)
        return `${fn.name} takes ${least === most ? least : most === Infinity ? `at least ${least}` : `${least} or ${most}`} argument(s), not ${args.length}`;
      if (DECIMALS.has(fn.name!) && args.length === 2) {
        const d = args[1] as MathNode & { value?: unknown };
        if (d.type !== 'ConstantNode' || typeof d.value !== 'number' || !Number.isInteger(d.value) || d.value < 0 || d.value > 15)
          return `the number of decimals of ${fn.name} must be a whole number from 0 to 15`;
      }
      for (const a of args) {
        const e = check(a, inputs);
        if (e) return e;
      }
      return undefined;
    }
    default:
      return `${node.type} is not allowed`;
  }
}

/**
 * Compiles a derived-indicator expression (e.g. `deelnemers_65plus / inwoners_65plus`) in a locked-down mathjs
 * instance: arithmetic, parentheses and min/max/abs/round/floor/ceil/sqrt/log/exp only; no assignment, property
 * access, matrices, strings, units, import, evaluate or parse. Indicator ids use `_` for `-`.
 * @throws Error when {@link loadExpressionEngine} has not run yet.
 * @example await loadExpressionEngine(); compileExpression('a / b').value.evaluate({ a: 1, b: 4 }) // 0.25
 */
export function compileExpression(expression: string): CompiledExpression {
  if (!parseExpression) throw new Error('compileExpression: call loadExpressionEngine() first');
  if (expression.length > 500) return { ok: false, detail: 'expression longer than 500 characters' };
  let node: MathNode;
  try {
    node = parseExpression(expression);
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  }
  const inputs = new Set<string>();
  const problem = check(node, inputs);
  if (problem) return { ok: false, detail: problem };
  const code = node.compile();
  const ids = [...inputs].sort();
  return {
    ok: true,
    value: {
      expression,
      inputs: ids,
      evaluate(values) {
        const scope = new Map<string, number>();
        for (const id of ids) {
          const v = values[id];
          if (v === null || v === undefined || !Number.isFinite(v)) return null;
          scope.set(id.replace(/-/g, '_'), v);
        }
        let out: unknown;
        try {
          out = code.evaluate(scope);
        } catch {
          // Whatever mathjs still refuses at run time is "no value", like 0/0, never a crash of the evaluation.
          return null;
        }
        return typeof out === 'number' && Number.isFinite(out) ? out : null;
      },
    },
  };
}
