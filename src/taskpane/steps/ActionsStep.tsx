import { Body1, Button, Caption1 } from "@fluentui/react-components";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

/** 计算并写回, 汇总, 撤销 / 固化 and 模板 actions. */
export function ApplyStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Body1>复核得分、完成率、偏差分析和复核说明写在表格右侧的空白列，总分和等级写在总分行，原有内容不会被覆盖；不符的得分标为琥珀色，无法识别的单元格标为红色。</Body1>
      <Button appearance="primary" disabled={st.busy || st.found.length === 0 || st.applied} onClick={() => void api.apply()}>{S.applyButton}</Button>
      {st.found.length === 0 && <Caption1>{S.detectFirst}</Caption1>}
      {st.applied && <Caption1>{S.appliedHint}</Caption1>}
    </div>
  );
}

export function SummaryStep({ S, api }: { S: Strings; api: SessionApi }) {
  return <Button disabled={api.state.busy || api.state.found.length === 0} onClick={() => void api.summary()}>{S.summaryButton}</Button>;
}

export function UndoStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Button disabled={st.busy || st.plans.length === 0} onClick={() => void api.undo()}>{S.undoButton}</Button>
      <Button disabled={st.busy || st.plans.length === 0} onClick={() => void api.freeze()}>{S.freezeButton}</Button>
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
