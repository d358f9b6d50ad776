// Bundles the task pane, the custom functions and the ribbon commands into one shared-runtime page
// (taskpane.html), generates functions.json from the JSDoc of src/functions/functions.ts, and writes the
// English metadata (functions.en-US.json) named by the manifest's en-US override.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { EnglishMetadataPlugin } = require("./scripts/english-metadata-plugin");

/*
 * Where taskpane.html loads office.js from, chosen at build time by EVAL_OFFICE_JS:
 *   (unset) or "cdn"  Microsoft's CDN, as Microsoft requires for anything beyond debugging;
 *   "21vianet"        the CDN for Microsoft 365 operated by 21Vianet (China);
 *   "local"           the bundled @microsoft/office-js copied to dist/office/: an explicit offline development
 *                     build only (that package is from 2022 and its Excel scripts lack newer objects such as notes);
 *   https://…         any other address.
 */
const OFFICE_JS = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
  local: "office/office.js",
};
function officeJsSource() {
  const choice = (process.env.EVAL_OFFICE_JS || "cdn").trim();
  if (OFFICE_JS[choice.toLowerCase()]) return { url: OFFICE_JS[choice.toLowerCase()], local: choice.toLowerCase() === "local" };
  if (/^https:\/\//.test(choice)) return { url: choice, local: false };
  throw new Error(`EVAL_OFFICE_JS 应为 cdn、21vianet、local 或 https:// 地址 / must be cdn, 21vianet, local or an https:// address: ${choice}`);
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  let https;
  if (dev && !process.env.EVAL_HTTP) {
    try {
      https = await require("office-addin-dev-certs").getHttpsServerOptions();
    } catch (e) {
      console.warn(`未能取得开发证书，改用 http / no development certificate (${e.message}); serving http`);
    }
  }
  const officeJs = officeJsSource();
  if (officeJs.local) console.warn("EVAL_OFFICE_JS=local: office.js 来自本地 @microsoft/office-js（仅限离线开发）/ office.js from the local package (offline development only)");
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: { keep: /^cli\// } },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false } } },
        },
      ],
    },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new EnglishMetadataPlugin({ input: "functions.json", output: "functions.en-US.json" }),
      // Only the pane's bundle is a static (deferred) script: taskpane.html loads office.js, then functions.js and
      // commands.js, itself, and only where Office can be there.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { officeJs: officeJs.url },
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/samples/*.xlsx", to: "assets/samples/[name][ext]", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml" },
          // The offline development build only: the loader, Excel's host scripts and the strings from the package.
          ...(officeJs.local
            ? [
                {
                  from: "**/*.js",
                  context: "node_modules/@microsoft/office-js/dist",
                  to: "office/[path][name][ext]",
                  globOptions: { ignore: ["**/*.debug.js", "**/outlook*", "**/word*", "**/powerpoint*", "**/onenote*", "**/project*", "**/access*", "**/visio*"] },
                },
              ]
            : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
      port: 3000,
      onListening: () => {
        console.log(`
EVAL 已在 ${https ? "https" : "http"}://localhost:3000 提供服务 / EVAL is served on ${https ? "https" : "http"}://localhost:3000
旁加载 Sideload manifest.xml:
  Windows: 把 manifest.xml 所在文件夹共享，在 Excel「文件 › 选项 › 信任中心 › 受信任的加载项目录」中添加该共享路径，重启 Excel 后在「插入 › 我的加载项 › 共享文件夹」中选择 EVAL。
           Share the folder holding manifest.xml, add it under File › Options › Trust Center › Trusted Add-in Catalogs, restart Excel, then Insert › My Add-ins › Shared Folder.
  Mac:     把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ ，重启 Excel，在「插入 › 我的加载项」中选择。
           Copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, restart Excel, Insert › My Add-ins.
  Web:     Excel 网页版「开始 › 加载项 › 更多设置 › 上传我的加载项」，选择 manifest.xml。
           Excel on the web: Home › Add-ins › More Settings › Upload My Add-in, choose manifest.xml.
不在 Excel 中时，直接打开 taskpane.html 可在浏览器中处理 .xlsx 文件 / Outside Excel, open taskpane.html to work on .xlsx files in the browser.
`);
      },
    },
  };
};
