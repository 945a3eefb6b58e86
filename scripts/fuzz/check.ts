// One fuzz input through everything the core offers a user: diagnostics (every rule, the cluster
// analysis), the topology model and formatting. Returns what went wrong; never throws.
import * as path from "path";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";
import { workspaceTopology } from "../../server/src/core/topology/model";
import { formatText } from "../../server/src/core/format/format";
import type { Files } from "./shapes";

export interface Finding {
  kind: "throw" | "internal-error" | "range";
  message: string;
}

const ROOT = "/fuzz";

/** Lines as editors count them: "\r\n", "\n" and a lone "\r" each end one. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

export function checkFiles(files: Files): Finding[] {
  const findings: Finding[] = [];
  const map = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  try {
    const ws = new Workspace({ access: memoryAccess(map) });
    ws.addFiles(map.keys());
    const diagnostics = ws.diagnostics();
    const linesOf = new Map<string, number[]>();
    for (const d of diagnostics) {
      if (d.code === "internal-error") findings.push({ kind: "internal-error", message: d.message });
      const text = map.get(d.file);
      if (text === undefined) continue;
      let lines = linesOf.get(d.file);
      if (!lines) linesOf.set(d.file, (lines = lineLengths(text)));
      for (const p of [d.range.start, d.range.end]) {
        if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line] + 1) {
          findings.push({ kind: "range", message: `${d.code} at ${p.line}:${p.character} outside ${path.basename(d.file)} (${lines.length} lines)` });
          break;
        }
      }
    }
    workspaceTopology(ws);
  } catch (e) {
    findings.push({ kind: "throw", message: String((e as Error)?.stack ?? e).slice(0, 2000) });
  }
  try {
    const main = map.get(path.join(ROOT, "keepalived.conf"));
    if (main !== undefined && main.length < 1_000_000) formatText(main);
  } catch (e) {
    findings.push({ kind: "throw", message: "format: " + String((e as Error)?.stack ?? e).slice(0, 2000) });
  }
  return findings;
}
