import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { stringsFor } from "./strings";

/* The pane boots once Office says where it runs: inside Excel (host "Excel") or a plain browser (host null). */
function boot(host: string | null, lang: string | undefined): void {
  const el = document.getElementById("root");
  if (!el) return;
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <App inExcel={host === "Excel"} S={stringsFor(lang)} />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => boot(info.host ? String(info.host) : null, Office.context?.displayLanguage ?? navigator.language));
} else {
  boot(null, navigator.language);
}
