import { toSimplified } from "../data/traditional";
import { normaliseRuleText } from "../ruleText/normalise";
import type { RuleTextReader } from "./resolveRule";

/**
 * An evaluator's score table (评分表) has no target or actual column: what was found is written in words in its 评分依据
 * column (计划维修改造学校46所，实际完成44所；到位资金1860万元，实际支出1739.1万元，执行率93.50%). Two readings of those words,
 * both only where they are unambiguous; anything else leaves the row as the evaluator's judgement.
 */

/** Text as compared: simplified, full-width folded, no spaces. */
const plain = (s: string) => [...toSimplified(s)].map((ch) => (/[①-⑳]/.test(ch) ? ch : ch.normalize("NFKC"))).join("").replace(/\s+/g, "");
const CLAUSE = /[，,；;。：:\n]/;

/** The rate a rule names (预算执行率×分值, 隐患消除率×分值): its last three characters, 执行率, 消除率, 满意度. */
function rateKeys(text: string): string[] {
  return [...new Set([...text.matchAll(/([\u4e00-\u9fa5]{2}(?:率|度))/g)].map((m) => m[1]!))];
}

/**
 * The figures a 评分标准 read as a whole formula needs, from the row's 评分依据 when it states them once: the rate a
 * rate-times-points rule names (执行率93.50% for 预算执行率×分值), or the plan and the result for a proportional rule (计划…46所，
 * 实际完成44所, in one unit). Null when the rule is not such a formula, or the words give none, or more than one reading.
 */
export function figuresInGrounds(grounds: string, ruleText: string, read: RuleTextReader): { target: string | null; actual: string; said: string } | null {
  const rule = read(ruleText)?.rule;
  if (!rule) return null;
  const g = plain(grounds);
  if (g.length > 300) return null;
  // (Rules on the rate itself: 预算执行率×分值; 满意度≥90%得满分，60%≤满意度<90%得分=满意度×分值; bands on the rate.)
  if ((rule.type === "rateTimesWeight" || rule.type === "scaledBelow" || rule.type === "bands") && rule.basis === "actual") {
    const keys = rateKeys(normaliseRuleText(ruleText));
    if (keys.length !== 1) return null;
    const key = keys[0]!;
    // Only a clause about the year itself: not one of another period or year (截至6月底, 1-6月, 上年, 年初), nor a bound (95%以上).
    const found = g.split(CLAUSE).filter((c) => !OTHER_TIME.test(c)).flatMap((c) => [...c.matchAll(/([\u4e00-\u9fa5]{2}(?:率|度))(?:为|是|达到|达|:|：)?(\d+(?:\.\d+)?)%(?!以上|以下|左右|及以上|之间|[-~～至到]\d)/g)]).filter((m) => m[1] === key);
    const values = new Set(found.map((m) => Number(m[2])));
    // The same rate stated for another time anywhere in the words leaves the reading to the evaluator.
    if (values.size !== 1 || g.split(CLAUSE).some((c) => OTHER_TIME.test(c) && c.includes(key))) return null;
    return { target: null, actual: `${found[0]![2]}%`, said: found[0]![0] };
  }
  if (rule.type === "proportional") {
    // Not where the words speak of a plan other than the year's, a change to it, or what is left (三年计划, 原计划…调整为,
    // 未按计划完成2所, 总体目标): the year's plan is then not the one figure stated.
    if (NOT_THE_YEARS_PLAN.test(g)) return null;
    const clauses = g.split(CLAUSE);
    const figure = (re: RegExp) => clauses.flatMap((c) => {
      const m = re.exec(c);
      return m ? [{ value: m[1]!, unit: m[2]!, said: m[0] }] : [];
    });
    const planned = figure(/^(?:[\u4e00-\u9fa5]{0,6}?)(?:计划|目标|预期|应(?:完成|到位|发放|拨付|支付|建设|培训|改造))[\u4e00-\u9fa5]{0,10}?(\d+(?:\.\d+)?)(万?[\u4e00-\u9fa5]{1,4}|%)$/);
    const done = figure(/^(?:[\u4e00-\u9fa5]{0,6}?)实际[\u4e00-\u9fa5]{0,8}?(\d+(?:\.\d+)?)(万?[\u4e00-\u9fa5]{1,4}|%)$/);
    if (planned.length !== 1 || done.length !== 1 || planned[0]!.unit !== done[0]!.unit) return null;
    const p = planned[0]!;
    const d = done[0]!;
    // Money only for a rule about money (计划投资1200万元 is not the schools a 学校数 rule counts).
    if (/元$/.test(p.unit) && !/资金|金额|投资|支出|经费|费用/.test(ruleText)) return null;
    return { target: `${p.value}${p.unit}`, actual: `${d.value}${d.unit}`, said: `${p.said}，${d.said}` };
  }
  return null;
}

