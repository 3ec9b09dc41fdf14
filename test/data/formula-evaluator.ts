import ExcelJS from 'exceljs';

/**
 * A small, test-only spreadsheet formula evaluator, independent of the engine's arithmetic: recursive descent over
 * + − * / ^, unary minus, comparisons, parentheses, numbers, strings, cell references (A1, Sheet!A1, 'Sheet name'!A1)
 * and ranges, and the functions SUM, PRODUCT, POWER and IF. Excel's precedence: unary minus binds tighter than ^
 * (−2^2 = 4), ^ is left-associative. It recomputes every formula cell of a workbook from its input cells.
 */
type Value = number | string | boolean | null;
interface Cell {
  readonly formula?: string;
  readonly value: Value;
}

export class FormulaWorkbook {
  private readonly cells = new Map<string, Cell>();
  private readonly cache = new Map<string, Value>();
  private readonly busy = new Set<string>();

  static async fromBuffer(bytes: Buffer | Uint8Array): Promise<FormulaWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const out = new FormulaWorkbook();
    wb.eachSheet((ws) => {
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const v = cell.value as unknown;
          const key = `${ws.name}!${cell.address}`;
          if (v !== null && typeof v === 'object' && 'formula' in (v as object)) out.cells.set(key, { formula: (v as { formula: string }).formula, value: (v as { result?: Value }).result ?? null });
          else out.cells.set(key, { value: (v as Value) ?? null });
        });
      });
    });
    return out;
  }

  /** Sets an input cell (clears every computed value). */
  set(sheet: string, address: string, value: number): void {
    this.cells.set(`${sheet}!${address}`, { value });
    this.cache.clear();
  }

  /** The cached result written in the file for a formula cell (or the plain value). */
  cached(sheet: string, address: string): Value {
    return this.cells.get(`${sheet}!${address}`)?.value ?? null;
  }

  /** Every formula cell, as `Sheet!A1`. */
  formulaCells(): string[] {
    return [...this.cells.entries()].filter(([, c]) => c.formula !== undefined).map(([k]) => k);
  }

  /** Recomputes a cell from the inputs (formulas evaluated recursively, never the cached results). */
  value(sheet: string, address: string): Value {
    const key = `${sheet}!${address}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const cell = this.cells.get(key);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
    this.busy.add(key);
    const v = new Parser(cell.formula, sheet, this).parse();
    this.busy.delete(key);
    this.cache.set(key, v);
    return v;
  }

  /** Resolves an absolute reference like `'Sheet'!B2` and returns its recomputed value. */
  valueOf(reference: string): Value {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(reference);
    if (!m) throw new Error(`not a reference: ${reference}`);
    return this.value((m[1] ?? m[2])!.replace(/''/g, "'"), `${m[3]}${m[4]}`);
  }
}

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly sheet: string,
    private readonly wb: FormulaWorkbook,
  ) {}

  parse(): Value {
    const v = this.comparison();
    this.space();
    if (this.i < this.src.length) throw new Error(`unexpected "${this.src.slice(this.i)}" in ${this.src}`);
    return v;
  }

  private space(): void {
    while (this.src[this.i] === ' ') this.i++;
  }
  private peek(s: string): boolean {
    this.space();
    return this.src.startsWith(s, this.i);
  }
  private eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.i += s.length;
    return true;
  }
  private n(v: Value): number {
    if (typeof v === 'number') return v;
    if (v === null || v === '') return 0;
    if (typeof v === 'boolean') return v ? 1 : 0;
    throw new Error(`not a number: ${JSON.stringify(v)} in ${this.src}`);
  }

  private comparison(): Value {
    const left = this.additive();
    for (const op of ['<=', '>=', '<>', '=', '<', '>']) {
      if (this.eat(op)) {
        const a = this.n(left);
        const b = this.n(this.additive());
        return op === '<=' ? a <= b : op === '>=' ? a >= b : op === '<>' ? a !== b : op === '=' ? a === b : op === '<' ? a < b : a > b;
      }
    }
    return left;
  }
  private additive(): Value {
    let v = this.multiplicative();
    for (;;) {
      if (this.eat('+')) v = this.n(v) + this.n(this.multiplicative());
      else if (this.eat('-')) v = this.n(v) - this.n(this.multiplicative());
      else return v;
    }
  }
  private multiplicative(): Value {
    let v = this.power();
    for (;;) {
      if (this.eat('*')) v = this.n(v) * this.n(this.power());
      else if (this.eat('/')) {
        const d = this.n(this.power());
        if (d === 0) throw new Error(`#DIV/0! in ${this.src}`);
        v = this.n(v) / d;
      } else return v;
    }
  }
  private power(): Value {
    let v = this.unary();
    while (this.eat('^')) v = this.n(v) ** this.n(this.unary());
    return v;
  }
  private unary(): Value {
    if (this.eat('-')) return -this.n(this.unary());
    if (this.eat('+')) return this.n(this.unary());
    return this.primary();
  }
  private args(): Value[][] {
    const out: Value[][] = [];
    if (this.eat(')')) return out;
    do out.push(this.argument());
    while (this.eat(','));
    if (!this.eat(')')) throw new Error(`missing ) in ${this.src}`);
    return out;
  }
  /** An argument: a range gives all its values, anything else one value. */
  private argument(): Value[] {
    const save = this.i;
    const r = this.reference();
    if (r && this.peek(':')) {
      this.eat(':');
      const end = /^\$?([A-Z]+)\$?(\d+)/.exec(this.src.slice(this.i));
      if (!end) throw new Error(`bad range in ${this.src}`);
      this.i += end[0].length;
      const out: Value[] = [];
      for (let c = colNumber(r.col); c <= colNumber(end[1]!); c++)
        for (let row = r.row; row <= Number(end[2]); row++) out.push(this.wb.value(r.sheet, `${colLetters(c)}${row}`));
      return out;
    }
    this.i = save;
    return [this.comparison()];
  }
  private reference(): { sheet: string; col: string; row: number } | null {
    this.space();
    const rest = this.src.slice(this.i);
    const m = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?\$?([A-Z]{1,3})\$?(\d+)(?![\w(])/.exec(rest);
    if (!m) return null;
    this.i += m[0].length;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? this.sheet);
    return { sheet, col: m[3]!, row: Number(m[4]) };
  }
  private primary(): Value {
    this.space();
    if (this.eat('(')) {
      const v = this.comparison();
      if (!this.eat(')')) throw new Error(`missing ) in ${this.src}`);
      return v;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    if (this.peek('"')) {
      const end = this.src.indexOf('"', this.i + 1);
      const s = this.src.slice(this.i + 1, end);
      this.i = end + 1;
      return s;
    }
    const fn = /^([A-Z]+)\(/.exec(this.src.slice(this.i));
    if (fn) {
      this.i += fn[0].length;
      const name = fn[1]!;
      if (name === 'IF') {
        const a = this.args();
        return this.n(a[0]![0]!) !== 0 ? (a[1]?.[0] ?? true) : (a[2]?.[0] ?? false);
      }
      const values = this.args().flat();
      const nums = values.filter((v): v is number => typeof v === 'number');
      if (name === 'SUM') return nums.reduce((s, v) => s + v, 0);
      if (name === 'PRODUCT') return nums.reduce((s, v) => s * v, 1);
      if (name === 'POWER') return this.n(values[0]!) ** this.n(values[1]!);
      throw new Error(`function ${name} not supported`);
    }
    const r = this.reference();
    if (r) return this.wb.value(r.sheet, `${r.col}${r.row}`);
    throw new Error(`cannot read "${this.src.slice(this.i)}" in ${this.src}`);
  }
}
