#!/usr/bin/env node
// Required only for the full CLI: a cache hit loads neither it nor the checker.
const loader = () => require("./load-bundle");
const dist = require("path").join(__dirname, "../dist");
const argv = process.argv.slice(2);

/**
 * Whether a named path is a folder or a file of 256 KB or more: then V8 is tuned for a large check
 * before the bundle loads (its start already grows the young generation once; see
 * server/src/cli/largeCheck.ts, which also catches large includes).
 */
function namesLargeInput(args) {
  const fs = require("fs");
  for (const a of args) {
    try {
      const st = fs.statSync(a);
      if (st.isDirectory() || st.size >= 256 * 1024) return true;
    } catch {
      /* an option, or a path the CLI will report */
    }
  }
  return false;
}

let cli;
/** The full CLI, loaded once (a cache replay asks it for the folder walk, and a miss runs it). */
function fullCli() {
  if (!cli && namesLargeInput(argv)) loader().tuneForLargeCheck();
  return (cli ??= loader().loadBundle(`${dist}/cli.js`));
}

// `check --cache` with a valid stored result is answered by a small bundle, without the checker. It is
// required plainly: for its 11 KB, reading and checking a code cache cost more than compiling.
const cache = argv[0] === "check" && argv.includes("--cache") ? require(`${dist}/cli-cache.js`) : undefined;
const hit = cache?.replay(argv, () => fullCli().collectConfigFiles);
if (hit) {
  hit.copyTo(1); // the stored bytes as read, a piece at a time: nothing to decode or encode
  process.exitCode = hit.exitCode;
} else fullCli().main();
