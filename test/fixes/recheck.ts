// Every quick-fix, re-checked by keepalived itself: apply the fix to a copy of the files, run
// `keepalived -t -f` on each configuration root before and after, and compare what it says.
// Files are read and written as latin1, so bytes that are not UTF-8 make the round trip unchanged.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";
import type { Diagnostic, Fix } from "../../server/src/core/check/diagnostic";
import { applyEdits } from "../../server/src/core/util/edits";
import { runKeepalived } from "../oracle/keepalivedOracle";
import { collectConfigFiles } from "../../server/src/cli/findConfigs";

/** A set of files checked together (one config, or every node of a cluster), by relative path. */
export interface FixCase {
  name: string;
  files: Record<string, string>;
  /** The files to check, as the CLI would find them (default: all); the others are only includable. */
  members?: string[];
  /** Only the fixes of these codes (a crafted case aimed at one fix; the others make their own cases). */
  codes?: string[];
  /** Only the fixes of diagnostics within 3 lines of this 1-based line (a mutant's change). */
  nearLine?: number;
}

export interface FixVerdict {
  caseName: string;
  code: string;
  title: string;
  line: number;
  file: string;
  /** keepalived messages after the fix that it did not print before (per root, lines ignored). */
  newMessages: string[];
  /** Diagnostics of the fixed code: before and after. */
  before: number;
  after: number;
}

function workspaceIn(dir: string, files: Record<string, string>, members = Object.keys(files)): Workspace {
  const map = new Map(Object.entries(files).map(([name, text]) => [path.join(dir, name), text]));
  const ws = new Workspace({ access: memoryAccess(map) });
  ws.addFiles(members.map((m) => path.join(dir, m)));
  return ws;
}

function writeCase(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text, "latin1");
  }
}

/** keepalived's messages for one root, as a multiset of texts (line numbers shift with a fix). */
async function keepalivedSays(file: string): Promise<Map<string, number>> {
  const result = await runKeepalived(file, { timeoutMs: 10000 });
  const counts = new Map<string, number>();
  for (const m of result.messages) counts.set(m.message, (counts.get(m.message) ?? 0) + 1);
  return counts;
}

function added(before: Map<string, number>, after: Map<string, number>, renamed?: { from: string; to: string }): string[] {
  // A fix that renames a word leaves keepalived's other complaints about that word as they were.
  const escaped = renamed?.to.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const back = (m: string) => (renamed ? m.replace(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, "g"), renamed.from) : m);
  return [...after].filter(([m, n]) => n > (before.get(m) ?? 0) && n > (before.get(back(m)) ?? 0)).map(([m]) => m);
}

/** The word a one-word fix replaces, and what it writes. */
function renameOf(fix: Fix, files: Record<string, string>, dir: string): { from: string; to: string } | undefined {
  if (fix.edits.length !== 1) return undefined;
  const e = fix.edits[0];
  const text = files[path.relative(dir, e.file)];
  if (text === undefined || e.range.start.line !== e.range.end.line) return undefined;
  const from = text.split("\n")[e.range.start.line].slice(e.range.start.character, e.range.end.character);
  return /^[^\s"]+$/.test(from) && /^[^\s"]+$/.test(e.newText) ? { from, to: e.newText } : undefined;
}

/** keepalived's notices about a deprecated keyword: fine after a fix that corrects a misspelling of
 *  one, when our own check of the fixed text says so too (deprecated-keyword). */
const DEPRECATION_NOTICE = /deprecated|^Please use /i;

/** Fixes whose edits land in the files of the case (a fix may span several nodes). */
function fixesOf(diags: Diagnostic[]): { d: Diagnostic; fix: Fix }[] {
  return diags.flatMap((d) => (d.fixes ?? []).map((fix) => ({ d, fix })));
}

/** Applies every fix the core offers on the case, one at a time, and re-checks each with keepalived. */
export async function recheckFixes(c: FixCase): Promise<FixVerdict[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-fix-"));
  try {
    const original = path.join(dir, "original");
    writeCase(original, c.files);
    const ws = workspaceIn(original, c.files, c.members);
    const diags = ws.diagnostics();
    const fixes = fixesOf(diags).filter(({ d }) => (!c.codes || c.codes.includes(d.code)) && (c.nearLine === undefined || Math.abs(d.range.start.line + 1 - c.nearLine) <= 3));
    if (!fixes.length) return [];
    const roots = ws.roots().map((r) => path.relative(original, r));
    const before = new Map<string, Map<string, number>>();
    for (const r of roots) before.set(r, await keepalivedSays(path.join(original, r)));
    const verdicts: FixVerdict[] = [];
    let n = 0;
    for (const { d, fix } of fixes) {
      const fixed = { ...c.files };
      const byFile = new Map<string, typeof fix.edits>();
      for (const e of fix.edits) byFile.set(path.relative(original, e.file), [...(byFile.get(path.relative(original, e.file)) ?? []), e]);
      for (const [name, edits] of byFile) fixed[name] = applyEdits(fixed[name] ?? "", edits);
      const out = path.join(dir, `fix-${n++}`);
      writeCase(out, fixed);
      const renamed = renameOf(fix, c.files, original);
      let newMessages: string[] = [];
      for (const r of roots) newMessages.push(...added(before.get(r)!, await keepalivedSays(path.join(out, r)), renamed).map((m) => `${r}: ${m}`));
      const afterDiags = workspaceIn(out, fixed, c.members).diagnostics();
      const deprecations = (list: Diagnostic[]) => list.filter((x) => x.code === "deprecated-keyword").length;
      if (d.code !== "deprecated-keyword" && deprecations(afterDiags) > deprecations(diags)) newMessages = newMessages.filter((m) => !DEPRECATION_NOTICE.test(m.slice(m.indexOf(": ") + 2).trim()));
      verdicts.push({
        caseName: c.name,
        code: d.code,
        title: fix.title,
        line: d.range.start.line + 1,
        file: path.relative(original, d.file),
        newMessages,
        before: diags.filter((x) => x.code === d.code).length,
        after: afterDiags.filter((x) => x.code === d.code).length,
      });
      fs.rmSync(out, { recursive: true, force: true });
    }
    return verdicts;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under a folder, as a case (relative paths; regular files only; latin1); the members
 *  are the files the CLI would check there. */
export function caseOfFolder(name: string, folder: string): FixCase {
  const files: Record<string, string> = {};
  for (const e of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    if (fs.statSync(p).size > 1_000_000) continue;
    files[path.relative(folder, p)] = fs.readFileSync(p, "latin1");
  }
  const members = collectConfigFiles([folder]).map((f) => path.relative(folder, f)).filter((f) => f in files);
  return { name, files, members };
}
