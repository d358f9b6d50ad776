import { round } from "../measure/format";
import { readRate, writtenDecimals } from "../measure/number";

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

/**
 * The reported score is the weight times a rate the table writes to two decimals or more (10 × 99.85% = 9.985 → 9.99,
 * where the amounts give 99.849%): scored from a rate that is right at its own precision, which is no slip. A rate
 * rounded to a whole percent or one decimal (50% for 49.88%) is not excused.
 */
export function fromWrittenRate(written: unknown, weight: number, reported: number): boolean {
  if (written === null || written === undefined || written === "") return false;
  const text = String(written);
  const read = readRate(text);
  if (read === null || !Number.isFinite(read)) return false;
  const sign = /[%％‰]/.test(text);
  const rate = read > 1 && !sign ? read / 100 : read;
  // Decimals of the percentage: a bare fraction (0.9985) has two more than the percentage it stands for.
  if (writtenDecimals(text) - (!sign && read <= 1 ? 2 : 0) < 2) return false;
  return Math.abs(round(Math.min(weight, weight * rate), 2) - reported) < 0.005;
}
