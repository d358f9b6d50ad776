import { createServer, type Server } from "http";
import { readFile } from "fs/promises";
import { extname, join, normalize } from "path";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xlsx": "application/octet-stream", ".xml": "application/xml" };

/** Serve dist/ on a free localhost port (plain http: the page runs outside Excel). */
export async function serveDist(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
    readFile(join(root, path === "/" ? "taskpane.html" : path))
      .then((body) => {
        res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server };
}
