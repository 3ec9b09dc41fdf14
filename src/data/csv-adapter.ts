/**
 * Maps a foreign CSV layout onto rendement's observation columns before the usual checks run: renames or drops
 * header columns, rewrites cells of a kept column, and can add columns with a fixed value (e.g. the year of a
 * CBS file that has it only in its name).
 */
export interface CsvAdapter {
  readonly name: string;
  /** The new name of a header column, or null to drop the column. */
  header(name: string): string | null;
  /** Rewrites a cell of a kept column, by its new name. */
  cell?(field: string, value: string): string;
  /** Columns added to every row: name → value. */
  readonly constants?: Readonly<Record<string, string>>;
}

/** The header and row mapping an adapter defines for one header row. */
export interface AdaptedHeader {
  readonly header: string[];
  row(cells: readonly string[]): string[];
}

/**
 * Applies an adapter to a header row; the returned `row` maps each data row the same way.
 * @example adaptHeader(elanWijkPanelAdapter, ['WKC', 'gem_name', 'WKN', 'YEAR', 'AGE_MEAN']).header // ['area', 'period', 'age-mean']
 */
export function adaptHeader(adapter: CsvAdapter, header: readonly string[]): AdaptedHeader {
  const keep: { index: number; name: string }[] = [];
  header.forEach((h, index) => {
    const name = adapter.header(h.trim());
    if (name !== null) keep.push({ index, name });
  });
  const constants = Object.entries(adapter.constants ?? {});
  return {
    header: [...keep.map((k) => k.name), ...constants.map(([k]) => k)],
    row(cells) {
      // A row with the wrong number of fields is passed through unchanged in length so the row checker reports it.
      if (cells.length !== header.length) return [...cells];
      const out = keep.map((k) => (adapter.cell ? adapter.cell(k.name, cells[k.index] ?? '') : (cells[k.index] ?? '')));
      return [...out, ...constants.map(([, v]) => v)];
    },
  };
}

/** A header or code written with underscores and capitals (`AGE_MEAN`, `a_inw`, `%_Low_Income`) as an id (`age-mean`, `a-inw`, `pct-low-income`). */
export function slugify(name: string): string {
  return name
    .trim()
    .replace(/%/g, 'pct')
    .replace(/>=/g, 'ge')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}
