import { useCallback, useEffect, useState } from "react";
import {
  DEFAULT_RULES, detectTables, feedPlan, fourDimensionTemplate, issueList, runPipeline, scoreDetected, selfEvaluationTemplate, sideBySidePlan, summaryRows,
  type ReviewRule,
  type DetectedTable, type Grid, type HeldCell, type PipelineOptions, type RatingScheme, type Role, type TableResult, type WritePlan,
} from "../engine";
import type { Gateway } from "./gateway";
import { plainMessage } from "./messages";
import { zh, type Strings } from "./strings";

export interface Settings {
  preset: string;
  rating: RatingScheme;
  tolerance: number;
  mode: "formulas" | "values";
  scope: "sheet" | "selection";
  /** The 复核口径 rulebook as the reviewer set it (on/off, severity, thresholds). */
  rules: ReviewRule[];
}

export interface Found {
  /** The table's stable id (`Sheet1!A5`): corrections and selections refer to it, never to a position. */
  id: string;
  grid: Grid;
  table: DetectedTable;
  result: TableResult;
}

export interface Session {
  settings: Settings;
  found: Found[];
  current: number;
  plans: WritePlan[];
  applied: boolean;
  busy: boolean;
  error: string | null;
  notice: string | null;
  /** The row whose score the pane explains (selected in Excel, or clicked in the list). */
  focus: { id: string; index: number } | null;
  /** The workbook holds EVAL's record: 撤销 can restore (also after the pane was closed or the workbook reopened). */
  undoable: boolean;
  /** Cells the last write left alone (the user's content) or the last 撤销 kept (changed by the user since EVAL wrote them). */
  held: HeldCell[];
  heldBy: "write" | "undo" | null;
}

/** The scored row at a sheet cell (0-based): any cell of an indicator's row, preferring a table spanning the column. */
export function rowAt(found: Found[], sheet: string, row: number, col: number): { id: string; index: number } | null {
  let best: { id: string; index: number } | null = null;
  for (const f of found) {
    if (f.grid.sheet !== sheet) continue;
    const index = f.table.indicatorRows.findIndex((r) => f.grid.origin.row + r === row);
    if (index < 0) continue;
    const width = Math.max(0, ...f.grid.cells.map((r) => r.length));
    if (col >= f.grid.origin.col && col < f.grid.origin.col + width + 4) return { id: f.id, index };
    best ??= { id: f.id, index };
  }
  return best;
}

