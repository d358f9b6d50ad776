import { useMemo, useState } from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { detectSurveys, feedReplaces, type SurveyBlock } from "../../engine";
import { surveyPlan, surveyResult } from "../../engine";
import { compositeRate, DEFAULT_POSITIVE } from "../../engine";
import { columnLetters, pct } from "../../engine";
import type { Grid } from "../../engine";
import type { Gateway } from "../gateway";
import { plainMessage } from "../messages";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

const split = (s: string) => s.split(/[,，、;；\s]+/).filter(Boolean);

/**
 * 问卷: find the question tables in the sheet, compute each one's positive share and check its counts and
 * shares, write the results beside them, and feed a rate (or the mean of several) into an indicator's 实际完成值.
 */
export function SurveyStep({ S, api, gateway }: { S: Strings; api: SessionApi; gateway: Gateway }) {
  const [found, setFound] = useState<{ grid: Grid; block: SurveyBlock }[]>([]);
  const [positive, setPositive] = useState(DEFAULT_POSITIVE.join("、"));
  const [valid, setValid] = useState("");
  const [source, setSource] = useState("mean");
  const [target, setTarget] = useState("");
  const [local, setLocal] = useState<{ error?: string; notice?: string }>({});
  /** A feed that would replace a reported actual, waiting for the user's choice (old and new shown). */
  const [confirm, setConfirm] = useState<{ indicator: number; rate: number; explanation: string; old: string; address: string } | null>(null);
  const pos = useMemo(() => split(positive), [positive]);
  const results = useMemo(() => {
    const v = valid.trim() === "" ? null : Number(valid);
    return found.map((f) => ({ grid: f.grid, r: surveyResult(f.block, pos, Number.isFinite(v) ? v : null) }));
  }, [found, pos, valid]);
  const rates = results.map((x) => x.r.rate).filter((x): x is number => x !== null);
  const mean = compositeRate(rates);
  const table = api.state.found[api.state.current];
  const indicators = table?.result.indicators ?? [];
  const likely = indicators.filter((i) => /满意|知晓|认可|了解/.test(i.name));

  const find = async () => {
    setLocal({});
    try {
      const grids = await gateway.read(api.state.settings.scope);
      const blocks = grids.flatMap((grid) => detectSurveys(grid).map((block) => ({ grid, block })));
      if (blocks.length === 0) throw new Error(S.noSurvey);
      setFound(blocks);
    } catch (e) {
      setLocal({ error: plainMessage(e, S) });
    }
  };
  const write = async () => {
    setLocal({});
    try {
      const grids = [...new Set(results.map((x) => x.grid))];
      const plans = grids.map((g) => surveyPlan(g, results.filter((x) => x.grid === g).map((x) => x.r), pos, api.state.settings.mode));
      const report = await gateway.apply(plans);
      api.record(plans);
      setLocal({ notice: `${S.surveyWritten}：${report.written}${report.held.length > 0 ? `（${report.held.length} 个单元格已有内容，未写入）` : ""}` });
    } catch (e) {
      setLocal({ error: plainMessage(e, S) });
    }
  };
  const feed = () => {
    const i = Number(target);
    if (target === "" || !Number.isInteger(i)) return;
    const chosen = source === "mean" ? (mean.ok ? { rate: mean.value, explanation: mean.explanation } : null) : (() => {
      const r = results[Number(source)]?.r;
      return r && r.rate !== null ? { rate: r.rate, explanation: r.explanation } : null;
    })();
    if (!chosen || !table) return;
    const col = table.table.columns.actual;
    const row = table.table.indicatorRows[i];
    const old = col !== undefined && row !== undefined ? feedReplaces(table.grid, row, col) : null;
    // A reported actual is never replaced without the user seeing the old and the new value.
    if (old !== null && col !== undefined && row !== undefined) {
      setConfirm({ indicator: i, ...chosen, old, address: `${columnLetters(table.grid.origin.col + col)}${table.grid.origin.row + row + 1}` });
      return;
    }
    void api.feedActual(i, chosen.rate, chosen.explanation);
  };
  const decide = (replace: boolean) => {
    if (!confirm) return;
    void api.feedActual(confirm.indicator, confirm.rate, confirm.explanation, replace);
    setConfirm(null);
  };

  return (
    <div style={{ display: "grid", gap: 8, minWidth: 0, overflowWrap: "anywhere", wordBreak: "break-word" }}>
      <Button appearance="primary" onClick={() => void find()}>{S.findSurvey}</Button>
      <Field label={S.positive} hint={S.positiveHint}>
        <Input value={positive} onChange={(_, d) => setPositive(d.value)} />
      </Field>
      <Field label={S.validCount} hint={S.validHint}>
        <Input type="number" min="0" value={valid} onChange={(_, d) => setValid(d.value)} />
      </Field>
      {local.error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody><MessageBarTitle>{S.error}</MessageBarTitle>{local.error}</MessageBarBody>
        </MessageBar>
      )}
      {local.notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{local.notice}</MessageBarBody>
        </MessageBar>
      )}
      {results.length > 0 && (
        <>
          <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="survey-results">
            {results.map(({ r }, k) => (
              <li key={k}>
                <Body1 block>{r.block.question.question}：<strong>{r.rate === null ? "—" : pct(r.rate)}</strong></Body1>
                <Caption1 block>{r.explanation}</Caption1>
                {r.findings.map((f, j) => <Caption1 block key={j} style={{ color: f.severity === "error" ? "#a4262c" : undefined }}>{f.message}</Caption1>)}
              </li>
            ))}
          </ul>
          {mean.ok && rates.length > 1 && <Body1 block data-testid="survey-mean">{S.surveyMean}：{pct(mean.value)}（{mean.explanation}）</Body1>}
          <Button onClick={() => void write()}>{S.writeSurvey}</Button>
          {table && (
            <div style={{ display: "grid", gap: 4 }}>
              <Field label={S.feedSource}>
                <Select style={{ maxWidth: "100%" }} value={source} onChange={(_, d) => setSource(d.value)}>
                  {mean.ok && <option value="mean">{`${S.surveyMean} ${pct(mean.value)}`}</option>}
                  {results.map(({ r }, k) => r.rate !== null && <option key={k} value={String(k)}>{`${r.block.question.question.slice(0, 24)} ${pct(r.rate)}`}</option>)}
                </Select>
              </Field>
              <Field label={S.feedTarget}>
                <Select style={{ maxWidth: "100%" }} value={target} onChange={(_, d) => setTarget(d.value)}>
                  <option value="">—</option>
                  {(likely.length > 0 ? likely : indicators).map((i) => <option key={i.index} value={String(i.index)}>{`${i.name}（${i.actual || "未填写"}）`}</option>)}
                </Select>
              </Field>
              <Button disabled={target === "" || api.state.busy || confirm !== null} onClick={feed}>{S.feed}</Button>
              {confirm && (
                <MessageBar intent="warning" layout="multiline" data-testid="feed-confirm">
                  <MessageBarBody>
                    <MessageBarTitle>实际完成值已有内容</MessageBarTitle>
                    {`${confirm.address} 现为 ${confirm.old}，问卷计算为 ${pct(confirm.rate)}。`}
                    <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 4 }}>
                      <Button appearance="primary" onClick={() => decide(false)}>写在表格旁（不改原值）</Button>
                      <Button onClick={() => decide(true)}>{`替换为 ${pct(confirm.rate)}`}</Button>
                      <Button onClick={() => setConfirm(null)}>取消</Button>
                    </div>
                  </MessageBarBody>
                </MessageBar>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
