// What every check produces: plain data, so the CLI, the server and the tests share it.
import type { Range } from "../util/range";
import { compareText } from "../util/compareText";

export type Severity = "error" | "warning" | "info" | "hint";

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** A machine-readable fix: edits in one or more files. The server offers it as a quick-fix. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix most likely wanted, offered first. */
  preferred?: boolean;
  /** Applied by "Fix all" (source.fixAll.keepalived, e.g. on save): one obvious answer, in this file only. */
  safe?: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export function diagnosticKey(d: Diagnostic): string {
  const r = d.range;
  return `${d.file}\u0000${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}\u0000${d.code}\u0000${d.message}`;
}

export function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const d of list) {
    const key = diagnosticKey(d);
    if (!seen.has(key)) seen.set(key, d);
  }
  return [...seen.values()];
}

/** Two diagnostics sortDiagnostics cannot tell apart (same file, start and code): equal ones sit in such a run. */
function samePlace(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.code === b.code && a.file === b.file;
}

/** What diagnosticKey says, without building the key. */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return samePlace(a, b) && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character && a.message === b.message;
}

/** A run of diagnostics at one place longer than this is deduplicated through keys, not pairwise. */
const PAIRWISE_RUN = 8;

/**
 * dedupe for a list sorted by sortDiagnostics: the same result as sorting dedupe(list), since equal
 * diagnostics sort next to each other and the (stable) sort keeps their order. Compares neighbours
 * instead of building a key string per diagnostic (200,000 of them took 0.2 s).
 */
export function dedupeSorted(list: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let runStart = 0;
  let runKeys: Set<string> | undefined;
  // Indexed loops over lists of 100,000s: a for-of that runs before the optimizer steps in allocates a result per step.
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    if (!out.length || !samePlace(out[out.length - 1], d)) {
      runStart = out.length;
      runKeys = undefined;
      out.push(d);
      continue;
    }
    if (out.length - runStart >= PAIRWISE_RUN) {
      if (!runKeys) runKeys = new Set(out.slice(runStart).map(diagnosticKey));
      const key = diagnosticKey(d);
      if (runKeys.has(key)) continue;
      runKeys.add(key);
      out.push(d);
      continue;
    }
    let seen = false;
    for (let j = runStart; j < out.length && !seen; j++) seen = sameDiagnostic(out[j], d);
    if (!seen) out.push(d);
  }
  return out;
}

/** Within one file: by position, then code (codes are plain lowercase words and dashes). */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code === b.code ? 0 : compareText(a.code, b.code));
}

/**
 * By file, position and code; stable. The files are ordered once and each file's diagnostics sorted
 * by numbers, instead of comparing file names in each of the n·log n comparisons (200,000 diagnostics).
 */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const group = byFile.get(d.file);
    if (group) group.push(d);
    else byFile.set(d.file, [d]);
  }
  const files = [...byFile.keys()].sort(compareText);
  // Two names the collator calls equal would interleave in one sort: leave that rare case to it.
  if (files.some((f, i) => i > 0 && compareText(files[i - 1], f) === 0)) return sortAll(list);
  let n = 0;
  for (const f of files) {
    const group = byFile.get(f)!.sort(byPlace);
    for (let i = 0; i < group.length; i++) list[n++] = group[i];
  }
  return list;
}

function sortAll(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareText(a.code, b.code),
  );
}

/**
 * Where a diagnostic with fixes built on demand keeps its builder, and a lazy one what it built: slots
 * no spread, key listing or deep comparison sees. Every such diagnostic shares one of two accessors: an
 * accessor defined with a new getter per object left each one in dictionary mode (slow to build and to
 * read; 18,000 vrid-conflict diagnostics on one node spent 16 ms on defineProperty alone). The builder
 * is the slot's value itself, not an object holding it (one object less kept per diagnostic).
 */
const FIXES_BUILDER = Symbol("fixes builder");
const FIXES_BUILT = Symbol("fixes built");

