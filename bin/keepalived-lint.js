#!/usr/bin/env node
const { loadBundle } = require("./load-bundle");
const dist = require("path").join(__dirname, "../dist");
const argv = process.argv.slice(2);

/** Writes a replayed result straight to fd 1: process.stdout would load the stream modules (~10 ms). */
function writeOut(text) {
  const fs = require("fs");
  const buffer = Buffer.from(text, "utf8");
  let done = 0;
  while (done < buffer.length) {
    try {
      done += fs.writeSync(1, buffer, done, buffer.length - done);
    } catch (e) {
      if (e.code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); // a non-blocking pipe is full
      else if (e.code === "EPIPE") return; // the reader went away (`| head`): stop quietly
      else throw e;
    }
  }
}

let cli;
/** The full CLI, loaded once (a cache replay asks it for the folder walk, and a miss runs it). */
function fullCli() {
  if (!cli) {
    // Before the heap grows: the young generation keeps its first size (136 → ~105 MB peak on the 1.2 MB
    // bench config, no more CPU; docs/decisions/cli-process-flags.md). Not for a cache hit of named
    // files: "v8" loads the stream modules (~6 ms).
    require("v8").setFlagsFromString("--semi-space-growth-factor=1");
    cli = loadBundle(`${dist}/cli.js`);
  }
  return cli;
}

// `check --cache` with a valid stored result is answered by a small bundle, without the checker.
const hit = argv[0] === "check" && argv.includes("--cache") ? loadBundle(`${dist}/cli-cache.js`).replay(argv, () => fullCli().collectConfigFiles) : undefined;
if (hit) {
  writeOut(hit.output);
  process.exitCode = hit.exitCode;
} else fullCli().main();
