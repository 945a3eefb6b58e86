// Publishes Workspace.diagnostics() per file right after the changes queued so far have been read,
// so a burst of messages costs one check while a single keystroke is answered at once (an edit inside
// one block re-parses only that block). Files whose list became empty get an empty list, once.
// No timer: the server never sleeps between a keystroke and its diagnostics (on a busy machine each
// wake-up waited for a core), see docs/decisions/publish-without-timer.md.
import { Connection, Diagnostic as LspDiagnostic, DiagnosticSeverity, DiagnosticRelatedInformation } from "vscode-languageserver/node";
import type { Diagnostic, Severity } from "../core/check/diagnostic";
import type { WorkspaceIndex } from "./workspaceIndex";
import type { SeverityOverride } from "./settings";
import { pathToUri } from "./uris";
import { diagnosticDocLink } from "./diagnosticDocs";

/**
 * Turns of the event loop's immediate queue a publication waits: vscode-jsonrpc handles each message
 * read in its own immediate, queued after the one a change schedules here, so waiting one more turn
 * lets the next message of a burst already read run first (and schedule again), and only the last
 * change of the burst is checked and published.
 */
const HOPS = 2;

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The protocol form of a core diagnostic, or undefined when the user turned its code off. */
export function toLspDiagnostic(d: Diagnostic, overrides: Record<string, SeverityOverride>): LspDiagnostic | undefined {
  const override = overrides[d.code];
  if (override === "off") return undefined;
  const href = diagnosticDocLink(d.code);
  return {
    // Copied: the core moves positions in place when lines are added above them (syntax/incremental.ts).
    range: copyRange(d.range),
    severity: LSP_SEVERITY[override ?? d.severity],
    code: d.code,
    codeDescription: href ? { href } : undefined,
    source: "keepalived",
    message: d.message,
    relatedInformation: !d.related?.length ? undefined : d.related.map((r) => DiagnosticRelatedInformation.create({ uri: pathToUri(r.file), range: copyRange(r.range) }, r.message)),
  };
}

function copyRange(r: LspDiagnostic["range"]): LspDiagnostic["range"] {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/**
 * The protocol form of each core diagnostic, kept while the core object lives: an unchanged block keeps
 * its diagnostic objects across keystrokes, so a publication converts only what is new. A cached form is
 * used only while its copied positions still equal the core ones (they move in place when lines are added).
 */
const converted = new WeakMap<Diagnostic, { overrides: Record<string, SeverityOverride>; lsp: LspDiagnostic | undefined }>();

function samePositions(d: Diagnostic, lsp: LspDiagnostic): boolean {
  if (!sameRange(d.range, lsp.range)) return false;
  const related = d.related ?? [];
  const copies = lsp.relatedInformation ?? [];
  if (related.length !== copies.length) return false;
  for (let i = 0; i < related.length; i++) if (!sameRange(related[i].range, copies[i].location.range)) return false;
  return true;
}

function convert(d: Diagnostic, overrides: Record<string, SeverityOverride>): LspDiagnostic | undefined {
  const cached = converted.get(d);
  if (cached && cached.overrides === overrides && (!cached.lsp || samePositions(d, cached.lsp))) return cached.lsp;
  const lsp = toLspDiagnostic(d, overrides);
  converted.set(d, { overrides, lsp });
  return lsp;
}

export class DiagnosticsPublisher {
  private pending: NodeJS.Immediate | undefined;
  /** What each file was last sent, to skip identical re-sends. */
  private readonly sent = new Map<string, LspDiagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    /** Diagnostics from elsewhere (keepalived -t runs), published beside ours. */
    private readonly extra?: { diagnosticsFor(file: string): LspDiagnostic[]; files(): string[] },
  ) {}

  /** A file just opened gets its list even when it did not change. */
  forget(file: string): void {
    this.sent.delete(file);
  }

  /** Until the client's settings are in, a publication could use the wrong include roots: hold it. */
  private held = true;

  release(): void {
    this.held = false;
    this.schedule();
  }

  schedule(): void {
    if (this.held) return;
    if (this.pending) clearImmediate(this.pending);
    this.wait(HOPS);
  }

  private wait(hops: number): void {
    this.pending = setImmediate(() => {
      if (hops > 1) return this.wait(hops - 1);
      this.pending = undefined;
      this.publish();
    });
  }

  publish(): void {
    const byFile = new Map<string, LspDiagnostic[]>();
    let all: Diagnostic[];
    try {
      all = this.index.workspace.diagnostics();
    } catch (e) {
      // Never die: the checks isolate their rules, this is the net under them (a timer has no caller).
      this.connection.console.error(`keepalived: checking failed: ${(e as Error)?.stack ?? e}`);
      return;
    }
    const overrides = this.index.settings.severityOverrides;
    const coreByFile = new Map<string, Diagnostic[]>();
    // Indexed: a for-of over 200,000 diagnostics allocated a result object per step.
    for (let i = 0; i < all.length; i++) {
      const d = all[i];
      const list = coreByFile.get(d.file);
      if (list) list.push(d);
      else coreByFile.set(d.file, [d]);
    }
    /** Per file, the core diagnostics left out before conversion (past the cap, only the most severe are converted). */
    const dropped = new Map<string, number>();
    for (const [file, core] of coreByFile) {
      const { kept, left } = mostSevere(core, overrides);
      const list: LspDiagnostic[] = [];
      for (const d of kept) {
        const lsp = convert(d, overrides);
        if (lsp) list.push(lsp);
      }
      byFile.set(file, list);
      if (left) dropped.set(file, left);
    }
    for (const file of this.extra?.files() ?? []) byFile.set(file, [...(byFile.get(file) ?? []), ...this.extra!.diagnosticsFor(file)]);
    for (const file of this.sent.keys()) if (!byFile.has(file)) byFile.set(file, []);

    for (const file of this.index.workspace.files()) if (this.index.isOpen(file) && !byFile.has(file)) byFile.set(file, []);
    for (const [file, found] of byFile) {
      const diagnostics = capped(found, dropped.get(file) ?? 0);
      const before = this.sent.get(file);
      if (before && sameList(before, diagnostics)) continue;
      this.sent.set(file, diagnostics);
      void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
    }
  }
}

