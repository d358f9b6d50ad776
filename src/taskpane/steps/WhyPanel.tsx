import { Body1, Button, Caption1, Card, Link } from "@fluentui/react-components";
import { describeRowDeviation, explainRow } from "../../engine";
import type { Found, SessionApi } from "../useSession";
import type { Strings } from "../strings";
import { findingCell, findingText, OutcomeChip, ReviewChip, scoreLine } from "./rowView";

const wrap = { overflowWrap: "anywhere", wordBreak: "break-word" } as const;

/** One row's explanation, rule, 偏差分析 and findings: the body of "why this score" and of a row's details. */
export function RowExplanation({ f, index, S, api }: { f: Found; index: number; S: Strings; api: SessionApi }) {
  const row = f.result.indicators[index];
  if (!row) return null;
  const findings = f.result.findings.filter((x) => x.indicator === index);
  return (
    <div style={{ display: "grid", gap: 4, ...wrap }}>
      <Caption1 block><strong>{S.ruleUsed}：</strong>{row.rule_label ?? "—"}</Caption1>
      <Caption1 block><strong>{S.explanation}：</strong>{explainRow(row)}</Caption1>
      <Caption1 block><strong>{S.deviation}：</strong>{row.applicable ? describeRowDeviation(row) : "本指标不适用"}</Caption1>
      {findings.length > 0 && (
        <div>
          <Caption1 block><strong>{S.rowFindings}</strong></Caption1>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {findings.map((x, k) => {
              const t = findingText(x, S);
              const at = findingCell(f, x);
              return (
                <li key={k}>
                  <Caption1>
                    {at && <Link aria-label={S.locate(at.address)} onClick={() => void api.select(f.grid.sheet, at.address)}>{at.address}</Link>}
                    {at ? ` · ${S.excelRow(at.row)} · ` : ""}<strong>{t.label}</strong>：{t.message}
                  </Caption1>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

/** "Why this score": the row under the Excel selection (or the row clicked), explained; shown above the steps. */
export function WhyPanel({ S, api }: { S: Strings; api: SessionApi }) {
  const focus = api.state.focus;
  const f = focus ? api.state.found.find((x) => x.id === focus.id) : undefined;
  const row = focus && f ? f.result.indicators[focus.index] : undefined;
  if (!focus || !f || !row) return null;
  const excelRow = f.grid.origin.row + f.table.indicatorRows[focus.index]! + 1;
  return (
    <Card size="small" role="region" aria-label={S.why} aria-live="polite" data-testid="why" style={{ margin: "8px 0", ...wrap }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "start", gap: 4 }}>
        <Caption1>{S.why} · {S.excelRow(excelRow)}</Caption1>
        <Button size="small" appearance="subtle" aria-label={S.close} onClick={() => api.focusRow(f.id, null)}>✕</Button>
      </div>
      <Body1 block><strong>{row.code ? `${row.code} ` : ""}{row.name}</strong></Body1>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 4, alignItems: "center" }}>
        <OutcomeChip row={row} S={S} />
        <ReviewChip row={row} S={S} />
        <Caption1>{scoreLine(row, S)}</Caption1>
      </div>
      <RowExplanation f={f} index={focus.index} S={S} api={api} />
    </Card>
  );
}
