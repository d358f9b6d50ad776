/** Command-line options of eval-score. */
export interface CliOptions {
  preset: string | null;
  json: boolean;
  tolerance: number;
  rating: string | null;
  out: string | null;
  /** A 复核口径 rules file (JSON): rules switched on/off, severities, thresholds. */
  rules: string | null;
  /** Scored copies carry the reviewer's side-by-side (复核完成值, 复核得分, 偏离度, 复核说明) instead of the write-back. */
  review: boolean;
  summary: boolean;
  files: string[];
  help: boolean;
}

export const USAGE = `用法 Usage: eval-score [--preset national|xinjiang|hubei] [--json] [--tolerance 0.01] [--rating standard|strict|80-70-60] [--rules FILE] [--review] [--out DIR] 文件或文件夹 FILE...

  对 JSON 表格及工作簿（.xlsx .xlsm .xls .et .ods .csv .docx，装有 LibreOffice 时另有 .doc .wps）中的绩效指标表复核评分：
  逐项得分、完成率、总分、等级与复核发现。
  Scores performance-indicator tables in JSON files and workbooks: per-row scores, totals, ratings, findings.

  --preset NAME     无自带规则的行使用的预设（默认 national）/ preset for rows that name no rule
  --json            按约定的 JSON 结构输出到标准输出 / print the stable JSON contract on stdout
  --tolerance N     报告得分与复核得分允许的差（默认 0.01）/ largest difference that is not a mismatch
  --rating SCHEME   评级方案 / rating scheme
  --review          评分副本写入复核对照（复核完成值、复核得分、偏离度、复核说明），而非单位的写回列 / side-by-side copies
  --rules FILE      复核口径规则文件（JSON）：开关规则、调整严重程度与阈值，如 [{"id":"R01","enabled":false},
                    {"id":"R09","thresholds":{"timesTarget":5}}] / review rules: on/off, severity, thresholds
  --out DIR         写出评分后的副本、summary.csv 和 汇总.xlsx（不修改原文件）/ write scored copies, summary.csv and 汇总.xlsx
  --summary         每张表只打印一行汇总 / one summary line per table

  环境变量 EVAL_THREADS=N 限定并行评分的线程数（默认 CPU 核数，最多 8）/ worker threads for workbooks

退出码 Exit codes: 0 全部读入（发现问题不算错误）；2 用法错误或文件无法读取。`;

/** Parse argv; returns the options or an error message (Chinese first). */
export function parseArgs(argv: string[]): CliOptions | { error: string } {
  const o: CliOptions = { preset: null, json: false, tolerance: 0.01, rating: null, out: null, rules: null, review: false, summary: false, files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | null => {
      const eq = a.indexOf("=");
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined) return null;
      i++;
      return v;
    };
    const name = a.split("=")[0];
    switch (name) {
      case "--json":
        o.json = true;
        break;
      case "--summary":
        o.summary = true;
        break;
      case "--review":
        o.review = true;
        break;
      case "-h":
      case "--help":
        o.help = true;
        break;
      case "--preset": {
        const v = value();
        if (!v) return { error: "--preset 需要一个预设名 / --preset needs a name" };
        o.preset = v;
        break;
      }
      case "--tolerance": {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0) return { error: "--tolerance 需要一个非负数 / --tolerance needs a non-negative number" };
        o.tolerance = v;
        break;
      }
      case "--rating": {
        const v = value();
        if (!v) return { error: "--rating 需要一个评级方案 / --rating needs a scheme" };
        o.rating = v;
        break;
      }
      case "--rules": {
        const v = value();
        if (!v) return { error: "--rules 需要一个规则文件 / --rules needs a file" };
        o.rules = v;
        break;
      }
      case "--out": {
        const v = value();
        if (!v) return { error: "--out 需要一个文件夹 / --out needs a folder" };
        o.out = v;
        break;
      }
      default:
        if (a.startsWith("-")) return { error: `未知选项 ${a} / unknown option ${a}` };
        o.files.push(a);
    }
  }
  if (!o.help && o.files.length === 0) return { error: "请给出至少一个文件 / give at least one file" };
  return o;
}
