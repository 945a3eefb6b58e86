#!/usr/bin/env node
const { loadBundle } = require("./load-bundle");
const dist = require("path").join(__dirname, "../dist");
const argv = process.argv.slice(2);
// `check --cache` with a valid stored result is answered by a small bundle, without the checker.
const hit = argv[0] === "check" && argv.includes("--cache") ? loadBundle(`${dist}/cli-cache.js`).replay(argv) : undefined;
if (hit) {
  process.stdout.write(hit.output);
  process.exitCode = hit.exitCode;
} else loadBundle(`${dist}/cli.js`).main();
