import { Body1, Button, Caption1 } from "@fluentui/react-components";
import type { SessionApi } from "../useSession";
import type { Strings } from "../strings";

/** 计算并写回, 汇总, 撤销 / 固化 and 模板 actions. */
export function ApplyStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Body1>{S.applyIntro}</Body1>
      <Button appearance="primary" disabled={st.busy || st.found.length === 0} onClick={() => void api.apply()}>{S.applyButton}</Button>
      {st.found.length === 0 && <Caption1>{S.detectFirst}</Caption1>}
      {st.applied && <Caption1>{st.settings.mode === "formulas" ? `公式会随实际完成值自动更新。${AGAIN_HINT}` : `已写入数值：实际完成值改变后，重新识别并写回即可。${AGAIN_HINT}`}</Caption1>}
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

/** Written again after a write-back: EVAL's own cells are updated in place (never a second set of columns). */
const AGAIN_HINT = "已写回。再次写回会在原处更新 EVAL 写入的单元格，不会另起一组列；您在这些单元格中的修改会被保留。";

/**
 * How the pane's 撤销 and Excel's own undo live together (also in the README's 撤销 section): current Excel puts an
 * add-in's writes on its own undo list, but that list is lost when the workbook closes and knows nothing of later
 * edits, notes or created sheets. The pane's 撤销 works from EVAL's record saved in the workbook.
 */
export const UNDO_HELP = [
  "撤销以工作簿中保存的记录为准：关闭窗格、保存并重新打开工作簿后仍可撤销；多次写回只需撤销一次。",
  "只恢复仍保持 EVAL 写入内容的单元格；写回后被您修改过的单元格保留您的内容，并在下方列出。EVAL 新建的汇总表会被删除。",
  "Excel 自带的撤销（Ctrl+Z）也能撤回刚才的写回，但关闭工作簿后失效。两者可以混用：已用 Ctrl+Z 撤回的单元格，本窗格的撤销会发现它们已是原样而不再改动。请不要在本窗格撤销之后再按 Ctrl+Z，那会重做 EVAL 的写回。",
];

export function UndoStep({ S, api }: { S: Strings; api: SessionApi }) {
  const st = api.state;
  const can = st.undoable || st.plans.length > 0;
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Button disabled={st.busy || !can} onClick={() => void api.undo()}>{S.undoButton}</Button>
      <Button disabled={st.busy || st.plans.length === 0} onClick={() => void api.freeze()}>{S.freezeButton}</Button>
      {!can && <Caption1>{S.nothingToUndo}</Caption1>}
      {st.held.length > 0 && (
        <div data-testid="held-cells">
          <Body1 block>{st.heldBy === "undo" ? `以下 ${st.held.length} 个单元格在写回后被修改过，已保留：` : `以下 ${st.held.length} 个单元格已有您的内容，EVAL 未写入：`}</Body1>
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {st.held.slice(0, 50).map((h) => (
              <li key={`${h.sheet}!${h.address}`}><Caption1>{`${h.sheet}!${h.address}`}{h.now ? `（现为 ${h.now.slice(0, 40)}）` : "（现为空）"}</Caption1></li>
            ))}
          </ul>
          {st.held.length > 50 && <Caption1>{`……另有 ${st.held.length - 50} 个`}</Caption1>}
        </div>
      )}
      {UNDO_HELP.map((t, i) => <Caption1 key={i} block>{t}</Caption1>)}
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
