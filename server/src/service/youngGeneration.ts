// The server holds V8's young generation at its first size (processFlags.ts), which suits keystrokes
// on ordinary files. A check of a large open text allocates its tree in bulk and most of it lives, so
// 1 MB semi-spaces meant a scavenge per MB on the main thread: on 1 MB of unknown keywords, 4.6–4.9 s
// of the open's profile was the garbage collector (1.4 s with V8's growing default). During such a
// check the young generation may grow as V8 decides; after it, growth is held again (V8 shrinks the
// young generation itself once allocation calms down). docs/decisions/young-generation.md.
import * as v8 from "v8";

/** An open text at least this long makes a check "large"; the 100 paired files of the RSS figure are far below. */
export const LARGE_TEXT_CHARS = 256 * 1024;

/** V8's own default growth factor, and the held one processFlags.ts sets. */
const GROWING = "--semi-space-growth-factor=2";
const HELD = "--semi-space-growth-factor=1";

/** Runs `check`, letting the young generation grow while it runs when `large`. */
export function withYoungGenerationRoom<T>(large: boolean, check: () => T): T {
  if (!large) return check();
  v8.setFlagsFromString(GROWING);
  try {
    return check();
  } finally {
    v8.setFlagsFromString(HELD);
  }
}
