import { Body1, Button, Caption1, Field, Select } from "@fluentui/react-components";
import { RULE_CHOICES, columnLetters, cellText as text, type IndicatorResult, type Role } from "../../engine";
import type { Found, SessionApi } from "../useSession";
import type { Strings } from "../strings";
import { OutcomeChip, ReviewChip, scoreLine } from "./rowView";
import { RowExplanation } from "./WhyPanel";

const ROLES: [Role, string][] = [["level1", "一级指标"], ["level2", "二级指标"], ["level3", "三级指标"], ["weight", "权重"], ["target", "目标值"], ["actual", "实际完成值"], ["score", "得分"], ["rule", "评分规则"], ["deviation", "偏差原因"]];
const wrap = { overflowWrap: "anywhere", wordBreak: "break-word", minWidth: 0 } as const;

/**
 * 识别: find the tables; each indicator as a compact row (its name on its own line; weight and score, target →
 * actual, its outcome and review status as chips) that opens into details: the explanation, the rule (one
 * canonical name per rule family) and the row's findings. Column corrections sit in their own panel.
 */
export function DetectStep({ S, api }: { S: Strings; api: SessionApi }) {
  const { state } = api;
  const f = state.found[state.current];
  return (
    <div style={{ display: "grid", gap: 8, ...wrap }}>
      <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
        <Field label={S.scope} style={{ minWidth: 0, flex: "1 1 120px" }}>
          <Select value={state.settings.scope} onChange={(_, d) => api.setSettings({ scope: d.value as "sheet" | "selection" })}>
            <option value="sheet">{S.scopeSheet}</option>
            <option value="selection">{S.scopeSelection}</option>
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void api.detect()} disabled={state.busy}>{S.detect}</Button>
      </div>
      {state.found.length > 0 && (
        <Field label={S.tables}>
          <Select value={String(state.current)} onChange={(_, d) => api.setCurrent(Number(d.value))} style={{ maxWidth: "100%" }}>
            {state.found.map((x, i) => <option key={x.id} value={i}>{`${x.grid.sheet}：${x.result.title || x.table.title || S.noTitle}（${x.table.indicatorRows.length} ${S.rows}）`}</option>)}
          </Select>
        </Field>
      )}
      {f && (
        <>
          <details>
            <summary><Body1>{S.columns}</Body1></summary>
            <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(130px, 1fr))", gap: 4 }}>
              {ROLES.map(([role, label]) => (
                <Field key={role} label={label} size="small" style={{ minWidth: 0 }}>
                  <Select size="small" value={f.table.columns[role] === undefined ? "" : String(f.table.columns[role])} onChange={(_, d) => api.setColumn(f.id, role, d.value === "" ? null : Number(d.value))}>
                    <option value="">{S.unmapped}</option>
                    {(f.grid.cells[f.table.headerRows[0]] ?? []).map((c, i) => <option key={i} value={i}>{`${columnLetters(f.grid.origin.col + i)} ${text(c?.v ?? null)}`.slice(0, 24)}</option>)}
                  </Select>
                </Field>
              ))}
            </div>
            {f.table.issues.map((i) => <Caption1 key={i.address} block>{`${i.address}：${i.message}`}</Caption1>)}
          </details>
          <details data-testid="row-reasons">
            <summary><Body1>{S.rowReasons(f.table.rows.filter((x) => x.kind !== "indicator").length)}</Body1></summary>
            <ul style={{ margin: "4px 0", paddingLeft: 16 }}>
              {f.table.rows.filter((x) => x.kind !== "indicator").map((x) => (
                <li key={x.row}><Caption1>{`${S.excelRow(f.grid.origin.row + x.row + 1)}：${x.reason}`}</Caption1></li>
              ))}
              {f.table.end && <li><Caption1>{`${S.excelRow(f.grid.origin.row + f.table.end.row + 1)}：${f.table.end.reason}`}</Caption1></li>}
            </ul>
          </details>
          <ul aria-label={S.indicatorList} data-testid="indicators" style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 4 }}>
            {f.result.indicators.map((r) => <IndicatorRow key={r.index} f={f} row={r} S={S} api={api} />)}
          </ul>
        </>
      )}
    </div>
  );
}

/** One indicator: a summary line that opens (click, Enter or Space) into its details. */
function IndicatorRow({ f, row, S, api }: { f: Found; row: IndicatorResult; S: Strings; api: SessionApi }) {
  const open = api.state.focus?.id === f.id && api.state.focus.index === row.index;
  const excelRow = f.grid.origin.row + f.table.indicatorRows[row.index]! + 1;
  return (
    <li data-testid="indicator" style={{ borderBottom: "1px solid #e0e0e0", paddingBottom: 4 }}>
      <details open={open} onToggle={(e) => { const now = (e.currentTarget as HTMLDetailsElement).open; if (now !== open) api.focusRow(f.id, now ? row.index : null); }}>
        <summary aria-label={`${row.name}，${S.excelRow(excelRow)}`} style={{ cursor: "pointer", listStylePosition: "inside" }}>
          <Body1 style={wrap}><strong>{row.code ? `${row.code} ` : ""}{row.name}</strong></Body1>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 4, alignItems: "center", marginTop: 2 }}>
            <OutcomeChip row={row} S={S} />
            <ReviewChip row={row} S={S} />
            <Caption1>{scoreLine(row, S)}</Caption1>
          </div>
          <Caption1 block style={wrap}>{`${S.target} ${row.target || "—"} → ${S.actual} ${row.actual || "—"}`}</Caption1>
        </summary>
        {/* Built only when open: a 20,000-row table stays a list of summaries. */}
        {open && <div style={{ padding: "4px 0 4px 12px", display: "grid", gap: 4 }}>
          <Field label={S.rule} size="small">
            <Select size="small" aria-label={`${S.rule} ${row.name}`} value={api.rowRule(row.index)} onChange={(_, d) => api.setRowRule(row.index, d.value)}>
              <option value="">{row.rule_label ? `${S.ruleAuto}：${row.rule_label}`.slice(0, 40) : S.ruleAuto}</option>
              {RULE_CHOICES.map((k) => <option key={k} value={k}>{k}</option>)}
            </Select>
          </Field>
          <RowExplanation f={f} index={row.index} S={S} api={api} />
        </div>}
      </details>
    </li>
  );
}
