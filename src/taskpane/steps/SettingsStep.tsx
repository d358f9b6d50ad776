import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { PRESETS } from "../../engine";
import type { RatingScheme } from "../../engine";
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
    </div>
  );
}
