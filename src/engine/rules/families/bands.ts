import { pct, pts } from "../../measure/format";
import { clampScore, isOutcome, readRate, scored, type Scorer } from "../context";
import type { Band, Rule } from "../types";

/** Whether `x` lies in the band; bounds are inclusive at the bottom and exclusive at the top by default. */
export function inBand(b: Band, x: number): boolean {
  const eps = 1e-9;
  if (b.min !== undefined) {
    if (b.minInclusive === false ? !(x > b.min + eps) : x < b.min - eps) return false;
  }
  if (b.max !== undefined) {
    if (b.maxInclusive ? x > b.max + eps : !(x < b.max - eps)) return false;
  }
  return true;
}

export function describeBand(b: Band): string {
  const lo = b.min === undefined ? "" : `${pct(b.min)}${b.minInclusive === false ? " <" : " ≤"} `;
  const hi = b.max === undefined ? "" : ` ${b.maxInclusive ? "≤" : "<"} ${pct(b.max)}`;
  return `${lo}比率${hi}`;
}

/**
 * Bands (seed 000 B11: 90%—100% 得 3 分 …; D11: ≥90% 满分, 80–90% → 80% × 权重). The first band that holds the
 * rate decides; a rate above every band's top is treated as the top band when that band reaches 100%.
 */
export const bands: Scorer<Extract<Rule, { type: "bands" }>> = (rule, ctx) => {
  const r = readRate(ctx, rule.basis);
  if (isOutcome(r)) return r;
  const w = ctx.weight;
  const x = r.rate;
  let band = rule.bands.find((b) => inBand(b, x));
  if (!band) {
    const top = rule.bands.reduce<Band | undefined>((best, b) => (b.max !== undefined && (!best || (best.max ?? 0) < b.max) ? b : best), undefined);
    if (top && top.max !== undefined && top.max >= 1 && x > top.max) band = top;
  }
  if (!band) return scored(0, x, r.met, () => [r.step, `不在任何得分区间内：得 0 分`]);
  const raw = band.points ?? (band.share ?? 0) * w;
  const s = clampScore(raw, w);
  const how = band.points !== undefined ? `得 ${pts(band.points)} 分` : `得分 = ${pct(band.share ?? 0)} × ${pts(w)} = ${pts(s)}`;
  return scored(s, x, r.met, () => [r.step, `${describeBand(band)}：${how}`]);
};
