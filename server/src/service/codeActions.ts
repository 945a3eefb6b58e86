// Quick-fixes: each fix the core attached to a diagnostic (did-you-mean, ...), as a WorkspaceEdit
// that may touch several files. Diagnostics from the editor are matched to the core's by code and range.
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic as LspDiagnostic, TextEdit } from "vscode-languageserver/node";
import type { Diagnostic, Fix } from "../core/check/diagnostic";
import { sameRange } from "../core/util/range";
import type { WorkspaceIndex } from "./workspaceIndex";
import { toLspDiagnostic } from "./diagnostics";
import { pathToUri, uriToPath } from "./uris";

function overlaps(a: LspDiagnostic["range"], b: LspDiagnostic["range"]): boolean {
  return !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));
}

function toAction(fix: Fix, diagnostic: LspDiagnostic | undefined): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) (changes[pathToUri(e.file)] ??= []).push({ range: e.range, newText: e.newText });
  return { title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.preferred, diagnostics: diagnostic ? [diagnostic] : undefined, edit: { changes } };
}

/** `source.fixAll.keepalived`: what editor.codeActionsOnSave runs. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.keepalived`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Every safe fix of the file in one edit; fixes that touch the same text as an earlier one wait for the next run. */
function fixAll(index: WorkspaceIndex, file: string): CodeAction | undefined {
  const taken: LspDiagnostic["range"][] = [];
  const edits: TextEdit[] = [];
  const fixed: LspDiagnostic[] = [];
  for (const d of index.workspace.diagnostics()) {
    if (d.file !== file) continue;
    const fix = d.fixes?.find((f) => f.safe);
    if (!fix || fix.edits.some((e) => e.file !== file) || fix.edits.some((e) => taken.some((r) => overlaps(r, e.range)))) continue;
    const lsp = toLspDiagnostic(d, index.settings.severityOverrides);
    if (!lsp) continue;
    for (const e of fix.edits) (taken.push(e.range), edits.push({ range: e.range, newText: e.newText }));
    fixed.push(lsp);
  }
  if (!edits.length) return undefined;
  return { title: `Fix all safe keepalived problems (${fixed.length})`, kind: FIX_ALL_KIND, diagnostics: fixed, edit: { changes: { [pathToUri(file)]: edits } } };
}

export function codeActions(index: WorkspaceIndex, params: CodeActionParams): CodeAction[] {
  const file = uriToPath(params.textDocument.uri);
  const only = params.context.only;
  if (only && only.some((k) => FIX_ALL_KIND.startsWith(k) && k !== "")) {
    const all = fixAll(index, file);
    return all ? [all] : [];
  }
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  // Fixes are built when first read (withLazyFixes): only the diagnostics asked about are read, never
  // the whole file's (17,000 VRID conflicts built every free-VRID fix: 1.7 s for a one-line request).
  const actions: CodeAction[] = [];
  const asked = params.context.diagnostics.filter((d) => d.source === "keepalived" || d.source === undefined);
  const all = index.workspace.diagnostics();
  if (asked.length) {
    // The asked diagnostics by line: one number lookup per diagnostic of the workspace, no string built.
    const askedByLine = new Map<number, LspDiagnostic[]>();
    for (const lsp of asked) {
      const list = askedByLine.get(lsp.range.start.line);
      if (list) list.push(lsp);
      else askedByLine.set(lsp.range.start.line, [lsp]);
    }
    const matches = new Map<LspDiagnostic, Diagnostic[]>();
    for (const d of all) {
      const onLine = d.file === file ? askedByLine.get(d.range.start.line) : undefined;
      if (onLine) for (const lsp of onLine) if (d.code === lsp.code && sameRange(d.range, lsp.range)) (matches.get(lsp) ?? matches.set(lsp, []).get(lsp)!).push(d);
    }
    for (const lsp of asked) for (const d of matches.get(lsp) ?? []) for (const f of d.fixes ?? []) actions.push(toAction(f, lsp));
    return actions;
  }
  // No diagnostics passed (some clients): offer the fixes of whatever the range touches.
  for (const d of all) {
    if (d.file !== file || !overlaps(d.range, params.range) || !d.fixes?.length) continue;
    const lsp = toLspDiagnostic(d, index.settings.severityOverrides);
    for (const f of d.fixes) actions.push(toAction(f, lsp));
  }
  return actions;
}
