import { useMemo, useState } from "react";
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { detectSurveys, type SurveyBlock } from "../../engine";
import { surveyPlan, surveyResult } from "../../engine";
import { compositeRate, DEFAULT_POSITIVE } from "../../engine";
import { pct } from "../../engine";
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
      await gateway.apply(plans);
      api.record(plans);
      setLocal({ notice: `${S.surveyWritten}：${plans.reduce((n, p) => n + p.writes.length, 0)}` });
    } catch (e) {
      setLocal({ error: plainMessage(e, S) });
    }
  };
  const feed = () => {
    const i = Number(target);
    if (target === "" || !Number.isInteger(i)) return;
    if (source === "mean") {
      if (mean.ok) void api.feedActual(i, mean.value, mean.explanation);
      return;
    }
    const r = results[Number(source)]?.r;
    if (r && r.rate !== null) void api.feedActual(i, r.rate, r.explanation);
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
              <Button disabled={target === "" || api.state.busy} onClick={feed}>{S.feed}</Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
