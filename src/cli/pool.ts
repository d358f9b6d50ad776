import { cpus } from "os";
import { basename } from "path";
import { Worker } from "worker_threads";
import { scoreWorkbookFile, type WorkbookJob, type WorkbookOutcome } from "./xlsx";

/** Each worker's heap ceiling: a file that gets past every read limit still cannot take the machine down. */
export const WORKER_HEAP_MB = 1536;

/** A workbook that failed while being scored: an outcome naming the file, never an exception. */
export function failedOutcome(file: string, why: string): WorkbookOutcome {
  return { file, tables: [], errors: [{ input: file, message: `评分“${basename(file)}”时出错，此文件未评分：${why}` }], scored: null };
}

/** scoreWorkbookFile, never throwing: an error in reading, scoring or writing back becomes the file's error. */
export async function scoreSafely(job: WorkbookJob): Promise<WorkbookOutcome> {
  try {
    return await scoreWorkbookFile(job);
  } catch (e) {
    const msg = String((e as Error)?.message ?? e).slice(0, 300);
    return failedOutcome(job.file, /out of bounds/i.test(msg) ? `表格右侧已到 Excel 的最后一列（XFD），复核结果无处写回（${msg}）` : msg);
  }
}

/** Worker threads: EVAL_THREADS when set (1 = score in this thread), else the cores, at most 8. */
export function threadLimit(): number {
  const n = Number(process.env.EVAL_THREADS);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : Math.min(cpus().length, 8);
}

/**
 * Score many workbooks, in worker threads when there are enough files to pay for them (ExcelJS parsing is the
 * cost; each worker takes the next file as soon as it is free). Results come back in input order. One file
 * never stops the others: an exception is that file's error, and a worker that dies (out of memory, a crash)
 * is replaced and its file reported.
 */
export async function scoreWorkbooks(jobs: WorkbookJob[], onDone: (n: number) => void): Promise<WorkbookOutcome[]> {
  const threads = Math.min(threadLimit(), jobs.length);
  // Workers run the compiled worker.js; from TypeScript sources (tests) the jobs run in this thread.
  const compiled = __filename.endsWith(".js");
  if (jobs.length < 6 || threads < 2 || !compiled) {
    const out: WorkbookOutcome[] = [];
    for (const j of jobs) {
      out.push(await scoreSafely(j));
      onDone(out.length);
    }
    return out;
  }
  return runPool(jobs, threads, __filename.replace(/pool\.js$/, "worker.js"), onDone);
}

/** The pool itself (exported for tests, which give it a compiled worker script). */
export async function runPool(jobs: WorkbookJob[], threads: number, workerFile: string, onDone: (n: number) => void, heapMb = WORKER_HEAP_MB): Promise<WorkbookOutcome[]> {
  const results: WorkbookOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const finish = (i: number, r: WorkbookOutcome) => {
    if (results[i]) return;
    results[i] = r;
    onDone(++done);
  };
  const lane = () =>
    new Promise<void>((resolve) => {
      let current = -1;
      let closing = false;
      let w: Worker;
      const spawn = () => {
        let lastError = "";
        w = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
        w.on("message", (r: WorkbookOutcome) => {
          if (current >= 0) finish(current, r);
          current = -1;
          feed();
        });
        w.on("error", (e) => {
          lastError = e.message;
        });
        w.on("exit", () => {
          if (closing) return resolve();
          // The worker is gone (out of memory, a crash): its file is reported, a new worker goes on.
          if (current >= 0) {
            const why = /memory|heap/i.test(lastError) || lastError === "" ? `内存超出上限 ${heapMb} MB 或处理进程意外退出（文件过大或异常）` : lastError;
            finish(current, failedOutcome(jobs[current]!.file, why));
            current = -1;
          }
          spawn();
          feed();
        });
      };
      const feed = () => {
        if (next >= jobs.length) {
          closing = true;
          void w.terminate();
          return;
        }
        current = next++;
        w.postMessage(jobs[current]);
      };
      spawn();
      feed();
    });
  await Promise.all(Array.from({ length: threads }, lane));
  return results;
}
