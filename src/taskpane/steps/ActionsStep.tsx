import { Body1, Button, Caption1 } from "@fluentui/react-components";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

/** 计算并写回, 汇总, 撤销 / 固化 and 模板 actions. */
export function ApplyStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Body1>{S.applyIntro}</Body1>
      <Button appearance="primary" disabled={st.busy || st.found.length === 0 || st.applied} onClick={() => void api.apply()}>{S.applyButton}</Button>
      {st.found.length === 0 && <Caption1>{S.detectFirst}</Caption1>}
      {st.applied && <Caption1>{st.settings.mode === "formulas" ? S.appliedHint : S.appliedValuesHint}</Caption1>}
    </div>
  );
}

/** 汇总: inside Excel a summary sheet with a column chart; a file gets the values only (ExcelJS draws no charts). */
export function SummaryStep({ S, api, fileMode }: { S: Strings; api: SessionApi; fileMode: boolean }) {
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Button disabled={api.state.busy || api.state.found.length === 0} onClick={() => void api.summary()}>{fileMode ? S.summaryButtonFile : S.summaryButton}</Button>
      {fileMode && <Caption1>{S.summaryFileHint}</Caption1>}
      {api.state.found.length === 0 && <Caption1>{S.detectFirst}</Caption1>}
    </div>
  );
}

export function UndoStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Button disabled={st.busy || st.plans.length === 0} onClick={() => void api.undo()}>{S.undoButton}</Button>
      <Button disabled={st.busy || st.plans.length === 0} onClick={() => void api.freeze()}>{S.freezeButton}</Button>
      {st.plans.length === 0 && <Caption1>{S.nothingToUndo}</Caption1>}
    </div>
  );
}

export function TemplateStep({ S, api }: { S: Strings; api: SessionApi }) {
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Button disabled={api.state.busy} onClick={() => void api.template("self")}>{S.templateSelf}</Button>
      <Button disabled={api.state.busy} onClick={() => void api.template("four")}>{S.templateFour}</Button>
    </div>
  );
}