/** A clause about another period or year than the one evaluated. */
const OTHER_TIME = /截至|截止|上半年|\d+-\d+月|\d+月底|\d+月末|前\d+个?月|前三季度|季度|年初|上年|去年|往年|同比|较上年|较去年|以前年度|预计/;
/** Words saying a plan other than this year's, a change to it, or a remainder. */
const NOT_THE_YEARS_PLAN = /未按计划|未完成|剩余|尚有|总体目标|总体|三年|五年|多年|累计|原计划|调整|变更|计划外|新增/;

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 3, 三, 十二, 二十, 二十三 → the count; null for anything else. */
const countOf = (s: string): number | null => {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGIT[m[1]]! : null;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
};
const COUNT = "(\\d+|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])";
/** A verb and the words the findings use for it: 延期 is found as 延至, 延迟, 推迟 (never 顺延 or 延长, which are no delay). */
const VERB_FORMS: [RegExp, RegExp][] = [
  [/^(?:延期|延迟|延误|推迟)/, /延期|延迟|延误|延至|推迟/],
  [/^(?:逾期|超期)/, /逾期|超期/],
  [/^(?:缺少|缺失|缺)/, /缺少|缺失/],
  [/^(?:发现|查出|检查发现)/, /发现|查出/],
  [/^(?:出现|发生)/, /出现|发生/],
];
/** Findings that are not this evaluation's, or were cleared: the text is then left to the evaluator. */
const NOT_THIS_FINDING = /上年|上一年|以前年度|往年|去年|此前|疑似|不属于|合理依据|未构成|均已[^，,；;。]*整改|已全部整改|整改完毕|整改到位|已纠正|已补齐|已补正/;
/** Counts of places or bodies inspected (核查5个乡镇, 3个项目), not of the items a generic count word (一项) counts. */
const NOT_ITEMS = /^(?:乡镇|乡|镇|村|社区|单位|学校|所学校|项目|企业|部门|户|人|家|个乡镇|个村|个单位|个项目|个部门)/;

/**
 * A checklist deduction (每发现一项不合规问题扣1分，扣完为止; 每延期完工1所学校扣1分) and the number of such items the row's 评分依据
 * or 扣分说明 states (发现3项问题; 3所延至9月中旬完工): the deduction that number calls for. Read only where it cannot be another
 * count: the rule has no other scored part and one rate only; the count is in a clause naming the rule's verb (for 发现 and
 * 出现, after it), of this evaluation (not 上年, 此前, 疑似, cleared or put right), and the only such count. Null otherwise.
 */
export function countedDeduction(ruleText: string, texts: (string | null | undefined)[], weight: number | null = null): { count: number; each: number; deduction: number; unit: string; said: string; clause: string } | null {
  const rule = normaliseRuleText(ruleText);
  const per = /每([\u4e00-\u9fa5]{0,6}?)(?:一|1)?(项|个|处|例|次|所|起|份|笔|条|家|户|批|件|台|套|人)([\u4e00-\u9fa5]{0,16}?)，?扣(\d+(?:\.\d+)?)分/g;
  const all = [...rule.matchAll(per)];
  // One rate only, and no other scored part (资金使用合规得3分，每发现一项违规扣1分: the deduction is from the 3, not the whole).
  // (得3分 on a row of 3 points is its full marks.)
  if (all.length !== 1 || [...rule.matchAll(/得(\d+(?:\.\d+)?)分|\((\d+(?:\.\d+)?)分\)/g)].some((m) => weight === null || Math.abs(Number(m[1] ?? m[2]) - weight) > 1e-9)) return null;
  const [clause, verb, unit, noun, each] = all[0]! as unknown as [string, string, string, string, string];
  const form = VERB_FORMS.find(([v]) => v.test(verb))?.[1] ?? null;
  // With no verb known, what is counted is found by the rule's whole noun (每一处隐患未整改: 隐患未整改, never 隐患 alone,
  // which also counts the hazards inspected or put right).
  const nounStem = noun.replace(/^的/, "");
  if (!form && (verb !== "" || nounStem.length < 3)) return null;
  const after = form !== null && /发现|查出|出现|发生/.test(form.source);
  // A generic count word (一例, 一项, 一处) counts items whatever word the findings use for them (1笔差旅费, 2张凭证).
  const units = /^[例项处个次起]$/.test(unit) ? "(?:[例项处个次起笔条份张件宗])" : unit;
  const cap = /最多扣(\d+(?:\.\d+)?)分|扣分不超过(\d+(?:\.\d+)?)分/.exec(rule);
  const counts = new Map<number, string>();
  for (const t of texts) {
    if (!t) continue;
    const p = plain(t);
    if (NOT_THIS_FINDING.test(p)) return null;
    for (const c of p.split(CLAUSE)) {
      const at = form ? c.search(form) : c.indexOf(nounStem);
      if (at < 0 || /未发现|没有发现|未出现|未发生|无(?:问题|不合规|违规)/.test(c)) continue;
      for (const m of c.matchAll(new RegExp(`${COUNT}${units}(?!性)`, "g"))) {
        if ((after && m.index! < at) || NOT_ITEMS.test(c.slice(m.index! + m[0].length)) && units !== unit) continue;
        const n = countOf(m[1]!);
        // A count in a clause that also says what was done right (44所学校中41所于开学前完工) is not the count of failures:
        // only a clause whose one count of this unit sits beside the verb is taken.
        if (n !== null && [...c.matchAll(new RegExp(`\\d+${units}`, "g"))].length <= 1) counts.set(n, c);
      }
    }
  }
  // No count written, but the items listed after the verb (发现以下问题：①…；②…；③…): as many as are numbered, ① on.
  if (counts.size === 0 && form) {
    for (const t of texts) {
      const p = t ? plain(t) : "";
      const at = p.search(form);
      if (at < 0 || /[未没无]有?$/.test(p.slice(Math.max(0, at - 2), at))) continue;
      const marks = [...p.slice(at).matchAll(/[①-⑳]/g)].map((m) => m[0].charCodeAt(0) - 0x2460 + 1);
      if (marks.length > 0 && marks.every((n, i) => n === i + 1)) counts.set(marks.length, p.slice(at, at + 12));
    }
  }
  if (counts.size !== 1) return null;
  const [count, said] = [...counts.entries()][0]!;
  const raw = count * Number(each);
  const limit = cap ? Number(cap[1] ?? cap[2]) : Infinity;
  return { count, each: Number(each), deduction: Math.min(raw, limit), unit, said, clause };
}
