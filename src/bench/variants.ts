import { columnLetters, parseAddress, TRADITIONAL_PAIRS } from "../engine";
import type { Fixture } from "./corpus";

/** Simplified characters back to the traditional forms EVAL folds (data/traditional.ts), for the traditional and pinyin variants. */
const TRADITIONAL = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  const [t, s] = [TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!];
  if (t !== s && !TRADITIONAL.has(s)) TRADITIONAL.set(s, t);
}
const traditional = (v: Fixture["rows"][number][number]) => (typeof v === "string" ? [...v].map((ch) => TRADITIONAL.get(ch) ?? ch).join("") : v);
/**
 * A page's pinyin glosses (a mirror site that writes the reading after each traditional character: 預(yù)算數(shù)), as a
 * stress test: every text in traditional script with a gloss after every character converted. The cells keep the
 * glosses, the manifest's names with them.
 */
const glossed = (v: Fixture["rows"][number][number]) => (typeof v === "string" ? [...v].map((ch) => (TRADITIONAL.has(ch) ? `${TRADITIONAL.get(ch)}(yù)` : ch)).join("") : v);

/**
 * The same real table as other workbooks hold it: each variant changes how the table is stored, never what it says,
 * so EVAL must read it exactly as the original (same rows, names, scores, slips, no new alarms). They stand in for
 * the ways a table never seen differs from the corpus: how its cells are typed (numbers as text from a system export
 * or a pasted web page, full-width digits from a Chinese input method, percentages, dates, points with 分, signs as
 * words), its words (other provinces' headers, vertical level names) and its shape (merges filled or lost, spare rows
 * and columns, a header over two rows, notes below). Each is applied to a copy; the fixture itself is never changed.
 */
