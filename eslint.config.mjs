// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "eval-output/**", "coverage/**", "test-output/**", "assets/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Custom-function signatures must use \`any\`: the metadata generator accepts only number/string/boolean/any.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Outside the engine, the engine has one door: src/engine/index.ts ("…/engine"), never a module behind it.
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "scripts/**/*.{ts,mjs}"],
    ignores: ["src/engine/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "(^|/)engine/.+", message: "从 src/engine/index.ts 导入（…/engine），不要导入引擎内部模块 / import from the engine's index only" }] }],
    },
  },
  {
    // The engine is pure: no Office, React, DOM or file system, and nothing outside src/engine, from any depth.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react*", "@fluentui/*", "@microsoft/*", "office-*", "exceljs", "jszip", "@e965/*", "mammoth", "fs", "path", "node:*", "os", "child_process", "worker_threads"], message: "引擎保持纯净 / the engine stays pure" },
        { regex: "(^|/)(excel|workbook|taskpane|functions|cli|bench|samples|commands)(/|$)", message: "引擎不依赖外层代码 / the engine imports nothing outside src/engine" },
      ] }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "CustomFunctions", "process", "require"],
    },
  },
  {
    // Only src/excel calls Office.js's Excel API; only src/functions uses CustomFunctions.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/excel/**"],
    rules: { "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Excel.run 只能出现在 src/excel 中 / only src/excel may call Excel.run" }] },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
