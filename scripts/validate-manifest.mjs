// npm run validate: checks manifest.xml offline against Microsoft's add-in schemas (../shared/manifest-xsd,
// when that folder is there), checks that every resid it names is defined and every icon file exists.
// `npm run validate -- --online` also runs the online `office-addin-manifest validate` (networked machines).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifestPath = join(root, "manifest.xml");
const xml = readFileSync(manifestPath, "utf8");
const problems = [];

// 1. Every resid names a resource.
const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
for (const id of used) if (!defined.has(id)) problems.push(`resid“${id}”未在 Resources 中定义 / resid "${id}" is not defined`);
for (const id of defined) if (!used.has(id)) problems.push(`资源“${id}”未被使用 / resource "${id}" is never used`);
console.log(`resid: ${used.size} 个引用, ${defined.size} 个定义 / ${used.size} used, ${defined.size} defined`);

// 2. Every icon and page under https://localhost:3000/ exists in the source tree (assets/) or is built by webpack.
const built = new Set(["taskpane.html", "functions.js", "functions.json", "functions.en-US.json", "help.html"]);
for (const m of xml.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)) {
  const rel = m[1];
  if (rel.startsWith("assets/")) {
    if (!existsSync(join(root, rel))) problems.push(`图标文件不存在 / missing file: ${rel}`);
  } else if (!built.has(rel)) problems.push(`构建不产生此文件 / not produced by the build: ${rel}`);
}

// 3. Shared runtime: the runtime, the functions page, the function file and the pane are one page.
const runtime = /<Runtime resid="([^"]+)"/.exec(xml)?.[1];
const page = /<Page>\s*<SourceLocation resid="([^"]+)"/.exec(xml)?.[1];
const functionFile = /<FunctionFile resid="([^"]+)"/.exec(xml)?.[1];
const pane = /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(xml)?.[1];
if (!(runtime && runtime === page && page === functionFile && functionFile === pane)) {
  problems.push(`共享运行时的页面不一致 / shared runtime pages differ: runtime=${runtime} page=${page} functionFile=${functionFile} pane=${pane}`);
}

// 4. XML schema, offline.
const xsdDir = join(root, "..", "shared", "manifest-xsd");
if (existsSync(xsdDir)) {
  const { validateXML } = await import("xmllint-wasm");
  const schemas = readdirSync(xsdDir).filter((f) => f.endsWith(".xsd"));
  const main = "OfficeAppManifestV1_1.xsd";
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: main, contents: readFileSync(join(xsdDir, main), "utf8") }],
    preload: schemas.filter((f) => f !== main).map((f) => ({ fileName: f, contents: readFileSync(join(xsdDir, f), "utf8") })),
  });
  if (result.valid) console.log(`schema: manifest.xml 符合 ${main}（离线）/ valid against ${main} (offline)`);
  else for (const e of result.errors) problems.push(`schema: ${e.message ?? e.rawMessage ?? String(e)}`);
} else {
  console.log("schema: 未找到 ../shared/manifest-xsd，跳过离线模式检查 / schema folder not found, offline schema check skipped");
}

// 5. Online validation, only when asked for (it posts the manifest to Microsoft's service).
if (process.argv.includes("--online")) {
  const r = spawnSync(join(root, "node_modules", ".bin", "office-addin-manifest"), ["validate", manifestPath], { stdio: "inherit" });
  if (r.status !== 0) problems.push("office-addin-manifest validate (online) 失败 / failed");
}

if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log("✓ manifest.xml 检查通过 / manifest.xml is valid");
