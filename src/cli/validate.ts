import type { TableInput } from "../engine";

/**
 * Check one table of the JSON format before the engine sees it: every type error names the file, the table and
 * the field (“a.json 表 2 第 3 行：target 应为文字或数字”). Numbers given for text fields (a code `1`) are
 * accepted as text. Returns the problems (empty when the table can be scored) and the table to score.
 */
export function validateTable(raw: unknown, file: string, tableNo: number): { table: TableInput | null; problems: string[] } {
  const where = `${file} 表 ${tableNo}`;
  const problems: string[] = [];
  if (!isObject(raw)) return { table: null, problems: [`${where}：应为表格对象（含 indicators 数组），实际为${typeName(raw)}`] };
  const t: Record<string, unknown> = { ...raw };
  for (const k of ["id", "title", "kind", "preset", "rating_scheme", "reported_rating"]) textField(t, k, where, problems);
  ruleField(t, "rule", where, problems);
  numOrText(t, "reported_total", where, problems);
  if (t.budget !== undefined && t.budget !== null) {
    if (!isObject(t.budget)) problems.push(`${where}：budget 应为对象或 null，实际为${typeName(t.budget)}`);
    else {
      const b: Record<string, unknown> = { ...t.budget };
      for (const k of ["initial", "full_year", "executed", "weight", "reported_score"]) numOrText(b, k, `${where} 预算`, problems);
      textField(b, "rate_as_written", `${where} 预算`, problems);
      // Amounts may be numbers, text or null (an unreadable one leaves its side unchecked); the shape must hold.
      const amountLike = (v: unknown) => v === null || v === undefined || typeof v === "number" || typeof v === "string";
      const goodSplit = (x: unknown) => isObject(x) && (x.side === "income" || x.side === "expense") && typeof x.cell === "string" && amountLike(x.total) && Array.isArray(x.parts) && x.parts.every((p: unknown) => isObject(p) && typeof p.label === "string" && amountLike(p.amount));
      if (b.splits !== undefined && b.splits !== null && !(Array.isArray(b.splits) && b.splits.every(goodSplit))) {
        problems.push(`${where} 预算：splits 应为 [{side: "income" 或 "expense", cell: 文字, total: 数字或 null, parts: [{label: 文字, amount: 数字或 null}]}] 数组`);
      }
      t.budget = b;
    }
  }
  if (t.texts !== undefined && t.texts !== null && !(Array.isArray(t.texts) && t.texts.every((x) => isObject(x) && typeof x.cell === "string" && typeof x.text === "string"))) {
    problems.push(`${where}：texts 应为 [{cell, text}] 数组（cell、text 均为文字），实际为${typeName(t.texts)}`);
  }
  if (t.points_headed_score !== undefined && t.points_headed_score !== null && !(Array.isArray(t.points_headed_score) && t.points_headed_score.every((x) => typeof x === "string"))) {
    problems.push(`${where}：points_headed_score 应为单元格地址（文字）数组，实际为${typeName(t.points_headed_score)}`);
  }
  if (t.goal_cells !== undefined && t.goal_cells !== null && !(Array.isArray(t.goal_cells) && t.goal_cells.every((x) => isObject(x) && typeof x.cell === "string" && (typeof x.value === "string" || (typeof x.value === "number" && Number.isFinite(x.value)))))) {
    problems.push(`${where}：goal_cells 应为 [{cell, value}] 数组（cell 为文字，value 为文字或数字），实际为${typeName(t.goal_cells)}`);
  }
  if (t.level_totals !== undefined && t.level_totals !== null && !isObject(t.level_totals)) problems.push(`${where}：level_totals 应为对象或 null，实际为${typeName(t.level_totals)}`);
  if (!Array.isArray(t.indicators)) {
    problems.push(`${where}：缺少 indicators 数组（每行一个指标）${t.indicators === undefined ? "" : `，实际为${typeName(t.indicators)}`}`);
    return { table: null, problems };
  }
  t.indicators = t.indicators.map((row: unknown, i: number) => {
    const w = `${where} 第 ${i + 1} 行`;
    if (!isObject(row)) {
      problems.push(`${w}：应为指标对象，实际为${typeName(row)}`);
      return row;
    }
    const r: Record<string, unknown> = { ...row };
    for (const k of ["code", "level1", "level2", "level3", "name", "rule_text", "deviation_note"]) textField(r, k, w, problems);
    for (const k of ["weight", "target", "actual", "completion_as_written", "reported_score"]) numOrText(r, k, w, problems);
    for (const k of ["level1_weight", "level2_weight"]) {
      const v = r[k];
      if (v !== undefined && v !== null && typeof v !== "number") problems.push(`${w}：${k} 应为数字，实际为${typeName(v)}`);
    }
    ruleField(r, "rule", w, problems);
    const j = r.judgement;
    if (j !== undefined && j !== null && typeof j !== "string" && typeof j !== "number" && !(Array.isArray(j) && j.every((x) => typeof x === "boolean"))) {
      problems.push(`${w}：judgement 应为文字、数字或 true/false 数组，实际为${typeName(j)}`);
    }
    if (r.applicable !== undefined && r.applicable !== null && typeof r.applicable !== "boolean") problems.push(`${w}：applicable 应为 true 或 false，实际为${typeName(r.applicable)}`);
    return r;
  });
  return { table: problems.length ? null : (t as unknown as TableInput), problems };
}

function textField(o: Record<string, unknown>, k: string, where: string, problems: string[]): void {
  const v = o[k];
  if (v === undefined || v === null || typeof v === "string") return;
  if (typeof v === "number" && Number.isFinite(v)) o[k] = String(v);
  else problems.push(`${where}：${k} 应为文字，实际为${typeName(v)}`);
}

function numOrText(o: Record<string, unknown>, k: string, where: string, problems: string[]): void {
  const v = o[k];
  if (v === undefined || v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) return;
  problems.push(`${where}：${k} 应为文字或数字，实际为${typeName(v)}`);
}

function ruleField(o: Record<string, unknown>, k: string, where: string, problems: string[]): void {
  const v = o[k];
  if (v === undefined || v === null || typeof v === "string") return;
  if (!isObject(v)) problems.push(`${where}：${k} 应为规则名称（文字）或规则对象，实际为${typeName(v)}`);
  else if (typeof v.type !== "string") problems.push(`${where}：${k} 规则对象缺少文字类型的 type 字段`);
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function typeName(v: unknown): string {
  if (v === null) return " null";
  if (Array.isArray(v)) return "数组";
  switch (typeof v) {
    case "string":
      return "文字";
    case "number":
      return Number.isFinite(v) ? "数字" : "非有限数字";
    case "boolean":
      return ` ${String(v)}`;
    case "object":
      return "对象";
    default:
      return typeof v;
  }
}
