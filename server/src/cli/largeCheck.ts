// Before a large check grows the heap, V8 is tuned for one long pass over much configuration
// (docs/decisions/cli-process-flags.md): the young generation is held at its first size (136 → ~105 MB
// peak on the 1.2 MB bench config, no more CPU), and TurboFan inlines less, so its optimized code is
// ready while the check still runs (−13 % wall on the bench config). V8 reads both flags when it next
// uses them, so they can be set as late as the first large read. A short run goes without: its heap
// never grows, it is over before TurboFan matters, and loading "v8" (it loads the stream modules)
// costs ~6 ms.
import type { FileAccess } from "../core/config/files";
/** The launcher reads the same table (bin/load-bundle.js), to set the flags when it is given a large input. */
import V8_FLAGS from "../../../bin/v8-flags.json";

/** Texts read by one command, in characters, past which the flags are set. */
const LARGE_INPUT = 256 * 1024;

/** Shared with bin/load-bundle.js, which sets it when the launcher has set the flags and keeps a code
 *  cache per flag state (V8 rejects one made under other flags). */
const TUNED = Symbol.for("keepalived-language.tuned-for-large-check");
const flags = globalThis as unknown as Record<symbol, boolean | undefined>;

function tuneForLargeCheck(): void {
  if (flags[TUNED]) return;
  const v8 = require("v8") as typeof import("v8");
  for (const flag of V8_FLAGS.largeCheck) v8.setFlagsFromString(flag);
  flags[TUNED] = true;
}

/** The same access; once the texts it has read add up to LARGE_INPUT, V8 is tuned for a large check. */
export function tuningForLargeCheck(access: FileAccess): FileAccess {
  let total = 0;
  return {
    ...access,
    read(file) {
      const text = access.read(file);
      if (text !== undefined && !flags[TUNED] && (total += text.length) >= LARGE_INPUT) tuneForLargeCheck();
      return text;
    },
  };
}
