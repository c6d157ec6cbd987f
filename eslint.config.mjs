// JavaScript lint for web/ (make lint). The staff editor is native ES modules; the chat
// widget is one classic ES5 script that host pages embed (parsed as ES5 here).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["web/static/staff/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      "max-len": ["error", { code: 100, ignoreUrls: true }],
    },
  },
  {
    files: ["web/static/widget/**/*.js"],
    languageOptions: {
      ecmaVersion: 5, // the syntax; the browser built-ins it uses (Promise, Uint8Array) are newer
      sourceType: "script",
      globals: { ...globals.browser, ...globals.es2015 },
    },
  },
  {
    rules: {
      eqeqeq: "error",
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
];
