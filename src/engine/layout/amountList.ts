import { readAmount } from "../measure/number";
import { amountOf } from "./cellText";
import { address, continuesAbove, labelText, type Grid } from "./grid";

/**
 * A list of amounts written one per line, label beside amount (年度预算资金总额: | 1084.25, then 其中:中央补助 | 668, 市级资金 |
 * 343 …): a whole and its parts. A funds record inside an indicator (彭水's 预算资金安排) is written so.
 */
export interface AmountGroup {
  /** The whole's label and amount, and the amount's cell. */
  label: string;
  total: number;
  cell: string;
  parts: { label: string; amount: number; cell: string }[];
}

const squash = labelText;
/** Lines that are not a source of the funds but what became of them (到位, 支出, 执行, 结余) or a share of them. */
const NOT_A_SOURCE = /到位|支出|执行|结余|结转|占比|比例|率|实际/;
/** The label of a whole. */
const WHOLE = /总额|合计|总计|小计/;

/** A label without its colon, nor a closing bracket that opens nowhere (年度预算资金总额):). */
function bareLabel(s: string): string {
  const t = s.replace(/[:：]+$/, "");
  return /[)）]$/.test(t) && !/[(（]/.test(t) ? t.replace(/[)）]+$/, "") : t;
}

/** A row's label and its one amount (a number, or an amount with its unit), or null when it has none or several. */
function labelled(grid: Grid, r: number): { label: string; amount: number | null; cell: string } | null {
  const row = grid.cells[r] ?? [];
  let label = "";
  let found: { amount: number; cell: string } | null = null;
  for (let c = 0; c < row.length; c++) {
    const v = row[c]?.v;
    if (v === null || v === undefined || v === "") continue;
    const a = typeof v === "number" || /^\s*[\d,]+(?:\.\d+)?\s*(?:万元|元|亿元)?\s*$/.test(String(v)) ? readAmount(amountOf(row[c]!)) : null;
    if (a && !Number.isNaN(a.value)) {
      if (found || label === "") return null;
      found = { amount: a.value, cell: address(grid, r, c) };
    } else if (!found) label = bareLabel(squash(v));
    else return null;
  }
  return label === "" ? null : { label, amount: found?.amount ?? null, cell: found?.cell ?? address(grid, r, 0) };
}

/**
 * The wholes with their parts in rows `from` up to `before`: a line labelled 总额/合计/小计 with its amount, then lines whose
 * first says 其中, each with one amount, up to a line with none, a second 其中, or a line that is no source of funds. Lines
 * with two amounts or more (a budget block's rows), and the rows in `skip` (the indicators'), are not such a list.
 */
export function amountGroups(grid: Grid, from: number, before: number, skip: ReadonlySet<number> = new Set()): AmountGroup[] {
  const out: AmountGroup[] = [];
  let open: AmountGroup | null = null;
  for (let r = Math.max(0, from); r < before; r++) {
    // (The lower half of cells merged down, a table drawn on a finer grid, is no line.)
    if (continuesAbove(grid, r)) continue;
    // An indicator's own row (a weight, a score) is not a line of such a list.
    const line = skip.has(r) ? null : labelled(grid, r);
    if (!line || line.amount === null) {
      open = null;
      continue;
    }
    if (WHOLE.test(line.label)) {
      open = { label: line.label, total: line.amount, cell: line.cell, parts: [] };
      out.push(open);
    } else if (open && /^其中/.test(line.label) === (open.parts.length === 0) && !NOT_A_SOURCE.test(line.label.replace(/[(（][^)）]*[)）]/g, ""))) {
      // The first part says 其中; a second 其中 (a breakdown of a part) or a line that is no source of funds (实际到位资金,
      // 实际支出) ends the list: never guessed at.
      open.parts.push({ label: line.label.replace(/^其中[:：]?/, ""), amount: line.amount, cell: line.cell });
    } else open = null;
  }
  return out.filter((g) => g.parts.length > 0);
}
