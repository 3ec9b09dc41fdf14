import { DuckDBInstance } from '@duckdb/node-api';

/** A column of a table written to Parquet: a fixed name from the caller's own list (never user text) and its type. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
}

/** The CREATE TABLE statement of {@link writeParquetTable}; names must be plain identifiers. */
export function parquetTableSql(table: string, columns: readonly ParquetColumn[]): string {
  for (const n of [table, ...columns.map((c) => c.name)]) if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`not a plain identifier: ${n}`);
  return `CREATE TABLE ${table} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
}

/**
 * Writes rows to a Parquet file through an in-memory DuckDB (`COPY … TO $path (FORMAT parquet)`, the path bound as a
 * parameter), so any engine that reads Parquet (DuckDB, Spark, pandas, a batch scheduler's workers) can read a
 * portfolio's summary. Values go in through DuckDB's appender, never into SQL text; null stays NULL.
 * @example await writeParquetTable('out/index.parquet', [{ name: 'id', type: 'VARCHAR' }], [['buurthuis']])
 */
export async function writeParquetTable(path: string, columns: readonly ParquetColumn[], rows: readonly (readonly (string | number | boolean | null)[])[]): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(parquetTableSql('summary', columns));
    const ap = await c.createAppender('summary');
    for (const row of rows) {
      columns.forEach((col, i) => {
        const v = row[i] ?? null;
        if (v === null || (typeof v === 'number' && !Number.isFinite(v))) ap.appendNull();
        else if (col.type === 'VARCHAR') ap.appendVarchar(String(v));
        else if (col.type === 'DOUBLE') ap.appendDouble(Number(v));
        else if (col.type === 'INTEGER') ap.appendInteger(Number(v));
        else ap.appendBoolean(Boolean(v));
      });
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    await c.run('COPY summary TO $path (FORMAT parquet)', { path });
  } finally {
    c.closeSync();
    db.closeSync();
  }
}
