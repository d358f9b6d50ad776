import { useCallback, useState } from "react";
import { detectTables, type DetectedTable } from "../engine/layout/detect";
import { buildPlan, undoPlan, type WritePlan } from "../engine/layout/plan";
import { summaryRows } from "../engine/layout/summary";
import { feedPlan } from "../engine/survey/plan";
import { fourDimensionTemplate, selfEvaluationTemplate } from "../engine/layout/template";
import type { Role } from "../engine/layout/headers";
import type { Grid } from "../engine/layout/grid";
import { evaluateTable } from "../engine/evaluate/table";
import type { TableResult } from "../engine/evaluate/types";
import type { RatingScheme } from "../engine/evaluate/rating";
import type { Gateway } from "./gateway";

export interface Settings {
  preset: string;
  rating: RatingScheme;
  tolerance: number;
  mode: "formulas" | "values";
  scope: "sheet" | "selection";
}

export interface Found {
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
}

/** The pane's state and actions. Components render; this orchestrates the gateway and the engine. */
export function useSession(gateway: Gateway | null) {
  const [s, setS] = useState<Session>({
    settings: { preset: "national", rating: "standard", tolerance: 0.01, mode: gateway?.mode === "file" ? "values" : "formulas", scope: "sheet" },
    found: [],
    current: 0,
    plans: [],
    applied: false,
    busy: false,
    error: null,
    notice: null,
  });
  const [columns, setColumns] = useState<Record<number, Partial<Record<Role, number | null>>>>({});
  const [ruleOverrides, setRuleOverrides] = useState<Record<string, string>>({});

  const act = useCallback(async (f: () => Promise<Partial<Session> | void>) => {
    setS((x) => ({ ...x, busy: true, error: null, notice: null }));
    try {
      const patch = await f();
      setS((x) => ({ ...x, ...(patch ?? {}), busy: false }));
    } catch (e) {
      setS((x) => ({ ...x, busy: false, error: (e as Error).message }));
    }
  }, []);

  const score = (grid: Grid, table: DetectedTable, settings: Settings, overrides: Record<string, string>, tableKey: string): Found => {
    const indicators = table.table.indicators.map((row, i) => (overrides[`${tableKey}:${i}`] ? { ...row, rule: overrides[`${tableKey}:${i}`] } : row));
    const result = evaluateTable({ ...table.table, indicators }, { preset: settings.preset, tolerance: settings.tolerance, ratingScheme: settings.rating });
    result.title = result.title || table.title;
    return { grid, table, result };
  };

  const detect = (settings = s.settings, cols = columns, overrides = ruleOverrides) =>
    act(async () => {
      if (!gateway) throw new Error("尚未打开工作簿");
      const grids = await gateway.read(settings.scope);
      const found: Found[] = [];
      for (const grid of grids) {
        detectTables(grid, { columns: cols }).forEach((t, i) => found.push(score(grid, t, settings, overrides, `${grid.sheet}#${i}`)));
      }
      if (found.length === 0) throw new Error("没有找到指标表：需要含 三级指标/指标名称、权重、目标值、实际完成值 等表头的区域。");
      return { found, current: 0, applied: false };
    });

  const setSettings = (patch: Partial<Settings>) => {
    const settings = { ...s.settings, ...patch };
    setS((x) => ({ ...x, settings, found: x.found.map((f, i) => score(f.grid, f.table, settings, ruleOverrides, `${f.grid.sheet}#${i}`)) }));
  };

  const setColumn = (tableIndex: number, role: Role, col: number | null) => {
    const cols = { ...columns, [tableIndex]: { ...(columns[tableIndex] ?? {}), [role]: col } };
    setColumns(cols);
    void detect(s.settings, cols);
  };

  const setRowRule = (row: number, rule: string) => {
    const f = s.found[s.current];
    if (!f) return;
    const key = `${f.grid.sheet}#${s.current}:${row}`;
    const overrides = { ...ruleOverrides, [key]: rule };
    if (!rule) delete overrides[key];
    setRuleOverrides(overrides);
    setS((x) => ({ ...x, found: x.found.map((g, i) => (i === x.current ? score(g.grid, g.table, x.settings, overrides, `${g.grid.sheet}#${i}`) : g)) }));
  };

  const apply = () =>
    act(async () => {
      if (!gateway) throw new Error("尚未打开工作簿");
      const plans = s.found.map((f) => buildPlan(f.grid, f.table, f.result, { mode: s.settings.mode, preset: f.result.preset }));
      await gateway.apply(plans);
      return { plans, applied: true, notice: `已写回 ${plans.reduce((n, p) => n + p.writes.length, 0)} 个单元格` };
    });

  const undo = () =>
    act(async () => {
      if (!gateway || s.plans.length === 0) throw new Error("没有可撤销的写回");
      await gateway.apply([...s.plans].reverse().map(undoPlan));
      return { plans: [], applied: false, notice: "已恢复上次写回前的内容" };
    });

  const freeze = () =>
    act(async () => {
      if (!gateway || s.plans.length === 0) throw new Error("尚未写回，没有可固化的公式");
      const n = await gateway.freeze(s.plans);
      return { notice: `已把 ${n} 个 EVAL 公式转为数值` };
    });

  const summary = () =>
    act(async () => {
      const f = s.found[s.current];
      if (!gateway || !f) throw new Error("请先识别指标表");
      const rows = summaryRows(f.result);
      await gateway.addSummary(`汇总-${f.grid.sheet}`.slice(0, 31), rows, rows.length - 3);
      return { notice: `已生成汇总表“汇总-${f.grid.sheet}”` };
    });

  const template = (kind: "self" | "four") =>
    act(async () => {
      if (!gateway) throw new Error("尚未打开工作簿");
      await gateway.insertTemplate(kind === "self" ? selfEvaluationTemplate() : fourDimensionTemplate());
      return { notice: "已插入模板" };
    });

  /** Plans written by another step (问卷) join the session's, so 撤销 restores them too. */
  const record = (plans: WritePlan[]) => setS((x) => ({ ...x, plans: [...x.plans, ...plans] }));

  /** Write a rate into an indicator's 实际完成值 (the old text kept for 撤销), then rescore the table. */
  const feedActual = (indicator: number, rate: number, explanation: string) =>
    act(async () => {
      const f = s.found[s.current];
      const col = f?.table.columns.actual;
      const row = f?.table.indicatorRows[indicator];
      if (!gateway || !f || col === undefined || row === undefined) throw new Error("请先识别含“实际完成值”列的指标表");
      const plan = feedPlan(f.grid, row, col, rate, explanation);
      await gateway.apply([plan]);
      const cells = f.grid.cells.map((r, i) => (i === row ? r.map((c, j) => (j === col ? { ...(c ?? {}), v: plan.writes[0]!.value ?? null } : c)) : r));
      const grid = { ...f.grid, cells };
      const table = detectTables(grid, { columns }).find((t) => t.headerRows[0] === f.table.headerRows[0]) ?? f.table;
      const found = s.found.map((g, i) => (i === s.current ? score(grid, table, s.settings, ruleOverrides, `${grid.sheet}#${i}`) : g));
      return { found, plans: [...s.plans, plan], notice: `已把 ${plan.writes[0]!.value} 填入 ${plan.writes[0]!.address}（原值已保留，可撤销）` };
    });

  const select = (sheet: string, address: string) => act(async () => gateway?.select(sheet, address));

  /** The rule the user chose for a row of the current table ("" when it follows the table and the preset). */
  const rowRule = (row: number): string => {
    const f = s.found[s.current];
    return f ? (ruleOverrides[`${f.grid.sheet}#${s.current}:${row}`] ?? "") : "";
  };

  return { state: s, record, feedActual, rowRule, detect: () => detect(), setSettings, setColumn, setRowRule, apply, undo, freeze, summary, template, select, setCurrent: (i: number) => setS((x) => ({ ...x, current: i })) };
}

export type SessionApi = ReturnType<typeof useSession>;