/** The pane's state and actions. Components render; this orchestrates the gateway and the engine. */
export function useSession(gateway: Gateway | null, S: Strings = zh) {
  const [s, setS] = useState<Session>({
    settings: { preset: "national", rating: "standard", tolerance: 0.01, mode: gateway?.mode === "file" ? "values" : "formulas", scope: "sheet", rules: DEFAULT_RULES.map((r) => ({ ...r, thresholds: { ...r.thresholds } })) },
    found: [],
    current: 0,
    plans: [],
    applied: false,
    busy: false,
    error: null,
    notice: null,
    focus: null,
    undoable: false,
    held: [],
    heldBy: null,
  });
  // 撤销 lives in the workbook's record, not in the pane: ask it whether there is anything to undo.
  useEffect(() => {
    let live = true;
    void gateway?.undoState?.().then((u) => live && setS((x) => ({ ...x, undoable: u !== null }))).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [gateway]);
  const [columns, setColumns] = useState<Record<string, Partial<Record<Role, number | null>>>>({});
  const [ruleOverrides, setRuleOverrides] = useState<Record<string, Record<number, string>>>({});

  /** Run an action: busy while it runs; its patch on success; on failure a plain message (and `onFail`'s patch). */
  const act = useCallback(async (f: () => Promise<Partial<Session> | void>, onFail: Partial<Session> = {}) => {
    setS((x) => ({ ...x, busy: true, error: null, notice: null }));
    try {
      const patch = await f();
      setS((x) => ({ ...x, ...(patch ?? {}), busy: false }));
    } catch (e) {
      setS((x) => ({ ...x, ...onFail, busy: false, error: plainMessage(e, S) }));
    }
  }, [S]);

  const options = (settings: Settings, cols: typeof columns, rules: typeof ruleOverrides): PipelineOptions => ({
    rulebook: settings.rules,
    preset: settings.preset,
    tolerance: settings.tolerance,
    ratingScheme: settings.rating,
    columns: cols,
    rules,
  });
  const score = (grid: Grid, table: DetectedTable, settings: Settings, rules: typeof ruleOverrides): Found => {
    const p = scoreDetected(grid, table, options(settings, columns, rules));
    return { id: p.id, grid, table, result: p.result };
  };

  const detect = (settings = s.settings, cols = columns, rules = ruleOverrides) =>
    act(async () => {
      if (!gateway) throw new Error("尚未打开工作簿");
      const grids = await gateway.read(settings.scope);
      const found: Found[] = runPipeline(grids, options(settings, cols, rules)).map((p) => ({ id: p.id, grid: p.grid, table: p.detected, result: p.result }));
      if (found.length === 0) throw new Error(S.noTable);
      return { found, current: 0, applied: false, focus: null };
    }, { found: [], current: 0, applied: false, focus: null }); // a failed read shows nothing from before

  const setSettings = (patch: Partial<Settings>) => {
    const settings = { ...s.settings, ...patch };
    setS((x) => ({ ...x, settings, found: x.found.map((f) => score(f.grid, f.table, settings, ruleOverrides)) }));
  };

  /** Correct which column holds a role, in the table with this id (on whichever sheet it is). */
  const setColumn = (tableId: string, role: Role, col: number | null) => {
    const cols = { ...columns, [tableId]: { ...(columns[tableId] ?? {}), [role]: col } };
    setColumns(cols);
    void detect(s.settings, cols);
  };

  const setRowRule = (row: number, rule: string) => {
    const f = s.found[s.current];
    if (!f) return;
    const forTable = { ...(ruleOverrides[f.id] ?? {}) };
    if (rule) forTable[row] = rule;
    else delete forTable[row];
    const rules = { ...ruleOverrides, [f.id]: forTable };
    setRuleOverrides(rules);
    setS((x) => ({ ...x, found: x.found.map((g) => (g.id === f.id ? score(g.grid, g.table, x.settings, rules) : g)) }));
  };

  const apply = () =>
    act(async () => {
      if (!gateway) throw new Error("尚未打开工作簿");
      const opts = { ...options(s.settings, columns, ruleOverrides), plan: { mode: s.settings.mode } };
      const scored = s.found.map((f) => scoreDetected(f.grid, f.table, opts));
      const plans = scored.map((p) => p.plan!);
      // A table too large for per-row formulas is written as values: say so (and why) with the result.
      const valuesNotice = scored.map((p) => p.planNotice).filter(Boolean).map((n) => `；${n}`).join("");
      try {
        const report = await gateway.apply(plans);
        const held = report.held.length > 0 ? `；${report.held.length} 个单元格已有您的内容，未写入（见“撤销 / 固化”）` : "";
        return { plans, applied: true, undoable: true, held: report.held, heldBy: "write" as const, notice: `${S.wrote(report.written)}${held}${valuesNotice}` };
      } catch (e) {
        // The record is saved before the first write: whatever a failed write left can be undone (asked, not assumed).
        const u = await gateway.undoState().catch(() => null);
        setS((x) => ({ ...x, undoable: u !== null }));
        throw e;
      }
    });

  /** 撤销 from the workbook's record: EVAL's cells back as they were, the user's later edits kept and listed, EVAL's sheets removed. */
  const undo = () =>
    act(async () => {
      if (!gateway) throw new Error("没有可撤销的写回");
      const r = await gateway.undo();
      const kept = r.kept.length > 0 ? `；${r.kept.length} 个单元格在写回后被修改过，已保留您的内容` : "";
      const sheets = r.sheetsRemoved.length > 0 ? `；已删除 EVAL 新建的工作表 ${r.sheetsRemoved.join("、")}` : "";
      return { plans: [], applied: false, undoable: false, held: r.kept, heldBy: "undo" as const, notice: `已恢复 ${r.restored} 个单元格${kept}${sheets}` };
    });

  const freeze = () =>
    act(async () => {
      if (!gateway || s.plans.length === 0) throw new Error("尚未写回，没有可固化的公式");
      const n = await gateway.freeze(s.plans);
      return { notice: n === 0 ? S.frozenNone : S.frozenCount(n) };
    });

  /** 复核对照: 复核完成值, 复核得分, 偏离度, 复核说明 beside the unit's columns (or in the sheet's own 复核 columns). */
  const sideBySideWrite = () =>
    act(async () => {
      const f = s.found[s.current];
      if (!gateway || !f) throw new Error("请先识别指标表");
      const report = await gateway.apply([sideBySidePlan(f.grid, f.table, f.result, s.settings.rating)]);
      const held = report.held.length > 0 ? `；${report.held.length} 个单元格已有内容，未写入` : "";
      return { undoable: true, held: report.held, heldBy: "write" as const, notice: `已写入复核对照（复核完成值、复核得分、偏离度、复核说明），共 ${report.written} 个单元格${held}；可撤销` };
    });

  /** 问题清单: every finding of every table found, most severe first, on a sheet of its own. */
  const issueSheet = () =>
    act(async () => {
      if (!gateway || s.found.length === 0) throw new Error("请先识别指标表");
      const list = issueList(s.found.map((f) => ({ grid: f.grid, detected: f.table, result: f.result })));
      const rows: (string | number)[][] = [["序号", "严重程度", "规则", "工作表", "单元格", "说明", "建议"], ...list.map((r, i) => [i + 1, r.severity, r.rule, r.sheet, r.cell, r.text, r.fix])];
      const name = await gateway.addSummary("问题清单", rows, 0);
      return { undoable: true, notice: `已生成“${name}”：${list.length} 条（重大 ${list.filter((r) => r.severity === "重大").length}，一般 ${list.filter((r) => r.severity === "一般").length}，提示 ${list.filter((r) => r.severity === "提示").length}）` };
    });

  const summary = () =>
    act(async () => {
      const f = s.found[s.current];
      if (!gateway || !f) throw new Error("请先识别指标表");
      const rows = summaryRows(f.result);
      const name = await gateway.addSummary(`汇总-${f.grid.sheet}`.slice(0, 31), rows, rows.length - 3);
      return { undoable: true, notice: `已生成汇总表“${name}”` };
    });

  const template = (kind: "self" | "four") =>
    act(async () => {
      if (!gateway) throw new Error("尚未打开工作簿");
      await gateway.insertTemplate(kind === "self" ? selfEvaluationTemplate() : fourDimensionTemplate());
      return { notice: "已插入模板" };
    });

  /** Plans written by another step (问卷) join the session's (for 固化); the workbook's record makes them undoable. */
  const record = (plans: WritePlan[]) => setS((x) => ({ ...x, plans: [...x.plans, ...plans], undoable: true }));

  /**
   * Feed a rate to an indicator. An empty 实际完成值 gets it; a reported one is replaced only when `replace` (the
   * pane showed the old and the new value and the user chose to replace); otherwise the rate goes beside the table.
   */
  const feedActual = (indicator: number, rate: number, explanation: string, replace = false) =>
    act(async () => {
      const f = s.found[s.current];
      const col = f?.table.columns.actual;
      const row = f?.table.indicatorRows[indicator];
      if (!gateway || !f || col === undefined || row === undefined) throw new Error("请先识别含“实际完成值”列的指标表");
      const top = Math.min(...f.table.headerRows);
      const plan = feedPlan(f.grid, row, col, rate, explanation, { replace, rows: [top, Math.max(f.table.lastRow, f.table.total?.row ?? 0)] });
      const w = plan.writes[0]!;
      const report = await gateway.apply([plan]);
      if (report.held.length > 0) return { undoable: true, held: report.held, heldBy: "write" as const, notice: `${w.address} 已有内容，未写入` };
      if (w.col - f.grid.origin.col !== col) return { plans: [...s.plans, plan], undoable: true, notice: `已把 ${String(w.value)} 写在表格旁的 ${w.address}（实际完成值未改动，可撤销）` };
      const cells = f.grid.cells.map((r, i) => (i === row ? r.map((c, j) => (j === col ? { ...(c ?? {}), v: plan.writes[0]!.value ?? null } : c)) : r));
      const grid = { ...f.grid, cells };
      const table = detectTables(grid, { columns }).find((t) => t.id === f.id) ?? f.table;
      const found = s.found.map((g) => (g.id === f.id ? score(grid, table, s.settings, ruleOverrides) : g));
      return { found, plans: [...s.plans, plan], undoable: true, notice: `已把 ${String(w.value)} 填入 ${w.address}（原值已保留，可撤销）` };
    });

  const select = (sheet: string, address: string) => act(async () => gateway?.select(sheet, address));

  /** The rule the user chose for a row of the current table ("" when it follows the table and the preset). */
  const rowRule = (row: number): string => {
    const f = s.found[s.current];
    return f ? (ruleOverrides[f.id]?.[row] ?? "") : "";
  };

  /** Explain the row at a sheet cell (the selection-changed event); a cell outside every table clears it. */
  const focusCell = useCallback((sheet: string, row: number, col: number) => setS((x) => ({ ...x, focus: rowAt(x.found, sheet, row, col) })), []);
  const focusRow = (id: string, index: number | null) => setS((x) => ({ ...x, focus: index === null ? null : { id, index } }));

  return { state: s, sideBySideWrite, issueSheet, focusCell, focusRow, record, feedActual, rowRule, detect: () => detect(), setSettings, setColumn, setRowRule, apply, undo, freeze, summary, template, select, setCurrent: (i: number) => setS((x) => ({ ...x, current: i })) };
}

export type SessionApi = ReturnType<typeof useSession>;
