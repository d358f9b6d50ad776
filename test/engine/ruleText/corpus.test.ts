import { readRuleText } from "../../../src/engine";
import type { Rule } from "../../../src/engine";

const b = (min: number | undefined, max: number | undefined, award: { points?: number; share?: number }, maxInclusive?: boolean) => ({
  ...(min !== undefined ? { min, minInclusive: true } : {}),
  ...(max !== undefined ? { max, maxInclusive: maxInclusive ?? max >= 1 } : {}),
  ...award,
});

/** Texts not in the seeds that say the same things in other words, each with the rule it must yield. */
const CORPUS: [string, Rule][] = [
  ["到位率90%至100%得3分；80%至90%得2分；70%至80%得1分；70%以下不得分", { type: "bands", basis: "actual", bands: [b(0.9, 1, { points: 3 }), b(0.8, 0.9, { points: 2 }), b(0.7, 0.8, { points: 1 })] }],
  ["执行率 95%-100% 得 5 分，85%-95% 得 3 分，低于 85% 不得分。", { type: "bands", basis: "actual", bands: [b(0.95, 1, { points: 5 }), b(0.85, 0.95, { points: 3 })] }],
  ["资金到位率达到90%（含）以上得2分，80%（含）-90%得1分，不足80%不得分", { type: "bands", basis: "actual", bands: [{ min: 0.9, minInclusive: true, points: 2 }, b(0.8, 0.9, { points: 1 })] }],
  ["满意度大于等于85%得满分，75%≤满意度<85%得分=70%×权重，满意度小于75%不得分", { type: "bands", basis: "actual", bands: [{ min: 0.85, minInclusive: true, share: 1 }, b(0.75, 0.85, { share: 0.7 }, false)] }],
  ["若95%≤完成率≤100%，得满分；若85%≤完成率<95%，得分=85%×权重；完成率<85%，得0分", { type: "bands", basis: "completion", bands: [b(0.95, 1, { share: 1 }, true), b(0.85, 0.95, { share: 0.85 }, false)] }],
  ["知晓率≥80%得3分；60%≤知晓率<80%得2分；知晓率<60%得0分", { type: "bands", basis: "actual", bands: [{ min: 0.8, minInclusive: true, points: 3 }, b(0.6, 0.8, { points: 2 }, false)] }],
  ["执行率在90%到100%之间得4分，80%到90%得2分，其余不得分", { type: "bands", basis: "actual", bands: [b(0.9, 1, { points: 4 }), b(0.8, 0.9, { points: 2 })] }],
  ["完成率100%以上得满分，90%-100%得权重分的80%，90%以下不得分", { type: "bands", basis: "completion", bands: [{ min: 1, minInclusive: true, share: 1 }, b(0.9, 1, { share: 0.8 }, false)] }],
  ["预算执行率≥95%，得满分；每降低5%，扣1分，扣完为止", { type: "step", basis: "actual", full: 0.95, step: 0.05, deduct: 1, deductAs: "points" }],
  ["执行率不低于90%得满分，每减少5个百分点扣0.5分，扣完为止", { type: "step", basis: "actual", full: 0.9, step: 0.05, deduct: 0.5, deductAs: "points" }],
  ["救助比例≥70%，得满分；每低10%，扣20%权重分，扣完为止", { type: "step", basis: "actual", full: 0.7, step: 0.1, deduct: 0.2, deductAs: "share" }],
  ["完成率≥100%得满分，每相差10%扣权重分的10%", { type: "step", basis: "completion", full: 1, step: 0.1, deduct: 0.1, deductAs: "share" }],
  ["到位率≥98%，得 6 分；每下降2个百分点扣1分。", { type: "step", basis: "actual", full: 0.98, step: 0.02, deduct: 1, deductAs: "points" }],
  ["执行率大于或等于95%得4分；每降低1%扣0.2分，扣完为止", { type: "step", basis: "actual", full: 0.95, step: 0.01, deduct: 0.2, deductAs: "points" }],
  ["得分=资金到位率×权重分，最高得分3分", { type: "rateTimesWeight", basis: "actual" }],
  ["得分 = 预算执行率 * 权重分", { type: "rateTimesWeight", basis: "actual" }],
  ["知晓率≥95%得满分；否则按比例得分", { type: "rateTimesWeight", basis: "actual", fullAt: 0.95 }],
  ["覆盖率达到90%及以上的，得满分，否则按实际比例计分", { type: "rateTimesWeight", basis: "actual", fullAt: 0.9 }],
  ["满意度≥95%，得满分；70%≤满意度<95%，得分=满意度×4分；满意度<70%，不得分", { type: "scaledBelow", basis: "actual", fullAt: 0.95, zeroBelow: 0.7, multiplier: 4 }],
  ["按时完成得满分；否则不得分", { type: "threshold" }],
  ["全部纳入保障范围，得满分；否则，不得分。", { type: "threshold" }],
  ["发现1例违规使用资金的，得0分", { type: "threshold" }],
  ["严格执行标准得满分，发现2例不符合的不得分", { type: "threshold" }],
  ["①②③④全部符合得满分，否则不得分", { type: "threshold" }],
  ["①有实施方案；②方案完整；③按方案执行。以上三项各占1/3权重分，符合得该项权重分，不符合不得分", { type: "checklist", mode: "shares", items: [{ label: "①", share: 1 / 3 }, { label: "②", share: 1 / 3 }, { label: "③", share: 1 / 3 }] }],
  ["①制度健全；②执行有效。两项各占50%的权重分，满足一项得对应的权重分", { type: "checklist", mode: "shares", items: [{ label: "①", share: 0.5 }, { label: "②", share: 0.5 }] }],
  ["评价要点：①…；②…；③…；④…。4项各占1/4权重分，每有一项不满足，则扣除相应权重分。", { type: "checklist", mode: "deductions", items: [{ label: "①", share: 0.25 }, { label: "②", share: 0.25 }, { label: "③", share: 0.25 }, { label: "④", share: 0.25 }] }],
  ["①②齐全得满分，缺①扣权重分的60%，缺②扣权重分的40%", { type: "checklist", mode: "deductions", items: [{ label: "①", share: 0.6 }, { label: "②", share: 0.4 }] }],
  ["缺①扣50%，缺②扣30%，缺③扣20%", { type: "checklist", mode: "deductions", items: [{ label: "①", share: 0.5 }, { label: "②", share: 0.3 }, { label: "③", share: 0.2 }] }],
  ["①建立台账，得1分；②按月报送，得1分；③年终总结，得1分", { type: "checklist", mode: "points", items: [{ label: "①", points: 1 }, { label: "②", points: 1 }, { label: "③", points: 1 }] }],
  ["①有财务制度得 2 分；②有业务制度得 3 分", { type: "checklist", mode: "points", items: [{ label: "①", points: 2 }, { label: "②", points: 3 }] }],
  ["五项各占20%权重分，每有一项不满足则扣除相应权重分", { type: "checklist", mode: "deductions", items: [0, 1, 2, 3, 4].map((i) => ({ label: "①②③④⑤"[i]!, share: 0.2 })) }],
  ["低保对象参保率为100%，得2分；特困人员参保率≥98%，得2分", { type: "checklist", mode: "points", items: [{ label: "①", points: 2 }, { label: "②", points: 2 }] }],
  ["实际完成率≥200%，得0分；100%≤完成率<200%，得分=(1-(实际完成率-100%))×权重分值；60%≤完成率<100%，得分=(实际完成率-60%)/(1-60%)×权重分值；完成率<60%，得0分", { type: "completion", floor: 0.6, zeroAt: 2 }],
  ["完成率≥150%得0分；100%≤完成率<150%，得分=(1-(完成率-100%))×权重；50%≤完成率<100%，得分=(完成率-50%)/(1-50%)×权重", { type: "completion", floor: 0.5, zeroAt: 1.5 }],
  ["达到目标值得满分；未完成且完成率大于50%的，得分=(实际完成率-50%)/(1-50%)×权重分值；其余不得分", { type: "floorLinear", floor: 0.5 }],
  ["实际完成率符合预期指标值得满分；未完成的按超过的比重赋分：得分=（实际完成率-70%）/（1-70%）×权重分值", { type: "floorLinear", floor: 0.7 }],
  ["实际完成率大于100%，得0分；完成率等于100%，得满分；若70%≤完成率<100%，得分=(实际完成率-70%)/(1-70%)×权重分值", { type: "cost", floor: 0.7, over: "zero" }],
  ["分别按照该指标对应分值区间100-80%（含80%）、80-50%（含50%）、50-0%合理确定分值", { type: "qualitative", met: [0.8, 1], partial: [0.5, 0.8], unmet: [0, 0.5] }],
  ["达成、部分达成、未达成三档，分别按 100-80%(含)、80-60%(含)、60-0% 确定分值", { type: "qualitative", met: [0.8, 1], partial: [0.6, 0.8], unmet: [0, 0.6] }],
  ["按照完成比例赋分", { type: "completion", floor: 0.6, zeroAt: 2 }],
  ["满意度赋分", { type: "satisfaction" }],
  ["<p>预算执行率 $\\geq 95\\%$，得 4 分；</p><p>每降低 5%，扣 1 分，扣完为止。</p>", { type: "step", basis: "actual", full: 0.95, step: 0.05, deduct: 1, deductAs: "points" }],
  ["资金到位率 90 % — 100 % 得 3 分 ， 到位率 80 % — 90 % 得 2 分 ，低于 80 % 不得分", { type: "bands", basis: "actual", bands: [b(0.9, 1, { points: 3 }), b(0.8, 0.9, { points: 2 })] }],
];

/** Texts that must be refused: they state no rule the engine can apply, or contradict themselves. */
const REFUSED = [
  "由评审专家综合打分",
  "根据实际情况酌情赋分",
  "视完成情况给分",
  "医疗救助资金筹集机制稳定，财政投入足额到位。",
  "执行率90%-100%得3分，85%-95%得2分",
  "按照有关规定执行",
  "考察项目是否合规",
  "得分由评价组讨论确定",
  "①…；②…。以上两项各占30%权重分",
];

describe("rule texts in other words", () => {
  test(`${CORPUS.length} texts (at least 40)`, () => expect(CORPUS.length).toBeGreaterThanOrEqual(40));
  test.each(CORPUS)("%s", (text, rule) => {
    const r = readRuleText(text);
    expect(r?.rule).toEqual(rule);
    expect(r?.paraphrase).toMatch(/[\u4e00-\u9fa5]/);
  });
  test.each(REFUSED)("refused: %s", (text) => expect(readRuleText(text)).toBeNull());
});
