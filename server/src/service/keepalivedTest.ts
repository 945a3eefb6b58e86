// `keepalived -t -f FILE` run where the server runs, on the user's request only (a command; the
// client's opt-in on-save setting sends the same command, and never in an untrusted workspace).
// Its messages become diagnostics with source `keepalived -t`, so the real parser can be compared
// with ours. They are dropped for a file as soon as it is edited: their line numbers would be stale.
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { Diagnostic as LspDiagnostic, DiagnosticSeverity } from "vscode-languageserver/node";
import type { KeepalivedTestResult } from "../protocol";

export const KEEPALIVED_TEST_SOURCE = "keepalived -t";
const TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 1_000_000;
const MAX_MESSAGES = 500;
const SEARCH = ["/usr/sbin", "/sbin", "/usr/local/sbin"];

/** The keepalived binary on PATH (or in the sbin folders), a regular executable file. */
export function findKeepalived(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? "").split(path.delimiter).filter(Boolean), ...SEARCH];
  for (const dir of dirs) {
    const candidate = path.join(dir, "keepalived");
    try {
      const st = fs.statSync(candidate);
      if (st.isFile() && st.mode & 0o111) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** "(/etc/keepalived/keepalived.conf: Line 12) Unknown keyword 'foo'" → file, line, message. */
export function parseKeepalivedOutput(output: string, root: string): { file: string; line?: number; message: string }[] {
  const out: { file: string; line?: number; message: string }[] = [];
  for (const raw of output.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^\((.+?): Line (\d+)\)\s*(.*)$/.exec(line);
    if (m) out.push({ file: path.resolve(path.dirname(root), m[1]), line: Number(m[2]) - 1, message: m[3] });
    else out.push({ file: root, message: line });
    if (out.length >= MAX_MESSAGES) break;
  }
  return out;
}

export class KeepalivedTestRuns {
  /** root file → file → diagnostics of its last run. */
  private readonly runs = new Map<string, Map<string, LspDiagnostic[]>>();

  constructor(
    private readonly changed: () => void,
    /** Where the binary is looked up (tests pass a machine without it). */
    private readonly find: () => string | undefined = findKeepalived,
  ) {}

  /** Diagnostics of every run that reported on `file`. */
  diagnosticsFor(file: string): LspDiagnostic[] {
    return [...this.runs.values()].flatMap((byFile) => byFile.get(file) ?? []);
  }

  files(): string[] {
    return [...new Set([...this.runs.values()].flatMap((byFile) => [...byFile.keys()]))];
  }

  /** An edit makes the line numbers of every run that read the file stale. */
  edited(file: string): void {
    let dropped = false;
    for (const [root, byFile] of this.runs)
      if (root === file || byFile.has(file)) {
        this.runs.delete(root);
        dropped = true;
      }
    if (dropped) this.changed();
  }

  async run(root: string, lineLength: (file: string, line: number) => number): Promise<KeepalivedTestResult> {
    const binary = this.find();
    if (!binary) return { available: false, messages: 0, error: "keepalived is not installed where the language server runs" };
    let st: fs.Stats;
    try {
      st = fs.statSync(root);
    } catch {
      return { available: true, messages: 0, error: `${root} is not saved on disk` };
    }
    if (!st.isFile()) return { available: true, messages: 0, error: `${root} is not a regular file` };
    const { output, exitCode, error } = await new Promise<{ output: string; exitCode: number | null; error?: string }>((resolve) => {
      execFile(binary, ["-t", "-f", root], { cwd: path.dirname(root), timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, encoding: "utf8" }, (err, stdout, stderr) => {
        const code = err && typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === "number" ? ((err as unknown as { code: number }).code) : err ? null : 0;
        const failed = err && code === null ? (err.killed ? `keepalived -t did not finish within ${TIMEOUT_MS / 1000} s` : err.message) : undefined;
        resolve({ output: `${stdout ?? ""}${stderr ?? ""}`, exitCode: code, error: failed });
      });
    });
    const byFile = new Map<string, LspDiagnostic[]>();
    const messages = parseKeepalivedOutput(output, root);
    for (const m of messages) {
      const line = m.line ?? 0;
      const diagnostic: LspDiagnostic = {
        range: { start: { line, character: 0 }, end: { line, character: Math.max(1, lineLength(m.file, line)) } },
        severity: m.line === undefined ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
        source: KEEPALIVED_TEST_SOURCE,
        message: m.line === undefined ? `${m.message} (no line given)` : m.message,
      };
      const list = byFile.get(m.file) ?? [];
      list.push(diagnostic);
      byFile.set(m.file, list);
    }
    // The checked file gets a (possibly empty) list, so a clean run clears what an earlier one said.
    if (!byFile.has(root)) byFile.set(root, []);
    this.runs.set(root, byFile);
    this.changed();
    return { available: true, messages: messages.length, exitCode, error };
  }
}
