// Publishes Workspace.diagnostics() per file right after the changes queued so far have been read,
// so a burst of messages costs one check while a single keystroke is answered at once (an edit inside
// one block re-parses only that block). Files whose list became empty get an empty list, once.
import { Connection, Diagnostic as LspDiagnostic, DiagnosticSeverity, DiagnosticRelatedInformation } from "vscode-languageserver/node";
import type { Diagnostic, Severity } from "../core/check/diagnostic";
import type { WorkspaceIndex } from "./workspaceIndex";
import type { SeverityOverride } from "./settings";
import { pathToUri } from "./uris";

/** Long enough to take in the rest of a burst already on its way, short enough not to be felt. */
export const DEBOUNCE_MS = 2;
export const DOCS_URL = "https://github.com/keepalived-tools/keepalived-language/blob/main/docs/diagnostics.md";

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
  return {
    range: d.range,
    severity: LSP_SEVERITY[override ?? d.severity],
    code: d.code,
    codeDescription: { href: `${DOCS_URL}#${d.code}` },
    source: "keepalived",
    message: d.message,
    relatedInformation: d.related?.map((r) => DiagnosticRelatedInformation.create({ uri: pathToUri(r.file), range: r.range }, r.message)),
  };
}

export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | undefined;
  /** What each file was last sent, to skip identical re-sends. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, DEBOUNCE_MS);
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
    for (const d of all) {
      const lsp = toLspDiagnostic(d, this.index.settings.severityOverrides);
      if (!lsp) continue;
      const list = byFile.get(d.file) ?? [];
      list.push(lsp);
      byFile.set(d.file, list);
    }
    for (const file of this.sent.keys()) if (!byFile.has(file)) byFile.set(file, []);

    for (const file of this.index.workspace.files()) if (this.index.isOpen(file) && !byFile.has(file)) byFile.set(file, []);
    for (const [file, diagnostics] of byFile) {
      const key = JSON.stringify(diagnostics);
      if (this.sent.get(file) === key) continue;
      this.sent.set(file, key);
      void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
    }
  }
}
