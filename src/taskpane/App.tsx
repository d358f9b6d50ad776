import { useState } from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Title3 } from "@fluentui/react-components";
import type { FileGateway } from "../workbook/fileGateway";
import { excelGateway } from "./excelGateway";
import type { Gateway } from "./gateway";
import { Pane } from "./Pane";
import type { Strings } from "./strings";

export const SAMPLE = "assets/samples/xinjiang-003-self-eval.xlsx";

export interface AppProps {
  inExcel: boolean;
  S: Strings;
  /** Injected in tests; defaults to the real gateways. */
  gateway?: Gateway;
}

/** Inside Excel the pane works on the workbook; in a plain browser it works on an .xlsx file the user opens. */
export function App({ inExcel, S, gateway }: AppProps) {
  const [file, setFile] = useState<FileGateway | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (data: ArrayBuffer, name: string) => {
    setError(null);
    try {
      // ExcelJS is loaded only when a file is opened: inside Excel the pane never needs it.
      const { FileGateway: Gateway } = await import(/* webpackChunkName: "file-mode" */ "../workbook/fileGateway");
      setFile(await Gateway.open(data, name));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const download = async () => {
    if (!file) return;
    const { name, data } = await file.download();
    const url = URL.createObjectURL(new Blob([data as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };
  const active: Gateway | null = gateway ?? (inExcel ? excelGateway : file);
  return (
    <div style={{ padding: 12, fontFamily: "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif" }}>
      <Title3 as="h1">{S.title}</Title3>
      <Body1 block>{inExcel ? S.inExcel : S.notInExcel}</Body1>
      {!inExcel && !gateway && (
        <div style={{ display: "flex", gap: 8, margin: "8px 0", alignItems: "center", flexWrap: "wrap" }}>
          <input type="file" accept=".xlsx" aria-label={S.openFile} onChange={(e) => { const f = e.target.files?.[0]; if (f) void f.arrayBuffer().then((b) => open(b, f.name)); }} />
          <Button onClick={() => void fetch(SAMPLE).then((r) => r.arrayBuffer()).then((b) => open(b, SAMPLE.split("/").pop()!))}>{S.loadSample}</Button>
          {file && <Caption1>{S.fileLoaded}：{file.fileName}</Caption1>}
        </div>
      )}
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {active && <Pane key={active.fileName ?? active.mode} S={S} gateway={active} onDownload={!inExcel && file && !gateway ? () => void download() : undefined} />}
    </div>
  );
}
