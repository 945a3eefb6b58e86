// Test helpers: check configs held in memory, the way the CLI checks files on disk.
import * as path from "path";
import * as fs from "fs";
import { Workspace, WorkspaceOptions } from "../server/src/core/check/workspace";
import { memoryAccess } from "../server/src/core/config/files";
import type { Diagnostic, TextEdit } from "../server/src/core/check/diagnostic";

export const ROOT = "/ws";

/** A workspace of in-memory files: { "lb-a/keepalived.conf": "..." }. */
export function workspaceOf(files: Record<string, string>, options: WorkspaceOptions = {}): Workspace {
  const map = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  const ws = new Workspace({ ...options, access: memoryAccess(map) });
  ws.addFiles(map.keys());
  return ws;
}

export function check(files: Record<string, string> | string, options: WorkspaceOptions = {}): Diagnostic[] {
  return workspaceOf(typeof files === "string" ? { "keepalived.conf": files } : files, options).diagnostics();
}

export function withCode(diags: Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

/** 1-based line numbers of the diagnostics with this code, as a user sees them. */
export function linesOf(diags: Diagnostic[], code: string): number[] {
  return withCode(diags, code).map((d) => d.range.start.line + 1);
}

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf("\n", offset) + 1;
  return offset + character;
}

/** Applies edits (all in one file) from last to first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    text = text.slice(0, offsetAt(text, e.range.start.line, e.range.start.character)) + e.newText + text.slice(offsetAt(text, e.range.end.line, e.range.end.character));
  }
  return text;
}

/** ../shared beside the repo, or undefined (a user's fresh clone) so tests can skip with a reason. */
export function sharedDir(): string | undefined {
  const dir = path.resolve(__dirname, "..", "..", "..", "shared");
  return fs.existsSync(dir) ? dir : undefined;
}

export const REPO = path.resolve(__dirname, "..", "..");

/** The shipped example cluster (lb-a, lb-b and their shared include), in memory. */
export function exampleWorkspace(options: WorkspaceOptions = {}): Workspace {
  const read = (f: string) => fs.readFileSync(path.join(REPO, "examples", "cluster", f), "utf8");
  const files = ["lb-a/keepalived.conf", "lb-b/keepalived.conf", "common/scripts.conf"];
  return workspaceOf(Object.fromEntries(files.map((f) => [f, read(f)])), options);
}
