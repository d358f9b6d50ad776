import { useRef, useState } from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Title3 } from "@fluentui/react-components";
import type { FileGateway } from "../workbook/fileGateway";
import { excelGateway } from "./excelGateway";
import type { Gateway } from "./gateway";
import { plainMessage } from "./messages";
import { Pane } from "./Pane";
import type { Strings } from "./strings";

export const SAMPLE = "assets/samples/xinjiang-003-self-eval.xlsx";

export interface AppProps {
  inExcel: boolean;
  S: Strings;
  /** Injected in tests; defaults to the real gateways. */
  gateway?: Gateway;
}

const wrap = { overflowWrap: "anywhere", wordBreak: "break-word" } as const;

/** Inside Excel the pane works on the workbook; in a plain browser it works on an .xlsx file the user opens. */
export function App({ inExcel, S, gateway }: AppProps) {
  const [file, setFile] = useState<FileGateway | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const open = async (data: Promise<ArrayBuffer>, name: string) => {
    setError(null);
    try {
      // ExcelJS is loaded only when a file is opened: inside Excel the pane never needs it.
      const { FileGateway: Gateway } = await import(/* webpackChunkName: "file-mode" */ "../workbook/fileGateway");
      setFile(await Gateway.open(await data, name));
    } catch (e) {
      // A failed open shows nothing of the file before it: its results would look like this file's.
      setFile(null);
      setError(plainMessage(e, S, S.fileUnreadable));
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
    <div style={{ padding: 12, minWidth: 0, fontFamily: "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif", ...wrap }}>
      <Title3 as="h1">{S.title}</Title3>
      <Body1 block>{inExcel ? S.inExcel : S.notInExcel}</Body1>
      {!inExcel && !gateway && (
        <div style={{ display: "flex", gap: 8, margin: "8px 0", alignItems: "center", flexWrap: "wrap" }}>
          {/* The browser's own file control speaks the browser's language ("Choose File"): a captioned button opens it. */}
          <input
            ref={input}
            type="file"
            accept=".xlsx,.xlsm,.xls,.et,.ods,.csv"
            aria-label={S.openFile}
            tabIndex={-1}
            data-testid="file-input"
            style={{ display: "none" }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = "";
              if (f) void open(f.arrayBuffer(), f.name);
            }}
          />
          <Button appearance="primary" onClick={() => input.current?.click()}>{S.openFile}</Button>
          <Button onClick={() => void open(fetch(SAMPLE).then((r) => r.arrayBuffer()), SAMPLE.split("/").pop()!)}>{S.loadSample}</Button>
          {file && <Caption1 style={wrap}>{S.fileLoaded}：{file.fileName}</Caption1>}
        </div>
      )}
      {error && <MessageBar intent="error" layout="multiline" role="alert" style={wrap}><MessageBarBody style={wrap}>{error}</MessageBarBody></MessageBar>}
      {active && <Pane key={active.fileName ?? active.mode} S={S} gateway={active} onDownload={!inExcel && file && !gateway ? () => void download() : undefined} />}
    </div>
  );
}