export const VARIANTS: Record<string, { zh: string; apply: (fx: Fixture) => Fixture }> = {
  "numbers-as-text": { zh: "数字存为文本", apply: (fx) => ({ ...fx, rows: fx.rows.map((r) => r.map((v) => (typeof v === "number" && Number.isInteger(v) && v > 1 ? String(v) : v))) }) },
  "full-width": {
    zh: "全角数字",
    apply: (fx) => {
      const wide = (v: Fixture["rows"][number][number]) => (typeof v === "string" ? v.replace(/[0-9%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) : v);
      return { ...fx, rows: fx.rows.map((r) => r.map(wide)) };
    },
  },
  "percent-typed": {
    zh: "百分数按数值输入（带 % 格式）",
    apply: (fx) => {
      const formats = { ...(fx.formats ?? {}) };
      const rows = fx.rows.map((r, i) => r.map((v, c) => {
        const m = typeof v === "string" ? /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(v) : null;
        if (!m) return v;
        // The format shows as many decimals as were written (86.5% → 0.0%), so that the sheet shows what the table wrote.
        const places = m[1]!.split(".")[1]?.length ?? 0;
        formats[`${columnLetters(c)}${i + 1}`] = places > 0 ? `0.${"0".repeat(places)}%` : "0%";
        return Number(m[1]) / 100;
      }));
      return { ...fx, rows, formats };
    },
  },
  "header-words": {
    zh: "表头换用其他地方的说法",
    apply: (fx) => ({ ...fx, rows: fx.rows.map((r) => r.map((v) => (typeof v === "string" ? (OTHER_WORDS[v.replace(/\s+/g, "")] ?? v) : v))) }),
  },
  "dates-typed": {
    zh: "日期按 Excel 日期输入",
    apply: (fx) => {
      const formats = { ...(fx.formats ?? {}) };
      const rows = fx.rows.map((r, i) => r.map((v, c) => {
        const m = typeof v === "string" ? /^\s*(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?\s*$/.exec(v) : null;
        if (!m) return v;
        formats[`${columnLetters(c)}${i + 1}`] = m[3] ? 'yyyy"年"m"月"d"日"' : 'yyyy"年"m"月"';
        return serial(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
      }));
      return { ...fx, rows, formats };
    },
  },
  "notes-below": {
    zh: "表下加注释和签字行",
    apply: (fx) => {
      const width = fx.rows[0]?.length ?? 1;
      const line = (t: string) => [t, ...Array(width - 1).fill(null)];
      return { ...fx, rows: [...fx.rows, Array(width).fill(null), line("注：1.本表由项目单位填报；2.金额单位为万元。"), line("填表人：张某某    联系电话：0000-1234567    填报日期：2024年3月1日")] };
    },
  },
  "points-with-unit": {
    zh: "分值和得分写作“10分”",
    apply: (fx) => {
      // The weight and score columns: the header cells that name them, then every number below in those columns.
      const { header, cols } = pointColumns(fx, /^(?:分值|权重|得分|自评得分|指标分值|分值权重|指标得分)$/);
      // (A number with a format of its own, a weight typed as 20%, stays as it is.)
      const plain = (i: number, c: number) => !(fx.formats ?? {})[`${columnLetters(c)}${i + 1}`];
      const rows = fx.rows.map((r, i) => r.map((v, c) => (i > header && cols.has(c) && typeof v === "number" && plain(i, c) && fx.expected.indicators.some((e) => e.row === i + 1) ? `${v}分` : v)));
      return { ...fx, rows };
    },
  },
  "merges-lost": { zh: "合并单元格丢失（只有首格有字）", apply: (fx) => ({ ...fx, merges: [] }) },
  "weights-as-percent": {
    zh: "分值按百分比输入（10 → 10%）",
    apply: (fx) => {
      const { header, cols } = pointColumns(fx, /^(?:分值|权重|指标分值|分值权重)$/);
      const formats = { ...(fx.formats ?? {}) };
      const rows = fx.rows.map((r, i) => r.map((v, c) => {
        const at = `${columnLetters(c)}${i + 1}`;
        if (i <= header || !cols.has(c) || typeof v !== "number" || formats[at] || !fx.expected.indicators.some((e) => e.row === i + 1)) return v;
        formats[at] = "0%";
        return v / 100;
      }));
      return { ...fx, rows, formats };
    },
  },
  "extra-column": {
    zh: "表格右侧多一列无关内容（资金来源）",
    apply: (fx) => {
      const { header } = pointColumns(fx, /^(?:分值|权重|得分|自评得分|指标分值|分值权重|指标得分)$/);
      if (header < 0) return fx;
      // (A header repeated under the rows, the form's next block, gets the column too.)
      const same = (i: number) => JSON.stringify(fx.rows[i]!.slice(1)) === JSON.stringify(fx.rows[header]!.slice(1));
      const rows = fx.rows.map((r, i) => [...r, i === header || same(i) ? "资金来源" : fx.expected.indicators.some((e) => e.row === i + 1) ? "财政资金" : null]);
      return { ...fx, rows };
    },
  },
  "blank-row-inside": {
    zh: "指标行之间夹一空行",
    apply: (fx) => {
      const rows = [...fx.expected.indicators.map((e) => e.row)].sort((a, b) => a - b);
      // After the second indicator row when there are three or more (a blank row inside the table, not at its end).
      if (rows.length < 3) return fx;
      return insertedRow(fx, rows[1]!);
    },
  },
  "grouped-header": {
    zh: "表头分两行（“绩效指标”合并在各级指标之上）",
    apply: (fx) => {
      const { header } = pointColumns(fx, /^(?:分值|权重|得分|自评得分|指标分值|分值权重|指标得分)$/);
      const row = fx.rows[header];
      if (!row) return fx;
      const levels = row.map((v, c) => (typeof v === "string" && /^(?:一级指标|二级指标|三级指标|指标名称)$/.test(v.replace(/\s+/g, "")) ? c : -1)).filter((c) => c >= 0);
      if (levels.length < 2 || levels.some((c, k) => k > 0 && c !== levels[k - 1]! + 1)) return fx;
      // The merges across the header row (a 绩效指标 label down the left) would cross the new row: leave such tables.
      if (fx.merges.some((m) => { const [a, b] = m.split(":").map((x) => parseAddress(x)!); return a!.row <= header && b!.row >= header && a!.row !== b!.row; })) return fx;
      const moved = insertedRow(fx, header);
      const top = row.map((v, c) => (levels.includes(c) ? (c === levels[0] ? "绩效指标" : null) : v));
      const rows = moved.rows.map((r, i) => (i === header ? top : i === header + 1 ? [...r] : r));
      const merges = [...moved.merges, `${columnLetters(levels[0]!)}${header + 1}:${columnLetters(levels[levels.length - 1]!)}${header + 1}`];
      row.forEach((v, c) => {
        if (!levels.includes(c) && v !== null) {
          rows[header + 1]![c] = null;
          merges.push(`${columnLetters(c)}${header + 1}:${columnLetters(c)}${header + 2}`);
        }
      });
      return { ...moved, rows, merges };
    },
  },
  "vertical-text": {
    zh: "级别名称竖排（产\\n出\\n指\\n标）",
    apply: (fx) => ({ ...fx, rows: fx.rows.map((r) => r.map((v) => (typeof v === "string" && /^(?:产出|效益|效果|满意度|成本)指标$/.test(v) ? [...v].join("\n") : v))) }),
  },
  "amounts-with-separators": {
    zh: "预算金额写作文本“1,234.50”",
    apply: (fx) => {
      const at = fx.expected.budget?.row;
      if (!at) return fx;
      const rows = fx.rows.map((r, i) => (i + 1 >= at && i + 1 <= at + 3 ? r.map((v) => (typeof v === "number" && v >= 1000 ? v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : v)) : r));
      return { ...fx, rows };
    },
  },
  "sign-words": {
    zh: "≥、≤ 写成文字（不低于、不超过）",
    // (Only a cell that is a sign and a figure with its unit: an indicator's name that starts with ≥ is left alone.)
    apply: (fx) => ({ ...fx, rows: fx.rows.map((r) => r.map((v) => (typeof v === "string" && SIGNED.test(v) ? v.replace(/^\s*(?:≥|>=|≧)\s*/, "不低于").replace(/^\s*(?:≤|<=|≦)\s*/, "不超过") : v))) }),
  },
  "sign-after": {
    zh: "≥、≤ 写在数字之后（95%以上、200万元以内）",
    apply: (fx) => ({
      ...fx,
      rows: fx.rows.map((r) => r.map((v) => {
        if (typeof v !== "string") return v;
        const m = SIGNED.exec(v);
        return m ? `${m[2]}${/≥|>=|≧/.test(m[1]!) ? "以上" : "以内"}` : v;
      })),
    }),
  },
  "column-before": { zh: "表格左侧多一空列", apply: (fx) => shifted(fx, 1, 0) },
  "column-inside": { zh: "表格中间多一空列", apply: (fx) => shifted(fx, 1, 0, Math.floor((fx.rows[0]?.length ?? 0) / 2)) },
  "rows-above": { zh: "表格上方多两空行", apply: (fx) => shifted(fx, 0, 2) },
  "spaces": { zh: "单元格首尾空格", apply: (fx) => ({ ...fx, rows: fx.rows.map((r) => r.map((v) => (typeof v === "string" && v.length <= 12 ? ` ${v} ` : v))) }) },
  "line-breaks": { zh: "短文字中换行", apply: (fx) => ({ ...fx, rows: fx.rows.map((r) => r.map((v) => (typeof v === "string" && v.length >= 4 && v.length <= 10 && !/\d/.test(v) ? `${v.slice(0, 2)}\n${v.slice(2)}` : v))) }) },
  "formulas": {
    zh: "得分、合计和执行率由公式算出（单元格存公式及其结果）",
    apply: (fx) => {
      // Every figure under the title as a formula giving it (=ROUND(…)), and each indicator's score column summed by
      // the row after the last indicator when that row shows a number there (a 合计 =SUM): what a unit's workbook holds.
      const first = Math.min(...fx.expected.indicators.map((e) => e.row - 1), fx.rows.length);
      const rows: Fixture["rows"] = fx.rows.map((r, i) => r.map((v) => (i >= 2 && typeof v === "number" && Number.isFinite(v) ? { formula: `ROUND(${v},6)`, result: v } : v)));
      const last = Math.max(...fx.expected.indicators.map((e) => e.row - 1), -1);
      const total = rows[last + 1];
      if (total && last >= first) {
        total.forEach((v, c) => {
          if (v === null || typeof v !== "object") return;
          const col = columnLetters(c);
          total[c] = { formula: `SUM(${col}${first + 1}:${col}${last + 1})`, result: v.result };
        });
      }
      return { ...fx, rows };
    },
  },
  "filled-not-merged": {
    zh: "合并单元格改为逐格填写",
    apply: (fx) => {
      const rows = fx.rows.map((r) => [...r]);
      for (const m of fx.merges) {
        const [a, b] = m.split(":").map((x) => parseAddress(x)!);
        const v = rows[a!.row]?.[a!.col] ?? null;
        // Text only: a merged score or weight copied down would be a different table (two scores), not a different file.
        if (typeof v !== "string") continue;
        for (let r = a!.row; r <= b!.row; r++) for (let c = a!.col; c <= b!.col; c++) if (rows[r]) rows[r]![c] = v;
      }
      return { ...fx, rows, merges: [] };
    },
  },
  // Labels above the indicators written with a colon (年度资金总额：, 实施单位：) or without one: forms differ in that alone.
  "label-colons": {
    zh: "表头以上的标签加冒号（年度资金总额：、实施单位：）",
    apply: (fx) => {
      const first = Math.min(...fx.expected.indicators.map((e) => e.row - 1), fx.rows.length) - 1;
      // (A label by its last word: a value such as a unit's name keeps no colon.)
      const label = (v: Fixture["rows"][number][number]) => typeof v === "string" && /^[\u4e00-\u9fa5]{2,10}$/.test(v.trim()) && /(?:名称|单位|部门|总额|资金|拨款|预算数|执行数|执行率|目标|情况|分值|得分|性|电话|负责人|日期)$/.test(v.trim());
      return { ...fx, rows: fx.rows.map((r, i) => (i < first ? r.map((v) => (label(v) ? `${(v as string).trim()}：` : v)) : r)) };
    },
  },
  // Rates typed as numbers in a percent-formatted cell written as text instead ("86.18%"), as a page or an export has them.
  "percent-as-text": {
    zh: "带 % 格式的数值改为文字（“86.18%”）",
    apply: (fx) => {
      const rows = fx.rows.map((r) => [...r]);
      const formats: Record<string, string> = {};
      for (const [cell, fmt] of Object.entries(fx.formats ?? {})) {
        const at = parseAddress(cell);
        const v = at ? rows[at.row]?.[at.col] : undefined;
        if (at && typeof v === "number" && /%/.test(fmt)) {
          const decimals = (/\.(0+)%/.exec(fmt)?.[1] ?? "").length;
          rows[at.row]![at.col] = `${(v * 100).toFixed(decimals)}%`;
        } else formats[cell] = fmt;
      }
      return { ...fx, rows, formats };
    },
  },
  // A table drawn on a finer grid (a Word or PDF table converted to a sheet): every column two, each cell merged over its
  // pair, merges widened alike.
  "doubled-grid": { zh: "每列拆成两列、单元格跨两列合并（由 Word 或 PDF 转换的表格）", apply: (fx) => finer(fx, true) },
  // The same drawn on a grid twice as fine downwards: every row two, each cell merged over its pair.
  "doubled-rows": { zh: "每行拆成两行、单元格跨两行合并（由 Word 或 PDF 转换的表格）", apply: (fx) => finer(fx, false) },
  // A page converted for Hong Kong or Taiwan readers (宁德's tables are): every text in traditional script, the manifest's
  // names and values with it. A probe (measured, not required) until round twelve, required since, as is pinyin below.
  traditional: { zh: "全部文字为繁体（清单同样转换）", apply: (fx) => retexted(fx, traditional) },
  pinyin: { zh: "全部文字为繁体，并在每个繁体字后加注拼音（镜像网站的写法：預(yù)算數(shù)）", apply: (fx) => retexted(fx, glossed) },
};

/** A sign and a figure with its unit, the whole cell (≥95%, ≤200万元). */
const SIGNED = /^\s*(≥|>=|≧|≤|<=|≦)\s*(\d+(?:\.\d+)?\s*[%\u4e00-\u9fa5]{0,4})\s*$/;

/** The indicator header (the last row above the first indicator naming such a column) and the columns it names. */
function pointColumns(fx: Fixture, names: RegExp): { header: number; cols: Set<number> } {
  const named = (v: unknown) => typeof v === "string" && names.test(v.replace(/\s+/g, ""));
  const first = Math.min(...fx.expected.indicators.map((e) => e.row - 1));
  let header = -1;
  fx.rows.forEach((r, i) => {
    if (i < first && r.some(named)) header = i;
  });
  const cols = new Set<number>();
  (fx.rows[header] ?? []).forEach((v, c) => named(v) && cols.add(c));
  return { header, cols };
}

/** The fixture with an empty row after row `after` (1-based): rows below, merges through it and the manifest move. */
function insertedRow(fx: Fixture, after: number): Fixture {
  const width = fx.rows[0]?.length ?? 0;
  const down = (row: number) => (row > after ? row + 1 : row);
  const move = (a: string) => a.replace(/[A-Z]+\d+/g, (cell) => {
    const p = parseAddress(cell)!;
    return `${columnLetters(p.col)}${down(p.row + 1)}`;
  });
  return relocated(fx, [...fx.rows.slice(0, after), Array(width).fill(null), ...fx.rows.slice(after)], fx.merges.map(move), move, down);
}

/** An Excel date serial (1900 system) for a day. */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Header words as other provinces' forms write them (each seen in published tables). */
const OTHER_WORDS: Record<string, string> = {
  年度指标值: "年度目标值",
  指标值: "目标值",
  实际完成值: "全年实际值",
  全年实际值: "实际完成值",
  完成值: "实际值",
  分值: "权重",
  权重: "分值",
  得分: "自评得分",
  三级指标: "指标名称",
  偏差原因分析及改进措施: "未完成原因分析",
  全年预算数: "调整后预算数",
  全年执行数: "实际支出数",
  执行率: "预算执行率",
};


/**
 * The fixture with `dc` empty columns inserted at column `at` (0: before the table) and `dr` empty rows above, its
 * manifest's rows and cells moved with it; a merge across the inserted column widens over it.
 */
function shifted(fx: Fixture, dc: number, dr: number, at = 0): Fixture {
  const width = (fx.rows[0]?.length ?? 0) + dc;
  const move = (a: string) => a.replace(/[A-Z]+\d+/g, (cell) => {
    const p = parseAddress(cell)!;
    return `${columnLetters(p.col >= at ? p.col + dc : p.col)}${p.row + dr + 1}`;
  });
  const moveMerge = (m: string) => {
    const [a, b] = m.split(":");
    const pa = parseAddress(a!)!;
    const pb = parseAddress(b!)!;
    // A merge that spans the inserted column (starts left of it, ends at or right of it) widens over it.
    const endCol = pb.col >= at ? pb.col + dc : pb.col;
    const startCol = pa.col >= at ? pa.col + dc : pa.col;
    return `${columnLetters(startCol)}${pa.row + dr + 1}:${columnLetters(endCol)}${pb.row + dr + 1}`;
  };
  return relocated(fx, [...Array.from({ length: dr }, () => Array(width).fill(null)), ...fx.rows.map((r) => [...r.slice(0, at), ...Array(dc).fill(null), ...r.slice(at)])], fx.merges.map(moveMerge), move, (n) => n + dr);
}

/**
 * The fixture drawn on a grid twice as fine, across (column c is columns 2c and 2c + 1) or downwards (row r is rows 2r and
 * 2r + 1): every cell merged over its pair, merges widened alike, the manifest's rows and cells moved with them.
 */
function finer(fx: Fixture, across: boolean): Fixture {
  const at = (row: number, col: number) => (across ? `${columnLetters(col * 2)}${row + 1}` : `${columnLetters(col)}${row * 2 + 1}`);
  const end = (row: number, col: number) => (across ? `${columnLetters(col * 2 + 1)}${row + 1}` : `${columnLetters(col)}${row * 2 + 2}`);
  const move = (a: string) => a.replace(/[A-Z]+\d+/g, (cell) => {
    const p = parseAddress(cell)!;
    return at(p.row, p.col);
  });
  const spans = fx.merges.map((m) => {
    const [a, b] = m.split(":").map((x) => parseAddress(x)!);
    return { r1: a!.row, c1: a!.col, r2: b!.row, c2: b!.col };
  });
  const inMerge = (r: number, c: number) => spans.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
  const merges = spans.map((m) => `${at(m.r1, m.c1)}:${end(m.r2, m.c2)}`);
  fx.rows.forEach((r, i) => r.forEach((v, c) => {
    if (v !== null && !inMerge(i, c)) merges.push(`${at(i, c)}:${end(i, c)}`);
  }));
  const rows = across ? fx.rows.map((r) => r.flatMap((v) => [v, null])) : fx.rows.flatMap((r) => [r, r.map(() => null)]);
  return relocated(fx, rows, merges, move, (n) => (across ? n : n * 2 - 1));
}

/** The fixture with new rows and merges, its formats and its manifest's cells moved by `move` and its rows by `row`. */
function relocated(fx: Fixture, rows: Fixture["rows"], merges: string[], move: (a: string) => string, row: (n: number) => number): Fixture {
  const e = fx.expected;
  return {
    ...fx,
    rows,
    merges,
    formats: Object.fromEntries(Object.entries(fx.formats ?? {}).map(([k, v]) => [move(k), v])),
    expected: {
      ...e,
      indicators: e.indicators.map((x) => ({ ...x, row: row(x.row) })),
      budget: e.budget ? { ...e.budget, row: row(e.budget.row) } : e.budget,
      slips: e.slips.map((x) => ({ ...x, cell: move(x.cell) })),
      noise: e.noise.map((x) => ({ ...x, cell: move(x.cell) })),
    },
  };
}

/** Every text of the fixture rewritten by `write`, the manifest's names, targets and actuals with it. */
function retexted(fx: Fixture, write: (v: Fixture["rows"][number][number]) => Fixture["rows"][number][number]): Fixture {
  const e = fx.expected;
  return { ...fx, rows: fx.rows.map((r) => r.map(write)), expected: { ...e, indicators: e.indicators.map((x) => ({ ...x, name: String(write(x.name)), target: write(x.target) as string, actual: write(x.actual) as string })) } };
}
