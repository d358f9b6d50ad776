import { pct, pts } from "../measure/format";
import { describeBand } from "./families/bands";
import type { Rule } from "./types";

/** A short Chinese name for a rule, shown in explanations and the task pane. */
export function ruleLabel(rule: Rule): string {
  switch (rule.type) {
    case "proportional":
      return rule.direction === "lower" ? "反向比例" : rule.direction === "higher" ? "正向比例" : "正向/反向比例";
    case "completion":
      return "按照完成比例赋分";
    case "floorLinear":
      return "达标满分、未达标按比重赋分";
    case "cost":
      return "成本指标";
    case "bands":
      return "区间赋分";
    case "step":
      return "逐档扣分";
    case "perUnit":
      return "少一个扣分";
    case "rateTimesWeight":
      return "比率×权重";
    case "scaledBelow":
      return "达标满分、以下按比率计分";
    case "threshold":
      return "达标得满分，否则不得分";
    case "checklist":
      return rule.mode === "points" ? "逐项得分" : rule.mode === "shares" ? "逐项占权重" : "缺项扣分";
    case "qualitative":
      return "定性三档";
    case "satisfaction":
      return "满意度赋分";
    case "graded":
      return "按评判等级赋分";
    case "deadline":
      return "直接赋分（按时完成得满分）";
    case "zeroTarget":
      return "目标为 0";
    case "judged":
      return "按评价人判断";
    case "notApplicable":
      return "不适用";
  }
}

/** A full Chinese paraphrase of a rule: what the engine will do with it. */
export function describeRule(rule: Rule): string {
  switch (rule.type) {
    case "proportional":
      return "正向指标得分 = 权重 × 实际/目标，反向指标得分 = 权重 × 目标/实际，达标得满分，不超过权重";
    case "completion":
      return `完成率 = 实际/目标；≥${pct(rule.zeroAt)} 得 0 分；100%–${pct(rule.zeroAt)} 得分 = (1 − (完成率 − 100%)) × 权重；${pct(rule.floor)}–100% 得分 = (完成率 − ${pct(rule.floor)}) / (1 − ${pct(rule.floor)}) × 权重；低于 ${pct(rule.floor)} 得 0 分`;
    case "floorLinear":
      return `达到目标得满分；未达到且完成率 ≥ ${pct(rule.floor)} 时得分 = (完成率 − ${pct(rule.floor)}) / (1 − ${pct(rule.floor)}) × 权重；否则 0 分`;
    case "cost":
      return `完成率 = 实际/计划；超过 100% ${rule.over === "zero" ? "得 0 分" : "按超额公式扣分"}；等于 100% 得满分；${pct(rule.floor)}–100% 线性计分；低于 ${pct(rule.floor)} 得 0 分`;
    case "bands":
      return rule.bands.map((b) => `${describeBand(b)}${b.points !== undefined ? `得 ${pts(b.points)} 分` : `得权重的 ${pct(b.share ?? 0)}`}`).join("；") + "；其余 0 分";
    case "step":
      return `≥ ${pct(rule.full)} 得满分；每低 ${pct(rule.step)} 扣 ${rule.deductAs === "points" ? `${pts(rule.deduct)} 分` : `权重的 ${pct(rule.deduct)}`}，扣完为止`;
    case "perUnit":
      return `${rule.full === null ? "达到目标值" : `达到 ${pts(rule.full)}${rule.unit ?? ""}`}得满分；每少 ${pts(rule.per ?? 1)}${rule.unit ?? "个"}扣 ${pts(rule.deduct)} 分，扣完为止`;
    case "rateTimesWeight":
      return `${rule.fullAt !== undefined ? `≥ ${pct(rule.fullAt)} 得满分；否则` : ""}得分 = 比率 × 权重，不超过权重`;
    case "scaledBelow":
      return `≥ ${pct(rule.fullAt)} 得满分；${pct(rule.zeroBelow)}–${pct(rule.fullAt)} 得分 = 比率${rule.perWeight ? `${rule.divisor !== undefined && rule.divisor !== 1 ? ` ÷ ${pct(rule.divisor)}` : ""} × 权重` : ` × ${pts(rule.multiplier)}`}；低于 ${pct(rule.zeroBelow)} 不得分`;
    case "threshold":
      return "符合要求得满分，否则不得分";
    case "checklist":
      return rule.items.map((i) => `${i.label}${rule.mode === "points" ? `得 ${pts(i.points ?? 0)} 分` : rule.mode === "shares" ? `占 ${pct(i.share ?? 0)}` : `缺则扣 ${pct(i.share ?? 0)}`}`).join("，") + "，不超过权重";
    case "qualitative":
    case "graded":
      return `达成 ${pct(rule.met[0])}–${pct(rule.met[1])}、部分达成 ${pct(rule.partial[0])}–${pct(rule.partial[1])}、未达成 ${pct(rule.unmet[0])}–${pct(rule.unmet[1])}，取档次上限，评价人另有判断的从其判断`;
    case "satisfaction":
      return "达到目标值得满分；未达到按 实际/目标 × 权重 计分";
    case "deadline":
      return "在时限内完成（或达到目标）得满分，否则 0 分";
    case "zeroTarget":
      return "实际为 0 得满分，否则 0 分";
    case "judged":
      return "得分 = 评价人给出的比例 × 权重";
    case "notApplicable":
      return "本指标不适用，不计分，其余指标按 100 分折算";
  }
}
