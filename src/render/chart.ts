import type { TopLevelSpec } from 'vega-lite';

/** One column of a chart's data table. */
export interface TableColumn {
  readonly label: string;
  /** Right-aligned numeric column. */
  readonly numeric: boolean;
}

/** A chart's data as a table of formatted cells, for screen readers, print and anyone who prefers numbers. */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
}

/** A chart: a Vega-Lite spec with its title, a text alternative and its data as a table. */
export interface Chart {
  /** Stable kebab-case id, used for file names and SVG element ids. */
  readonly id: string;
  readonly title: string;
  /** Text alternative: what the chart shows, in one or two sentences with the key numbers. */
  readonly description: string;
  readonly spec: TopLevelSpec;
  readonly table: DataTable;
}
