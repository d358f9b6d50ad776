import { parentPort } from "worker_threads";
import { scoreWorkbookFile, type WorkbookJob } from "./xlsx";

/* One worker of the eval-score pool: scores the workbooks it is sent, one at a time. */
parentPort?.on("message", (job: WorkbookJob) => {
  void scoreWorkbookFile(job).then((r) => parentPort?.postMessage(r, r.scored ? [r.scored.buffer as ArrayBuffer] : []));
});
