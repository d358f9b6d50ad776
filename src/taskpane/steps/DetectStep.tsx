import {
  Badge, Body1, Button, Caption1, createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell,
  DataGridRow, Field, Select, type TableColumnDefinition,
} from "@fluentui/react-components";
import type { IndicatorResult } from "../../engine";
import { RULE_CHOICES } from "../../engine";
import type { Role } from "../../engine";
import { columnLetters, cellText as text } from "../../engine";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

const ROLES: [Role, string][] = [["level1", "一级指标"], ["level2", "二级指标"], ["level3", "三级指标"], ["weight", "权重"], ["target", "目标值"], ["actual", "实际完成值"], ["score", "得分"], ["rule", "评分规则"], ["deviation", "偏差原因"]];
const STATUS_COLOR: Record<string, "success" | "danger" | "warning" | "informative" | "subtle"> = { ok: "success", mismatch: "danger", pending: "informative", unreadable: "warning", "needs-rule": "warning" };

export function statusBadge(S: Strings, status: string) {
  return <Badge appearance="tint" color={STATUS_COLOR[status] ?? "subtle"}>{S.status[status] ?? status}</Badge>;
}

/** 识别: find the tables, show each row's structure, rule and status; correct a column or a row's rule. */
export function DetectStep({ S, api }: { S: Strings; api: SessionApi }) {
  const { state } = api;
  const f = state.found[state.current];
  const columns: TableColumnDefinition<IndicatorResult>[] = [
    createTableColumn<IndicatorResult>({ columnId: "name", renderHeaderCell: () => "指标", renderCell: (r) => <span title={`${r.level1 ?? ""} / ${r.level2 ?? ""}`}>{r.code ? `${r.code} ` : ""}{r.name}</span> }),
    createTableColumn<IndicatorResult>({ columnId: "weight", renderHeaderCell: () => "权重", renderCell: (r) => r.weight ?? "—" }),
    createTableColumn<IndicatorResult>({ columnId: "target", renderHeaderCell: () => "目标 / 实际", renderCell: (r) => `${r.target || "—"} / ${r.actual || "—"}` }),
    createTableColumn<IndicatorResult>({
      columnId: "rule",
      renderHeaderCell: () => S.rule,
      renderCell: (r) => (
        <Select size="small" aria-label={`${S.rule} ${r.name}`} value={api.rowRule(r.index)} onChange={(_, d) => api.setRowRule(r.index, d.value)}>
          <option value="">{r.rule_label ? `${S.ruleAuto}：${r.rule_label}` : S.ruleAuto}</option>
          {RULE_CHOICES.map((k) => <option key={k} value={k}>{k}</option>)}
        </Select>
      ),
    }),
    createTableColumn<IndicatorResult>({ columnId: "status", renderHeaderCell: () => "状态", renderCell: (r) => statusBadge(S, r.status) }),
  ];
  return (
    <div>
      <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
        <Field label="范围 / Scope">
          <Select value={state.settings.scope} onChange={(_, d) => api.setSettings({ scope: d.value as "sheet" | "selection" })}>
            <option value="sheet">{S.scopeSheet}</option>
            <option value="selection">{S.scopeSelection}</option>
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void api.detect()} disabled={state.busy}>{S.detect}</Button>
      </div>
      {state.found.length > 0 && (
        <Field label={S.tables} style={{ marginTop: 8 }}>
          <Select value={String(state.current)} onChange={(_, d) => api.setCurrent(Number(d.value))}>
            {state.found.map((x, i) => <option key={i} value={i}>{`${x.grid.sheet}：${x.result.title || x.table.title || "（无标题）"}（${x.table.indicatorRows.length} ${S.rows}）`}</option>)}
          </Select>
        </Field>
      )}
      {f && (
        <>
          <details style={{ margin: "8px 0" }}>
            <summary><Body1>{S.columns}</Body1></summary>
            <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 4 }}>
              {ROLES.map(([role, label]) => (
                <Field key={role} label={label} size="small">
                  <Select size="small" value={f.table.columns[role] === undefined ? "" : String(f.table.columns[role])} onChange={(_, d) => api.setColumn(f.id, role, d.value === "" ? null : Number(d.value))}>
                    <option value="">{S.unmapped}</option>
                    {(f.grid.cells[f.table.headerRows[0]] ?? []).map((c, i) => <option key={i} value={i}>{`${columnLetters(f.grid.origin.col + i)} ${text(c?.v ?? null)}`}</option>)}
                  </Select>
                </Field>
              ))}
            </div>
            {f.table.issues.map((i) => <Caption1 key={i.address} block>{`${i.address}：${i.message}`}</Caption1>)}
          </details>
          <DataGrid items={f.result.indicators} columns={columns} getRowId={(r: IndicatorResult) => r.index} size="small" aria-label="指标结构">
            <DataGridHeader>
              <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
            </DataGridHeader>
            <DataGridBody<IndicatorResult>>
              {({ item, rowId }) => <DataGridRow<IndicatorResult> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>}
            </DataGridBody>
          </DataGrid>
        </>
      )}
    </div>
  );
}
