import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { stringsFor } from "./strings";

/**
 * The latest the pane starts in file mode when office.js or Office.onReady has not answered, in ms after the page
 * began loading (3 s is the promise; the rest is for rendering). If Office answers "Excel" later, the pane switches.
 */
export const OFFICE_DEADLINE_MS = 1500;

type Host = { host: string | null; lang: string | undefined };

let root: Root | null = null;
let shown: string | null | undefined;

/* The pane boots once Office says where it runs: inside Excel (host "Excel") or not (host null: file mode). */
function boot({ host, lang }: Host): void {
  const el = document.getElementById("root");
  if (!el || shown === host) return;
  // Started in file mode because Office answered late, and Office then says Excel: switch once.
  if (shown !== undefined && host !== "Excel") return;
  shown = host;
  root ??= createRoot(el);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App key={host ?? "file"} inExcel={host === "Excel"} S={stringsFor(lang)} />
    </FluentProvider>,
  );
}

/** office.js as the page loaded it (see taskpane.html): true when it arrived, false when it did not or is not wanted. */
function officeLoaded(): Promise<boolean> {
  const w = window as unknown as { __evalOffice?: Promise<boolean> };
  return w.__evalOffice ?? Promise.resolve(typeof Office !== "undefined");
}

async function whereAmI(): Promise<Host> {
  if (!(await officeLoaded()) || typeof Office === "undefined") return { host: null, lang: navigator.language };
  const info = await Office.onReady();
  return { host: info.host ? String(info.host) : null, lang: Office.context?.displayLanguage ?? navigator.language };
}

const timeout = new Promise<Host>((resolve) => setTimeout(() => resolve({ host: null, lang: navigator.language }), Math.max(0, OFFICE_DEADLINE_MS - performance.now())));
const where = whereAmI().catch((): Host => ({ host: null, lang: navigator.language }));
void Promise.race([where, timeout]).then(boot);
void where.then((h) => {
  if (h.host === "Excel") boot(h);
});
