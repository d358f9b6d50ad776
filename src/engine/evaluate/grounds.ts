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
    const found = [...g.matchAll(/([\u4e00-\u9fa5]{2}(?:率|度))(?:为|是|达到|达|:|：)?(\d+(?:\.\d+)?)%/g)].filter((m) => m[1] === key);
    const values = new Set(found.map((m) => Number(m[2])));
    if (values.size !== 1) return null;
    return { target: null, actual: `${found[0]![2]}%`, said: found[0]![0] };
  }
  if (rule.type === "proportional") {
    const clauses = g.split(CLAUSE);
    const figure = (re: RegExp) => clauses.flatMap((c) => {
      const m = re.exec(c);
      return m ? [{ value: m[1]!, unit: m[2]!, said: m[0] }] : [];
    });
    const planned = figure(/^(?:[\u4e00-\u9fa5]{0,6}?)(?:计划|目标|预期|应)[\u4e00-\u9fa5]{0,10}?(\d+(?:\.\d+)?)(万?[\u4e00-\u9fa5]{1,4}|%)$/);
    const done = figure(/^(?:[\u4e00-\u9fa5]{0,6}?)实际[\u4e00-\u9fa5]{0,8}?(\d+(?:\.\d+)?)(万?[\u4e00-\u9fa5]{1,4}|%)$/);
    if (planned.length !== 1 || done.length !== 1 || planned[0]!.unit !== done[0]!.unit) return null;
    const p = planned[0]!;
    const d = done[0]!;
    return { target: `${p.value}${p.unit}`, actual: `${d.value}${d.unit}`, said: `${p.said}，${d.said}` };
  }
  return null;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const countOf = (s: string): number | null => {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGIT[s] ?? null;
  if (s.length === 2 && s[0] === "十") return 10 + (CN_DIGIT[s[1]!] ?? NaN);
  return null;
};
/** Verbs whose first character is enough to find them again (延期 → 延至, 逾期 → 逾, 超期 → 超出). */
const SHORT_VERB = /^[延逾超缺少漏]/;

/**
 * A checklist deduction (每发现一项不合规问题扣1分，扣完为止; 每延期完工1所学校扣1分) and the number of such items the row's 评分依据
 * or 扣分说明 states (发现3项问题; 3所延至9月中旬完工): the deduction that number calls for. Counted only in clauses naming the
 * rule's own verb (发现, 延) or, with none, its noun; null unless exactly one count is stated, or the rule has two such clauses.
 */
export function countedDeduction(ruleText: string, texts: (string | null | undefined)[]): { count: number; each: number; deduction: number; unit: string; said: string; clause: string } | null {
  const rule = normaliseRuleText(ruleText);
  const per = /每([\u4e00-\u9fa5]{0,6}?)(?:一|1)(项|个|处|例|次|所|起|份|笔|条|家|户|批|件|台|套|人)([\u4e00-\u9fa5]{0,16}?)扣(\d+(?:\.\d+)?)分/g;
  const all = [...rule.matchAll(per)];
  if (all.length !== 1) return null;
  const [clause, verb, unit, noun, each] = all[0]! as unknown as [string, string, string, string, string];
  // Points to be earned item by item (每完成一项得1分) are not this; a share deducted (扣10%) is not read here.
  const stem = verb !== "" ? (SHORT_VERB.test(verb) ? verb[0]! : verb.slice(0, 2)) : noun.slice(-2);
  if (stem === "") return null;
  // A generic count word (一例, 一项, 一处) counts items whatever word the findings use for them (1笔差旅费, 2张凭证).
  const units = /^[例项处个次起]$/.test(unit) ? "(?:[例项处个次起笔条份张件宗])" : unit;
  const cap = /最多扣(\d+(?:\.\d+)?)分|扣分不超过(\d+(?:\.\d+)?)分/.exec(rule);
  const counts = new Map<number, string>();
  for (const t of texts) {
    if (!t) continue;
    for (const c of plain(t).split(CLAUSE)) {
      if (!c.includes(stem) || /未发现|没有发现|无(?:问题|不合规)/.test(c)) continue;
      for (const m of c.matchAll(new RegExp(`(\\d+|十[一二三四五六七八九]?|[一二两三四五六七八九])${units}`, "g"))) {
        const n = countOf(m[1]!);
        // A count in a clause that also says what was done right (44所学校中41所于开学前完工) is not the count of failures:
        // only a clause whose one count of this unit sits beside the verb is taken.
        if (n !== null && [...c.matchAll(new RegExp(`\\d+${units}`, "g"))].length <= 1) counts.set(n, c);
      }
    }
  }
  // No count written, but the items listed after the verb (发现以下问题：①…；②…；③…): as many as are numbered, ① on.
  if (counts.size === 0) {
    for (const t of texts) {
      const p = t ? plain(t) : "";
      const at = p.indexOf(stem);
      if (at < 0) continue;
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
