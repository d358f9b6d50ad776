import type { Band, Basis, Rule } from "../rules/types";

// A figure matched from its first digit only (never from inside a run of digits: a scan from each digit is quadratic).
const NUM = "(?<![\\d.])(\\d+(?:\\.\\d+)?)%";

interface Condition {
  at: number;
  end: number;
  band: Band;
  subject: string;
}

interface Award {
  at: number;
  points?: number;
  share?: number;
  zero?: boolean;
  /** 得分=满意度×3分: rate × points. */
  multiplier?: number;
  /** 得分=满意度×分值, 按实际满意度/90%×权重分计分: rate ÷ divisor × the weight. */
  perWeight?: { divisor: number };
}

/** Conditions on one rate: `90%-100%`, `60%≤完成率<90%`, `≥90%`, `<60%`, `≥80%且<90%`. */
function conditions(s: string): Condition[] {
  const out: Condition[] = [];
  const patterns: [RegExp, (m: RegExpExecArray) => Band][] = [
    [new RegExp(`${NUM}(≤|<)[^\\d；，。]*?(≤|<)${NUM}`, "g"), (m) => ({ min: n(m[1]), minInclusive: m[2] === "≤", max: n(m[4]), maxInclusive: m[3] === "≤" })],
    [new RegExp(`(≥|>)${NUM}且(?:[^\\d；，。]*?)?(<|≤)${NUM}`, "g"), (m) => ({ min: n(m[2]), minInclusive: m[1] === "≥", max: n(m[4]), maxInclusive: m[3] === "≤" })],
    [new RegExp(`${NUM}(?:\\(含\\))?-${NUM}(?:\\(含\\))?`, "g"), (m) => ({ min: Math.min(n(m[1]), n(m[2])), max: Math.max(n(m[1]), n(m[2])) })],
    [new RegExp(`(≥|>)${NUM}(?:以上)?`, "g"), (m) => ({ min: n(m[2]), minInclusive: m[1] === "≥" })],
    [new RegExp(`(<|≤)${NUM}`, "g"), (m) => ({ max: n(m[2]), maxInclusive: m[1] === "≤" })],
    [new RegExp(`${NUM}(?:\\(含\\))?以上`, "g"), (m) => ({ min: n(m[1]) })],
    [new RegExp(`${NUM}以下`, "g"), (m) => ({ max: n(m[1]) })],
    [new RegExp(`(?:为|等于|达到)${NUM}`, "g"), (m) => ({ min: n(m[1]) })],
  ];
  const taken: [number, number][] = [];
  for (const [re, build] of patterns) {
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const a = m.index;
      const b = a + m[0].length;
      if (taken.some(([x, y]) => a < y && b > x)) continue;
      taken.push([a, b]);
      const before = s.slice(Math.max(0, s.lastIndexOf("；", a - 1) + 1, s.lastIndexOf("，", a - 1) + 1), a);
      out.push({ at: a, end: b, band: build(m), subject: before.replace(/^[①-⑩]/, "").replace(/^(?:若|如|当)/, "") });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}

function awards(s: string): Award[] {
  const out: Award[] = [];
  const re = /得满分|不得分|得0分|得分=0分|扣完|得(\d+(?:\.\d+)?)分|得分=(\d+(?:\.\d+)?)%×权重(?:分值|分)?|得分=[^；，。×]*?×(\d+(?:\.\d+)?)分|得权重分的(\d+(?:\.\d+)?)%|(?:得分=|按)(?:实际)?(?:[\u4e00-\u9fa5]{0,6}(?:率|度))(?:\/(\d+(?:\.\d+)?)%)?×(?:该指标)?(?:分值|权重分?)(?![×*÷/+-]|的\d|分?的\d)(?:计分|得分|赋分)?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === "扣完") continue;
    if (m[0] === "得满分") out.push({ at: m.index, share: 1 });
    else if (m[0] === "不得分" || m[0] === "得0分" || m[0] === "得分=0分") out.push({ at: m.index, zero: true });
    else if (m[1] !== undefined) out.push({ at: m.index, points: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ at: m.index, share: Number(m[2]) / 100 });
    else if (m[3] !== undefined) out.push({ at: m.index, multiplier: Number(m[3]) });
    else if (m[4] !== undefined) out.push({ at: m.index, share: Number(m[4]) / 100 });
    else out.push({ at: m.index, perWeight: { divisor: m[5] !== undefined ? Number(m[5]) / 100 : 1 } });
  }
  return out;
}

function n(s: string | undefined): number {
  return Number(s) / 100;
}

/** Basis of a rate rule from its wording: 完成率 is completion (actual/target); any other rate is the actual. */
export function basisOf(s: string): Basis {
  return /完成率|完成比例/.test(s) ? "completion" : "actual";
}

/**
 * Bands read from condition → award pairs in order (`90%-100%得3分，80%-90%得2分…低于70%不得分`). A range's top is
 * exclusive unless it is 100% or written ≤; a condition's award is the next award before the next condition.
 * Returns a rule only when every condition has an award and there are at least two bands, all on one subject.
 * A `scaledBelow` rule results when a band's award is rate × points (得分=满意度×3分).
 */
export function readBands(s: string): { rule: Rule; subjects: string[] } | null {
  const cs = conditions(s);
  const as = awards(s);
  if (cs.length < 2 || as.length < 2) return null;
  const bands: Band[] = [];
  let scaled: { band: Band; multiplier: number; perWeight?: { divisor: number } } | null = null;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const nextAt = cs[i + 1]?.at ?? Infinity;
    const award = as.find((a) => a.at >= c.end && a.at < nextAt);
    if (!award) return null;
    const band: Band = { ...c.band };
    if (band.max !== undefined && band.maxInclusive === undefined) band.maxInclusive = band.max >= 1 - 1e-9;
    if (band.min !== undefined && band.minInclusive === undefined) band.minInclusive = true;
    if (award.zero) continue;
    if (award.multiplier !== undefined || award.perWeight !== undefined) {
      // (One scaled band only: a second, 60%≤满意度<80%得分=满意度×分值×50%, is a rule this reader does not hold.)
      if (scaled) return null;
      scaled = { band, multiplier: award.multiplier ?? 0, ...(award.perWeight ? { perWeight: award.perWeight } : {}) };
      continue;
    }
    bands.push(award.points !== undefined ? { ...band, points: award.points } : { ...band, share: award.share ?? 0 });
  }
  if (bands.length === 0) return null;
  // A range written up to 100% is closed at 100% unless another band starts there (100%以上得满分).
  for (const band of bands) {
    if (band.max !== undefined && bands.some((o) => o !== band && o.min !== undefined && Math.abs(o.min - band.max!) < 1e-9 && o.minInclusive !== false)) band.maxInclusive = false;
  }
  const basis = basisOf(s);
  if (scaled) {
    const full = bands.find((b) => b.share === 1 && b.min !== undefined);
    // Full, the scaled band and nothing below it but 0: a band of points below the scaled one (60%≤满意度<80%得2分) is lost
    // by scaledBelow, so the rule is not read.
    if (!full || scaled.band.min === undefined || bands.length !== 1) return null;
    const per = scaled.perWeight ? { perWeight: true, ...(scaled.perWeight.divisor !== 1 ? { divisor: scaled.perWeight.divisor } : {}) } : {};
    return { rule: { type: "scaledBelow", basis, fullAt: full.min!, zeroBelow: scaled.band.min, multiplier: scaled.multiplier, ...per }, subjects: cs.map((c) => c.subject) };
  }
  return { rule: { type: "bands", basis, bands }, subjects: cs.map((c) => c.subject) };
}

export { conditions as readConditions };