/**
 * VS Code shows at most 1,000 problems per file and drops the rest; sending 200,000 (a file of unknown
 * keywords) cost the server seconds per publication for nothing. Past the cap the most severe come
 * first, in file order, and a last entry says how many more there are.
 */
export const MAX_PUBLISHED_PER_FILE = 1000;

const bySeverityThenPosition = (a: { severity: number; range: LspDiagnostic["range"] }, b: { severity: number; range: LspDiagnostic["range"] }) =>
  a.severity - b.severity || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * Past the cap, the core diagnostics that can be shown, chosen before any is converted (converting
 * 60,000 to send 1,000 cost the first publication of a 1 MB file half a second): those `capped` would
 * keep, in file order, and how many others were left out. Codes turned off count for nothing.
 */
export function mostSevere(core: Diagnostic[], overrides: Record<string, SeverityOverride>): { kept: Diagnostic[]; left: number } {
  if (core.length <= MAX_PUBLISHED_PER_FILE) return { kept: core, left: 0 };
  if (inFileOrder(core)) return mostSevereInOrder(core, overrides);
  const shown: { d: Diagnostic; index: number; severity: number; range: Diagnostic["range"] }[] = [];
  core.forEach((d, index) => {
    const override = overrides[d.code];
    if (override !== "off") shown.push({ d, index, severity: LSP_SEVERITY[override ?? d.severity], range: d.range });
  });
  if (shown.length <= MAX_PUBLISHED_PER_FILE) return { kept: shown.map((x) => x.d), left: 0 };
  const first = shown.sort(bySeverityThenPosition).slice(0, MAX_PUBLISHED_PER_FILE);
  return { kept: first.sort((a, b) => a.index - b.index).map((x) => x.d), left: shown.length - first.length };
}

/** Sorted by start position, as Workspace.diagnostics() gives them (checked: one pass). */
function inFileOrder(core: Diagnostic[]): boolean {
  for (let i = 1; i < core.length; i++) {
    const a = core[i - 1].range.start;
    const b = core[i].range.start;
    if (a.line > b.line || (a.line === b.line && a.character > b.character)) return false;
  }
  return true;
}

/**
 * What mostSevere's sort picks, for a list already in position order: position order is then the
 * sort's order within each severity, so the pick is every diagnostic of the most severe levels, and of
 * the level where the cap falls the first ones in the list. Counted per level, nothing sorted: 200,000
 * unknown keywords were a wrapper object each and a sort of them all.
 */
function mostSevereInOrder(core: Diagnostic[], overrides: Record<string, SeverityOverride>): { kept: Diagnostic[]; left: number } {
  const severityOf = (d: Diagnostic): number => {
    const override = overrides[d.code];
    return override === "off" ? 0 : LSP_SEVERITY[override ?? d.severity];
  };
  // LSP severities are 1 (error) to 4 (hint); 0 here: turned off.
  const counts = [0, 0, 0, 0, 0];
  for (let i = 0; i < core.length; i++) counts[severityOf(core[i])]++;
  const shown = core.length - counts[0];
  if (shown <= MAX_PUBLISHED_PER_FILE) return { kept: core.filter((d) => severityOf(d) !== 0), left: 0 };
  // Levels 1..last-1 are kept whole, `room` of level `last`.
  let room = MAX_PUBLISHED_PER_FILE;
  let last = 1;
  while (counts[last] < room) room -= counts[last++];
  const kept: Diagnostic[] = [];
  for (let i = 0; i < core.length; i++) {
    const level = severityOf(core[i]);
    if (level === 0 || level > last) continue;
    if (level === last) {
      if (room === 0) continue;
      room--;
    }
    kept.push(core[i]);
  }
  return { kept, left: shown - kept.length };
}

/** `more`: diagnostics left out before this list was made (see mostSevere). */
function capped(list: LspDiagnostic[], more = 0): LspDiagnostic[] {
  if (list.length + more <= MAX_PUBLISHED_PER_FILE) return list;
  const order = (d: LspDiagnostic) => d.severity ?? DiagnosticSeverity.Error;
  const shown = [...list]
    .sort((a, b) => order(a) - order(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .slice(0, MAX_PUBLISHED_PER_FILE - 1);
  more += list.length - shown.length;
  shown.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: "keepalived",
    message: `${more.toLocaleString("en-US")} more problems in this file are not shown (editors list at most ${MAX_PUBLISHED_PER_FILE.toLocaleString("en-US")}); keepalived-lint check lists them all`,
  });
  return shown;
}

// Comparing the fields a client shows is cheaper than serialising every list on every keystroke.
function sameList(a: LspDiagnostic[], b: LspDiagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameDiagnostic(a[i], b[i])) return false;
  return true;
}

function sameRange(a: LspDiagnostic["range"], b: LspDiagnostic["range"]): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameDiagnostic(a: LspDiagnostic, b: LspDiagnostic): boolean {
  if (a.message !== b.message || a.code !== b.code || a.severity !== b.severity || !sameRange(a.range, b.range)) return false;
  const ra = a.relatedInformation ?? [];
  const rb = b.relatedInformation ?? [];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    if (ra[i].message !== rb[i].message || ra[i].location.uri !== rb[i].location.uri || !sameRange(ra[i].location.range, rb[i].location.range)) return false;
  }
  return true;
}
