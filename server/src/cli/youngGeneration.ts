// Before a large check grows the heap, the young generation is held at its first size (136 → ~105 MB
// peak on the 1.2 MB bench config, no more CPU; docs/decisions/cli-process-flags.md). V8 reads the flag
// when it next sizes the young generation, so it can be set as late as the first large read. A short
// run goes without: its heap never grows, and loading "v8" (it loads the stream modules) costs ~6 ms.
import type { FileAccess } from "../core/config/files";

/** Texts read by one command, in characters, past which the flag is set. */
const LARGE_INPUT = 256 * 1024;

/** Shared with bin/load-bundle.js, which sets it when the launcher holds the young generation and keeps
 *  a code cache per flag state (V8 rejects one made under other flags). */
const HELD = Symbol.for("keepalived-language.young-generation-held");
const flags = globalThis as unknown as Record<symbol, boolean | undefined>;

function holdYoungGeneration(): void {
  if (flags[HELD]) return;
  (require("v8") as typeof import("v8")).setFlagsFromString("--semi-space-growth-factor=1");
  flags[HELD] = true;
}

/** The same access; once the texts it has read add up to LARGE_INPUT, the young generation is held. */
export function holdingYoungGeneration(access: FileAccess): FileAccess {
  let total = 0;
  return {
    ...access,
    read(file) {
      const text = access.read(file);
      if (text !== undefined && !flags[HELD] && (total += text.length) >= LARGE_INPUT) holdYoungGeneration();
      return text;
    },
  };
}
