/**
 * True when values are shares between 0 and 1 that readers expect as percentages: asked for explicitly, or a
 * unit that names a share ("aandeel", "share", "proportion", "fraction").
 */
export function showsAsPercent(percent: boolean | undefined, unit: string | undefined): boolean {
  return percent ?? /^(aandeel|share|proportion|fraction)$/i.test(unit?.trim() ?? '');
}
