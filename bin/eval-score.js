#!/usr/bin/env node
"use strict";
// Launcher for the compiled command line (npm run build:cli, run by npm ci through "prepare").
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("eval-score 尚未编译，请先运行 npm run build:cli / not built yet: run npm run build:cli\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
