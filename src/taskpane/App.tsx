import { Body1, Title3 } from "@fluentui/react-components";

export interface AppProps {
  inExcel: boolean;
}

export function App({ inExcel }: AppProps) {
  return (
    <div style={{ padding: 16 }}>
      <Title3 as="h1">EVAL 绩效评分</Title3>
      <Body1 as="p">{inExcel ? "已连接 Excel / Connected to Excel" : "未在 Excel 中运行 / Not running inside Excel"}</Body1>
    </div>
  );
}
