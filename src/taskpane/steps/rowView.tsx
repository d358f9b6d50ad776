import { Badge } from "@fluentui/react-components";
import { address, findingLabel, outcomeLabel, outcomeOf, pts, type Finding, type IndicatorResult, type OutcomeKind } from "../../engine";
import type { Found } from "../useSession";
import type { Strings } from "../strings";

type ChipColor = "success" | "danger" | "warning" | "informative" | "subtle" | "brand";

const OUTCOME_COLOR: Record<OutcomeKind, ChipColor> = { met: "success", exceeded: "brand", missed: "warning", "not-applicable": "subtle", unknown: "informative" };
const REVIEW_COLOR: Record<string, ChipColor> = { ok: "success", mismatch: "danger", pending: "informative", unreadable: "danger", "needs-rule": "warning", "no-weight": "subtle" };

/** The row's outcome as the pane shows it: the same label the note and the 偏差分析 start with. */
export function outcomeChip(row: IndicatorResult, S: Strings): { label: string; color: ChipColor } {
  const o = outcomeOf(row);
  return { label: outcomeLabel(o, S.lang), color: OUTCOME_COLOR[o.kind] };
}

export function OutcomeChip({ row, S }: { row: IndicatorResult; S: Strings }) {
  const c = outcomeChip(row, S);
  return <Badge appearance="tint" color={c.color} data-testid="outcome">{c.label}</Badge>;
}

/** The review status (一致 / 不符 …) as a chip. */
export function ReviewChip({ row, S }: { row: IndicatorResult; S: Strings }) {
  return <Badge appearance="outline" color={REVIEW_COLOR[row.status] ?? "subtle"}>{S.status[row.status] ?? row.status}</Badge>;
}

/** `18.95 / 20（报告 18.98）`, or what stands in for a score. */
export function scoreLine(row: IndicatorResult, S: Strings): string {
  if (row.score === null) return row.weight === null ? "" : `${S.weight} ${pts(row.weight)}`;
  const reported = row.reported_score !== null && row.status === "mismatch" ? `（${S.reported} ${pts(row.reported_score)}）` : "";
  return `${S.score} ${pts(row.score)} / ${pts(row.weight ?? 0)}${reported}`;
}

/** The Excel cell a finding points at (the reported score, else the name; the total or budget block for table findings). */
export function findingCell(f: Found, x: Pick<Finding, "indicator" | "code">): { address: string; row: number } | null {
  const b = f.table.budget;
  const at = (r: number, c: number) => ({ address: address(f.grid, r, c), row: f.grid.origin.row + r + 1 });
  if (x.indicator === null && x.code.startsWith("budget") && b) return at(b.row, b.columns.score ?? b.columns.rate ?? 0);
  if (x.indicator === null) return f.table.total ? at(f.table.total.row, f.table.total.col ?? 0) : null;
  const r = f.table.indicatorRows[x.indicator];
  return r === undefined ? null : at(r, f.table.columns.score ?? f.table.columns.level3 ?? 0);
}

/** A finding as people read it: its Chinese label (the code stays in the JSON) and its message. */
export function findingText(x: Finding, S: Strings): { label: string; message: string } {
  return { label: findingLabel(x.code, S.lang), message: x.message };
}