interface WithFixesBuilder {
  [FIXES_BUILDER]: () => Fix[];
  [FIXES_BUILT]?: Fix[];
}

/** Built again on every read (withFixesOnRead). */
const FIXES_ON_READ: PropertyDescriptor = {
  get(this: WithFixesBuilder): Fix[] {
    return this[FIXES_BUILDER]();
  },
  enumerable: true,
  configurable: true,
};

/** Built on the first read and kept (withLazyFixes). */
const FIXES_KEPT: PropertyDescriptor = {
  get(this: WithFixesBuilder): Fix[] {
    let built = this[FIXES_BUILT];
    if (built) return built;
    built = this[FIXES_BUILDER]();
    // Kept where it can be: a diagnostic someone froze is built again on each read instead.
    if (Object.isExtensible(this)) Object.defineProperty(this, FIXES_BUILT, { value: built });
    return built;
  },
  enumerable: true,
  configurable: true,
};

function withFixesBuilder<D extends Omit<Diagnostic, "fixes">>(d: D, build: () => Fix[], keep: boolean): D & { fixes: Fix[] } {
  Object.defineProperty(d, FIXES_BUILDER, { value: build });
  return Object.defineProperty(d, "fixes", keep ? FIXES_KEPT : FIXES_ON_READ) as D & { fixes: Fix[] };
}

/**
 * withLazyFixes built again on every read: for a fix that reads more than its diagnostic's inputs
 * (vrid-conflict's free VRID looks at every VRID of the nodes), so a diagnostic kept across analyses
 * never offers a fix a fresh check would not.
 */
export function withFixesOnRead<D extends Omit<Diagnostic, "fixes">>(d: D, build: () => Fix[]): D & { fixes: Fix[] } {
  return withFixesBuilder(d, build, false);
}

/**
 * A diagnostic whose fixes are built the first time something reads them (a code action, a test),
 * not on every check: most diagnostics are published and never fixed.
 */
export function withLazyFixes<D extends Omit<Diagnostic, "fixes">>(d: D, build: () => Fix[]): D & { fixes: Fix[] } {
  return withFixesBuilder(d, build, true);
}

/** Characters that print as nothing or break a log line (NUL, BOM, NBSP, controls), shown escaped in messages. */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]/g;

function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"));
}

/** The same characters, for a yes/no test (no lastIndex to save and restore on every call). */
const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source);

/** Anything but printable ASCII, tab and newline: nearly every message has none, and one class is quick to rule out. */
const NOT_PLAIN = /[^\t\n\x20-\x7e]/;

/**
 * Whether a message holds such a character. The many-ranged expression runs only on messages with a
 * character outside printable ASCII (60,000 messages through it alone took a quarter of a second).
 */
const dirty = (m: string) => NOT_PLAIN.test(m) && HAS_UNPRINTABLE.test(m);

/** Whether a related note's message needs escaping (a loop: a callback per diagnostic was 12 MB of garbage on 70,000). */
function anyDirty(related: RelatedLocation[] | undefined): boolean {
  if (!related) return false;
  for (let i = 0; i < related.length; i++) if (dirty(related[i].message)) return true;
  return false;
}

/**
 * Diagnostics found to need no escaping: a keystroke publishes again the diagnostics of every block it
 * did not touch (the same objects), whose messages were read through on every edit before.
 */
const alreadyPrintable = new WeakSet<Diagnostic>();

/** The diagnostic with its messages safe to print; the same object when nothing needed escaping. */
export function printable(d: Diagnostic): Diagnostic {
  if (alreadyPrintable.has(d)) return d;
  if (!dirty(d.message) && !anyDirty(d.related)) {
    alreadyPrintable.add(d);
    return d;
  }
  return {
    ...d,
    message: escapeUnprintable(d.message),
    related: d.related?.map((r) => (dirty(r.message) ? { ...r, message: escapeUnprintable(r.message) } : r)),
  };
}
