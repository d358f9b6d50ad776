import { Body1, Button, Caption1, Link } from "@fluentui/react-components";
import { pts } from "../../engine";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";
import { findingCell, findingText } from "./rowView";

const wrap = { overflowWrap: "anywhere", wordBreak: "break-word" } as const;

/**
 * 计算并写回 result and 复核: totals, then every finding with the Excel cell and row it concerns (G9 · 第 9 行)
 * and its Chinese label; clicking the cell selects it.
 */
export function ReviewStep({ S, api }: { S: Strings; api: SessionApi }) {
  const f = api.state.found[api.state.current];
  if (!f) return <Body1>{S.detectFirst}</Body1>;
  const r = f.result;
  const open = r.indicators.filter((i) => i.applicable && i.score === null).length + (r.budget && r.budget.score === null ? 1 : 0);
  return (
    <div style={wrap}>
      <Body1 block>
        {S.total}：<strong data-testid="total">{r.total !== null ? r.total.toFixed(2) : r.indicators.length === 0 ? S.budgetOnlyTotal : S.uncheckedTotal(open, pts(r.partial_total))}</strong>
      </Body1>
      <Body1 block>{S.reportedTotal}：{r.reported_total ?? "—"}</Body1>
      <Body1 block>{S.ratingOf}：<strong>{r.rating ?? "—"}</strong>（{S.reported}：{r.reported_rating ?? "—"}）</Body1>
      <div style={{ display: "flex", gap: 6, flexWrap: "wrap", margin: "6px 0" }}>
        <Button size="small" onClick={() => void api.sideBySideWrite()} disabled={api.state.busy} title={S.sideBySideHint}>{S.sideBySide}</Button>
        <Button size="small" onClick={() => void api.issueSheet()} disabled={api.state.busy} title={S.issueSheetHint}>{S.issueSheet}</Button>
      </div>
      <Body1 block style={{ marginTop: 8 }}>{S.findings}（{r.findings.length}）</Body1>
      {r.findings.length === 0 && <Caption1>{S.noFindings}</Caption1>}
      <ul style={{ paddingLeft: 18, margin: "4px 0" }} data-testid="findings">
        {r.findings.map((x, k) => {
          const at = findingCell(f, x);
          const t = findingText(x, S);
          return (
            <li key={k} style={{ color: x.severity === "error" ? "#a4262c" : undefined, marginBottom: 4 }}>
              <Caption1>[{S.severity[x.severity] ?? x.severity}] </Caption1>
              {at ? <><Link aria-label={S.locate(at.address)} title={S.clickToSelect} onClick={() => void api.select(f.grid.sheet, at.address)}>{at.address}</Link>{` · ${S.excelRow(at.row)} · `}</> : null}
              <strong>{t.label}</strong>：{t.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
