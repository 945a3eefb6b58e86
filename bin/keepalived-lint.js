#!/usr/bin/env node
const { loadBundle } = require("./load-bundle");
const dist = require("path").join(__dirname, "../dist");
const argv = process.argv.slice(2);

let cli;
/** The full CLI, loaded once (a cache replay asks it for the folder walk, and a miss runs it). */
function fullCli() {
  // The young generation is held small once a command reads a large input (server/src/cli/youngGeneration.ts).
  return (cli ??= loadBundle(`${dist}/cli.js`));
}

// `check --cache` with a valid stored result is answered by a small bundle, without the checker.
const cache = argv[0] === "check" && argv.includes("--cache") ? loadBundle(`${dist}/cli-cache.js`) : undefined;
const hit = cache?.replay(argv, () => fullCli().collectConfigFiles);
if (hit) {
  cache.writeOut(1, hit.output);
  process.exitCode = hit.exitCode;
} else fullCli().main();
