import { useEffect, useState } from "react";
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList } from "@fluentui/react-components";
import type { Gateway } from "./gateway";
import { useSession } from "./useSession";
import type { Strings } from "./strings";
import { DetectStep } from "./steps/DetectStep";
import { SettingsStep } from "./steps/SettingsStep";
import { ReviewStep } from "./steps/ReviewStep";
import { SurveyStep } from "./steps/SurveyStep";
import { ApplyStep, SummaryStep, TemplateStep, UndoStep } from "./steps/ActionsStep";
import { WhyPanel } from "./steps/WhyPanel";

type StepKey = "detect" | "settings" | "apply" | "review" | "summary" | "survey" | "undo" | "template";

/** Messages wrap inside the pane's 320 px, whatever they hold (a long file name, a sheet name). */
const wrap = { overflowWrap: "anywhere", wordBreak: "break-word", whiteSpace: "normal" } as const;

/**
 * A native select is as wide as its longest option (a header text, a table's title): in a 320 px pane it must
 * shrink to its column instead and cut the text it shows.
 */
const NARROW_CSS = ".fui-Select{min-width:0;max-width:100%}.fui-Select__select{min-width:0;width:100%;text-overflow:ellipsis}.fui-Field{min-width:0}";

/** The steps of the pane over one gateway (Excel or a file). */
export function Pane({ S, gateway, onDownload }: { S: Strings; gateway: Gateway; onDownload?: () => void }) {
  const api = useSession(gateway, S);
  const [step, setStep] = useState<StepKey>("detect");
  const st = api.state;
  const steps: StepKey[] = ["detect", "settings", "apply", "review", "summary", "survey", "undo", "template"];
  const { focusCell } = api;
  // "Why this score": the row under the Excel selection is explained above the steps (no read, no write).
  useEffect(() => gateway.onSelectionChanged?.(focusCell), [gateway, focusCell]);
  return (
    <div style={{ minWidth: 0, ...wrap }}>
      <style>{NARROW_CSS}</style>
      <TabList size="small" selectedValue={step} onTabSelect={(_, d) => setStep(d.value as StepKey)} style={{ flexWrap: "wrap" }} aria-label={S.title}>
        {steps.map((k) => <Tab key={k} value={k}>{S.steps[k]}</Tab>)}
      </TabList>
      {st.error && (
        <MessageBar intent="error" layout="multiline" style={{ margin: "8px 0", ...wrap }}>
          <MessageBarBody style={wrap}><MessageBarTitle>{S.error}</MessageBarTitle>{st.error}</MessageBarBody>
        </MessageBar>
      )}
      {st.notice && (
        <MessageBar intent="success" layout="multiline" style={{ margin: "8px 0", ...wrap }}>
          <MessageBarBody style={wrap}>{st.notice}</MessageBarBody>
        </MessageBar>
      )}
      {st.busy && <Spinner size="tiny" label={S.busy} />}
      <WhyPanel S={S} api={api} />
      <div style={{ marginTop: 8 }}>
        {step === "detect" && <DetectStep S={S} api={api} />}
        {step === "settings" && <SettingsStep S={S} api={api} />}
        {step === "apply" && (
          <>
            <ApplyStep S={S} api={api} />
            {st.applied && <div style={{ marginTop: 12 }}><ReviewStep S={S} api={api} /></div>}
          </>
        )}
        {step === "review" && <ReviewStep S={S} api={api} />}
        {step === "summary" && <SummaryStep S={S} api={api} fileMode={gateway.mode === "file"} />}
        {step === "survey" && <SurveyStep S={S} api={api} gateway={gateway} />}
        {step === "undo" && <UndoStep S={S} api={api} />}
        {step === "template" && <TemplateStep S={S} api={api} />}
      </div>
      {onDownload && (
        <div style={{ marginTop: 16 }}>
          <Button appearance="secondary" onClick={onDownload} disabled={st.busy}>{S.download}</Button>
          <Body1 block>{S.downloadHint}</Body1>
        </div>
      )}
    </div>
  );
}
