import { useState } from "react";
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList } from "@fluentui/react-components";
import type { Gateway } from "./gateway";
import { useSession } from "./useSession";
import type { Strings } from "./strings";
import { DetectStep } from "./steps/DetectStep";
import { SettingsStep } from "./steps/SettingsStep";
import { ReviewStep } from "./steps/ReviewStep";
import { SurveyStep } from "./steps/SurveyStep";
import { ApplyStep, SummaryStep, TemplateStep, UndoStep } from "./steps/ActionsStep";

type StepKey = "detect" | "settings" | "apply" | "review" | "summary" | "survey" | "undo" | "template";

/** The steps of the pane over one gateway (Excel or a file). */
export function Pane({ S, gateway, onDownload }: { S: Strings; gateway: Gateway; onDownload?: () => void }) {
  const api = useSession(gateway);
  const [step, setStep] = useState<StepKey>("detect");
  const st = api.state;
  const steps: StepKey[] = ["detect", "settings", "apply", "review", "summary", "survey", "undo", "template"];
  return (
    <div>
      <TabList size="small" selectedValue={step} onTabSelect={(_, d) => setStep(d.value as StepKey)} style={{ flexWrap: "wrap" }}>
        {steps.map((k) => <Tab key={k} value={k}>{S.steps[k]}</Tab>)}
      </TabList>
      {st.error && (
        <MessageBar intent="error" style={{ margin: "8px 0" }}>
          <MessageBarBody><MessageBarTitle>{S.error}</MessageBarTitle>{st.error}</MessageBarBody>
        </MessageBar>
      )}
      {st.notice && (
        <MessageBar intent="success" style={{ margin: "8px 0" }}>
          <MessageBarBody>{st.notice}</MessageBarBody>
        </MessageBar>
      )}
      {st.busy && <Spinner size="tiny" label={S.busy} />}
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
        {step === "summary" && <SummaryStep S={S} api={api} />}
        {step === "survey" && <SurveyStep S={S} api={api} gateway={gateway} />}
        {step === "undo" && <UndoStep S={S} api={api} />}
        {step === "template" && <TemplateStep S={S} api={api} />}
      </div>
      {onDownload && (
        <div style={{ marginTop: 16 }}>
          <Button appearance="secondary" onClick={onDownload} disabled={st.busy}>{S.download}</Button>
          <Body1 block>结果保存为新文件，原文件不变。</Body1>
        </div>
      )}
    </div>
  );
}
