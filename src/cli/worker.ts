import { parentPort } from "worker_threads";
import { setOfficeConverter } from "../workbook/formats/convert";
import { scoreSafely } from "./pool";
import { sofficeConverter } from "./soffice";
import type { WorkbookJob } from "./xlsx";

/* One worker of the eval-score pool: scores the workbooks it is sent, one at a time; never throws. */
setOfficeConverter(sofficeConverter);
parentPort?.on("message", (job: WorkbookJob) => {
  void scoreSafely(job).then((r) => parentPort?.postMessage(r, r.scored ? [r.scored.buffer as ArrayBuffer] : []));
});
