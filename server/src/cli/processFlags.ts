// The launcher (bin/keepalived-lint.js) starts `check` without V8's optimizing compiler: on a config of
// about a megabyte its compile jobs held ~11 MB and saved no time. Past a few megabytes optimized code
// pays for itself (10 MB: 1.65× the CPU without it), so it is turned back on before the check starts.
import * as fs from "fs";
import * as v8 from "v8";

/** Above this many bytes of named files the optimizing compiler is worth its memory. */
const OPTIMIZE_ABOVE = 2 * 1024 * 1024;

export function optimizeForInputs(files: readonly string[]): void {
  let total = 0;
  for (const f of files) {
    try {
      total += fs.statSync(f).size;
    } catch {
      /* unreadable: the check reports it */
    }
    if (total > OPTIMIZE_ABOVE) {
      v8.setFlagsFromString("--opt");
      return;
    }
  }
}
