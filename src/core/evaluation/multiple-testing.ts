function order(pValues: readonly (number | null)[]): number[] {
  return pValues
    .map((p, i) => ({ p, i }))
    .filter((e): e is { p: number; i: number } => e.p !== null && Number.isFinite(e.p))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((e) => e.i);
}

/**
 * Holm's step-down adjustment of p-values for many tests (family-wise error): with the m p-values sorted
 * p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) · p₍ⱼ₎) (S. Holm 1979, Scand. J. Statist. 6:65–70;
 * as R `p.adjust(method = "holm")`). Nulls (no test) are kept as null and do not count in m; order is preserved.
 * @example holmAdjust([0.01, 0.04, 0.03, 0.005]) // [0.03, 0.06, 0.06, 0.02]
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const idx = order(pValues);
  const m = idx.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 0;
  idx.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * (pValues[i] as number)));
    out[i] = running;
  });
  return out;
}

/**
 * Benjamini–Hochberg adjustment (false discovery rate): p̃₍ᵢ₎ = min_{j ≥ i} min(1, m/j · p₍ⱼ₎)
 * (Y. Benjamini & Y. Hochberg 1995, JRSS B 57:289–300; as R `p.adjust(method = "BH")`). Nulls stay null.
 * @example benjaminiHochbergAdjust([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochbergAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const idx = order(pValues);
  const m = idx.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = idx[k]!;
    running = Math.min(running, Math.min(1, (m / (k + 1)) * (pValues[i] as number)));
    out[i] = running;
  }
  return out;
}
