// Test helpers: check configs held in memory, the way the CLI checks files on disk.
import * as path from "path";
import * as fs from "fs";
import { Workspace, WorkspaceOptions } from "../server/src/core/check/workspace";
import { memoryAccess } from "../server/src/core/config/files";
import type { Diagnostic, TextEdit } from "../server/src/core/check/diagnostic";
import { applyEdits as applyTextEdits } from "../server/src/core/util/edits";
import { spawnSync } from "child_process";

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

/** Applies edits (all in one file) from last to first. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return applyTextEdits(text, edits);
}

/** Runs the built CLI as a user would, from `cwd` (the repo by default). */
export function lint(args: string[], cwd = REPO): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
