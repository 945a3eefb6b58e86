// A check that threw. Never die: the exception becomes one diagnostic on the file being checked, and
// every other check still runs. This is our bug, not the user's, and the message says so.
import type { Diagnostic } from "../check/diagnostic";

export const INTERNAL_ERROR = "internal-error";

export function internalError(check: string, file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const at = error instanceof Error ? (error.stack ?? "").split("\n").find((l) => /^\s+at /.test(l))?.trim() : undefined;
  return {
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: "warning",
    code: INTERNAL_ERROR,
    message: `The check '${check}' failed on this file (${detail.slice(0, 300)}${at ? `, ${at.slice(0, 200)}` : ""}); the other checks ran. This is a bug in the extension: please report it.`,
  };
}

/** Runs one check; an exception is reported as an internal-error diagnostic instead of escaping. */
export function runIsolated(check: string, file: string, report: (d: Diagnostic) => void, run: () => void): void {
  try {
    run();
  } catch (e) {
    report(internalError(check, file, e));
  }
}
