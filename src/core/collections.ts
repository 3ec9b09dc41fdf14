/**
 * Helpers for collections whose size a user sets (observations, initiatives, table rows): no argument spreading,
 * which throws "Maximum call stack size exceeded" beyond some 100,000 elements.
 */

/**
 * The largest of `values` and `floor` (−∞ by default), in one pass.
 * @example maxOf([3, 9, 4]) // 9
 */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

/**
 * The smallest of `values` and `ceiling` (+∞ by default), in one pass.
 * @example minOf([3, 9, 4]) // 3
 */
export function minOf(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let m = ceiling;
  for (const v of values) if (v < m) m = v;
  return m;
}

/**
 * Appends every item to `target` (which is changed) and returns it: `push(...items)` without the spread.
 * @example appendAll([1], [2, 3]) // [1, 2, 3]
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
