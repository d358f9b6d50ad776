import { Body1, Caption1, Link } from "@fluentui/react-components";
import { address } from "../../engine";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

const SEVERITY: Record<string, string> = { error: "错误", warning: "注意", info: "提示" };

/** 计算并写回 result and 复核: totals, then every finding; clicking one selects its cell. */
export function ReviewStep({ S, api }: { S: Strings; api: SessionApi }) {
  const f = api.state.found[api.state.current];
  if (!f) return <Body1>{S.noTable}</Body1>;
  const r = f.result;
  const cellOf = (i: number | null, code: string) => {
    const b = f.table.budget;
    if (i === null && code.startsWith("budget") && b) return address(f.grid, b.row, b.columns.score ?? b.columns.rate ?? 0);
    if (i === null) return f.table.total ? address(f.grid, f.table.total.row, f.table.total.col ?? 0) : null;
    const row = f.table.indicatorRows[i];
    return row === undefined ? null : address(f.grid, row, f.table.columns.score ?? f.table.columns.level3 ?? 0);
  };
  return (
    <div>
      <Body1 block>
        {S.total}：<strong data-testid="total">{r.total === null ? `—（已计分 ${r.partial_total.toFixed(2)}）` : r.total.toFixed(2)}</strong> {S.reportedTotal}：{r.reported_total ?? "—"} 等级：<strong>{r.rating ?? "—"}</strong>（报告：{r.reported_rating ?? "—"}）
      </Body1>
      <Body1 block style={{ marginTop: 8 }}>{S.findings}（{r.findings.length}）</Body1>
      {r.findings.length === 0 && <Caption1>{S.noFindings}</Caption1>}
      <ul style={{ paddingLeft: 18 }} data-testid="findings">
        {r.findings.map((x, k) => {
          const a = cellOf(x.indicator, x.code);
          return (
            <li key={k} style={{ color: x.severity === "error" ? "#a4262c" : undefined }}>
              <Caption1 title={x.code}>[{SEVERITY[x.severity] ?? x.severity}] </Caption1>
              {a ? <Link title={S.clickToSelect} onClick={() => void api.select(f.grid.sheet, a)}>{a}</Link> : null} {x.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
