// Runs a check in a child process with a deadline, so a hang fails the test instead of freezing the
// test runner (a synchronous read of /dev/zero cannot be interrupted from inside the process).
import { spawnSync } from "child_process";
import * as path from "path";
import { REPO } from "../helpers";

export interface ChildDiagnostic {
  code: string;
  message: string;
  severity: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ChildResult {
  /** Undefined when the child was killed at the deadline. */
  diagnostics?: ChildDiagnostic[];
  stderr: string;
  timedOut: boolean;
}

/** Generous: the deadline tells a hang from a slow machine, it does not measure speed. */
export const DEADLINE_MS = 120_000;

function run(script: string, timeout: number): ChildResult {
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout, maxBuffer: 512 * 1024 * 1024 });
  const timedOut = r.error !== undefined || r.signal !== null;
  let diagnostics: ChildDiagnostic[] | undefined;
  if (!timedOut && r.status === 0) diagnostics = JSON.parse(r.stdout);
  return { diagnostics, stderr: r.stderr + (r.status ? `\nexit ${r.status}` : ""), timedOut };
}

/** The diagnostics of one of the hostile shapes (scripts/fuzz/shapes.ts), checked in memory. */
export function checkShapeInChild(shape: string, timeout = DEADLINE_MS): ChildResult {
  const out = (p: string) => JSON.stringify(path.join(REPO, "out", p));
  return run(
    `const { SHAPES } = require(${out("scripts/fuzz/shapes.js")}); const { check } = require(${out("test/helpers.js")});
     const d = check(SHAPES[${JSON.stringify(shape)}]());
     process.stdout.write(JSON.stringify(d.map(({ code, message, severity, file, range }) => ({ code, message, severity, file, range }))));`,
    timeout,
  );
}

/** The diagnostics of the files under `dir`, read from the disk as the CLI reads them. */
export function checkDiskInChild(dir: string, files: string[], timeout = DEADLINE_MS): ChildResult {
  const out = (p: string) => JSON.stringify(path.join(REPO, "out", p));
  return run(
    `const { Workspace } = require(${out("server/src/core/check/workspace.js")});
     const ws = new Workspace({}); ws.addFiles(${JSON.stringify(files.map((f) => path.join(dir, f)))});
     const d = ws.diagnostics();
     process.stdout.write(JSON.stringify(d.map(({ code, message, severity, file, range }) => ({ code, message, severity, file, range }))));`,
    timeout,
  );
}

export interface ChildTopology {
  clusters?: { name: string; mismatches: { code: string; message: string }[] }[];
  stderr: string;
  timedOut: boolean;
}

/** The topology (clusters and their mismatches) of one of the hostile shapes, in a child with a deadline. */
export function topologyOfShapeInChild(shape: string, timeout = DEADLINE_MS): ChildTopology {
  const out = (p: string) => JSON.stringify(path.join(REPO, "out", p));
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      `const { SHAPES } = require(${out("scripts/fuzz/shapes.js")}); const { workspaceOf } = require(${out("test/helpers.js")});
       const { workspaceTopology } = require(${out("server/src/core/topology/model.js")});
       const t = workspaceTopology(workspaceOf(SHAPES[${JSON.stringify(shape)}]()));
       process.stdout.write(JSON.stringify(t.clusters.map(({ name, mismatches }) => ({ name, mismatches }))));`,
    ],
    { encoding: "utf8", timeout, maxBuffer: 512 * 1024 * 1024 },
  );
  const timedOut = r.error !== undefined || r.signal !== null;
  return { clusters: !timedOut && r.status === 0 ? JSON.parse(r.stdout) : undefined, stderr: r.stderr + (r.status ? `\nexit ${r.status}` : ""), timedOut };
}
