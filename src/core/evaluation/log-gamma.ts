const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * Lanczos approximation (C. Lanczos 1964, SIAM J. Numer. Anal. B 1, 86–96; see Numerical Recipes in C, 2nd ed.,
 * §6.1) with g = 7 and the nine coefficients of P. Godfrey (2001), relative error about 1e-15; for x < ½ the
 * reflection formula Γ(x)Γ(1 − x) = π / sin(πx) (Abramowitz & Stegun 6.1.17).
 * @throws RangeError when x ≤ 0.
 * @example logGamma(5) // ln 24 = 3.1780538303479458
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = COEFFICIENTS[0]!;
  for (let i = 1; i < G + 2; i++) a += COEFFICIENTS[i]! / (z + i);
  const t = z + G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
