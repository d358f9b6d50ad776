import { cpus } from "os";
import { Worker } from "worker_threads";
import { scoreWorkbookFile, type WorkbookJob, type WorkbookOutcome } from "./xlsx";

/**
 * Score many workbooks, in worker threads when there are enough files to pay for them (ExcelJS parsing is the
 * cost; each worker takes the next file as soon as it is free). Results come back in input order.
 */
export async function scoreWorkbooks(jobs: WorkbookJob[], onDone: (n: number) => void): Promise<WorkbookOutcome[]> {
  const threads = Math.min(cpus().length, 8, jobs.length);
  // Workers run the compiled worker.js; from TypeScript sources (tests) the jobs run in this thread.
  const compiled = __filename.endsWith(".js");
  if (jobs.length < 6 || threads < 2 || !compiled) {
    const out: WorkbookOutcome[] = [];
    for (const j of jobs) {
      out.push(await scoreWorkbookFile(j));
      onDone(out.length);
    }
    return out;
  }
  const results: WorkbookOutcome[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(__filename.replace(/pool\.js$/, "worker.js"));
      const feed = () => {
        if (next >= jobs.length) {
          void w.terminate().then(() => resolve());
          return;
        }
        const i = next++;
        w.once("message", (r: WorkbookOutcome) => {
          results[i] = r;
          onDone(++done);
          feed();
        });
        w.postMessage(jobs[i]);
      };
      w.once("error", reject);
      feed();
    })),
  );
  return results;
}
