/** Percentiles and rounding, the same for every figure the bench prints. */

/** The `p`th percentile of `list` (nearest rank); NaN when the list is empty. */
export function pct(list: number[], p: number): number {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** `n` to one decimal place. */
export const round = (n: number): number => Math.round(n * 10) / 10;
