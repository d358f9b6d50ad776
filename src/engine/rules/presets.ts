import { COMPLETION_RULE, TIERS_80_50, tierObject } from "./names";
import type { Rule } from "./types";
import type { RatingScheme } from "../evaluate/rating";

/**
 * A preset: the rules a scoring system applies to rows that name none, keyed by the kind of target,
 * and how the budget block and the rating are scored.
 */
export interface Preset {
  name: string;
  label: string;
  description: string;
  /** Default rule by target kind: numbers and percentages, qualitative text, dates. */
  byKind: { quantity: Rule; qualitative: Rule; date: Rule };
  /** Budget execution points when the table does not state them (分值). Score = min(weight, weight × rate). */
  budgetWeight: number;
  rating: RatingScheme;
}

const qualitative8050: Rule = { type: "qualitative", ...tierObject(TIERS_80_50) };

const PRESET_LIST: Preset[] = [
  {
    name: "national",
    label: "全国通用（财预〔2020〕10号）",
    description: "达标得满分，未达标按比例（正向 实际/目标，反向 目标/实际）；定性三档 100–80%、80–50%、50–0%；预算执行 10 分 × 执行率；优≥90、良≥80、中≥60",
    byKind: { quantity: { type: "proportional" }, qualitative: qualitative8050, date: { type: "deadline" } },
    budgetWeight: 10,
    rating: "standard",
  },
  {
    name: "xinjiang",
    label: "新疆（按照完成比例赋分）",
    description: "按照完成比例赋分（超额完成扣分）、满意度赋分、按评判等级赋分、直接赋分，如种子 000、003 所用；预算执行 10 分 × 执行率",
    byKind: { quantity: COMPLETION_RULE, qualitative: { type: "graded", ...tierObject(TIERS_80_50) }, date: { type: "deadline" } },
    budgetWeight: 10,
    rating: "standard",
  },
  {
    name: "hubei",
    label: "湖北（正向/反向比例，预算 20 分）",
    description: "正向 得分=权重×B/A，反向 得分=权重×A/B，不超过权重；定性三档 100–80%、80–50%、50–0%；预算执行 20 分 × 执行率",
    byKind: { quantity: { type: "proportional" }, qualitative: qualitative8050, date: { type: "deadline" } },
    budgetWeight: 20,
    rating: "standard",
  },
];

/** The presets by name, in a Map: a name such as `constructor` or `__proto__` finds nothing. */
export const PRESETS: ReadonlyMap<string, Preset> = new Map(PRESET_LIST.map((p) => [p.name, p]));

/** The preset names, as messages list them. */
export function presetNames(): string[] {
  return [...PRESETS.keys()];
}

/** The preset of that name (case and spaces ignored), or null. */
export function presetByName(name: string | null | undefined): Preset | null {
  if (!name) return PRESETS.get("national") ?? null;
  return PRESETS.get(name.trim().toLowerCase()) ?? null;
}

/** 未知的预设“x”（可用：national、xinjiang、hubei）, the list taken from the registry. */
export function unknownPresetMessage(name: string): string {
  return `未知的预设“${name}”（可用：${presetNames().join("、")}）`;
}
