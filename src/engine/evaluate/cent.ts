import { round } from "../measure/format";

/**
 * A reported score one cent off the recomputed one at two decimals (5 written where the rule gives 4.988 → 4.99;
 * 2.16 where it gives 2.1548 → 2.15). The default tolerance (0.01) accepts it as "not 不符", but a score written to
 * two decimals either is the rule's figure rounded or is not, so it is told as a rounding slip (warning). A
 * tolerance of 0.02 or more (the user's own, or the looser one for weights read back from scores) silences it; a
 * tolerance below 0.01 already makes it a mismatch.
 */
export function centOff(reported: number, score: number, tolerance: number): boolean {
  const d = Math.abs(reported - round(score, 2));
  return tolerance < 0.02 - 1e-9 && d > 0.005 + 1e-9 && d <= tolerance + 1e-9;
}
