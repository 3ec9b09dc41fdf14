/** One bin of a histogram: [start, end) except the last, which includes its end. */
export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/**
 * Counts values into `binCount` equal-width bins from the smallest to the largest value, with 1 always on a bin
 * edge so the bins below and above ratio 1 do not mix. Non-finite values are skipped.
 * @example histogramBins([0.5, 1.5, 1.7], 2) // [{start:0.5,end:1,count:1},{start:1,end:1.5,...}] (edges shifted to hit 1)
 */
export function histogramBins(values: ArrayLike<number>, binCount = 40, edge = 1): HistogramBin[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [];
  if (min === max) return [{ start: min, end: max, count: Array.from(values).filter(Number.isFinite).length }];
  const width = (max - min) / binCount;
  const start = edge - Math.ceil((edge - min) / width) * width;
  const n = Math.max(1, Math.ceil((max - start) / width) + (max === start + Math.ceil((max - start) / width) * width ? 1 : 0));
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    counts[Math.min(n - 1, Math.floor((v - start) / width))]!++;
  }
  return counts.map((count, i) => ({ start: start + i * width, end: start + (i + 1) * width, count }));
}
