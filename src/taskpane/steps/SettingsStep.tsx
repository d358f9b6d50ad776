import { Caption1, Checkbox, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { PRESETS } from "../../engine";
import type { RatingScheme, ReviewRule, RuleSeverity } from "../../engine";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

/** 设置: preset, rating scheme, tolerance, formulas or values. */
export function SettingsStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state.settings;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Field label={S.preset}>
        <Select value={st.preset} onChange={(_, d) => api.setSettings({ preset: d.value })}>
          {[...PRESETS.values()].map((p) => <option key={p.name} value={p.name}>{p.label}</option>)}
        </Select>
      </Field>
      <Field label={S.rating}>
        <Select value={st.rating} onChange={(_, d) => api.setSettings({ rating: d.value as RatingScheme })}>
          <option value="standard">优≥90、良≥80、中≥60（财预〔2020〕10 号）</option>
          <option value="strict">优&gt;90、良&gt;80、中≥60</option>
          <option value="80-70-60">优≥80、良≥70、中≥60</option>
        </Select>
      </Field>
      <Field label={S.tolerance} hint={S.toleranceHint}>
        <Input type="number" step="0.01" min="0" value={String(st.tolerance)} onChange={(_, d) => { const v = Number(d.value); if (Number.isFinite(v) && v >= 0) api.setSettings({ tolerance: v }); }} />
      </Field>
      <Field label={S.writeMode}>
      <RadioGroup value={st.mode} onChange={(_, d) => api.setSettings({ mode: d.value as "formulas" | "values" })}>
        <Radio value="formulas" label={S.writeFormulas} />
        <Radio value="values" label={S.writeValues} />
      </RadioGroup>
      </Field>
      <RulesPanel S={S} rules={st.rules} onChange={(rules) => api.setSettings({ rules })} />
    </div>
  );
}

const wrap = { overflowWrap: "anywhere", wordBreak: "break-word" } as const;

/** 复核口径: each rule on or off, its severity and thresholds; a change rescores what is shown. */
function RulesPanel({ S, rules, onChange }: { S: Strings; rules: ReviewRule[]; onChange: (r: ReviewRule[]) => void }) {
  const set = (id: string, patch: Partial<ReviewRule>) => onChange(rules.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <details>
      <summary>{S.rulebook}（{rules.filter((r) => r.enabled).length}/{rules.length}）</summary>
      <div style={{ display: "grid", gap: 6, marginTop: 6, ...wrap }} data-testid="rulebook">
        {rules.map((r) => (
          <div key={r.id} style={{ borderTop: "1px solid #eee", paddingTop: 4 }}>
            <Checkbox checked={r.enabled} label={`${r.id} ${r.name}`} onChange={(_, d) => set(r.id, { enabled: Boolean(d.checked) })} />
            <Caption1 block>{r.checks}</Caption1>
            <Caption1 block>{S.ruleSource}：{r.source}</Caption1>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              <Field label={S.ruleSeverity} size="small">
                <Select size="small" aria-label={`${r.id} ${S.ruleSeverity}`} value={r.severity} onChange={(_, d) => set(r.id, { severity: d.value as RuleSeverity })}>
                  <option value="重大">重大</option>
                  <option value="一般">一般</option>
                  <option value="提示">提示</option>
                </Select>
              </Field>
              {Object.entries(r.thresholds).map(([k, v]) => (
                <Field key={k} label={S.threshold(k)} size="small">
                  <Input size="small" type="number" step="0.01" min="0" aria-label={`${r.id} ${S.threshold(k)}`} value={String(v)} onChange={(_, d) => { const n = Number(d.value); if (Number.isFinite(n) && n >= 0) set(r.id, { thresholds: { ...r.thresholds, [k]: n } }); }} />
                </Field>
              ))}
            </div>
          </div>
        ))}
      </div>
    </details>
  );
}
