// Side-by-side comparison of the members of each cluster: one row per setting, one column per node.
// Some settings are meant to differ between peers (state, priority, own address, interface name);
// everything else must agree, or the pair does not form or fails over wrongly.
import type { Cluster } from "../cluster/cluster";
import { memberLabel } from "../cluster/cluster";
import type { Diagnostic } from "../check/diagnostic";
import type { Field, VrrpInstance } from "../model/vrrp";
import { AUTH_PASS_LENGTH } from "../rules/auth-pass-truncated";

export type RowStatus = "equal" | "expected" | "mismatch";

export interface CompareCell {
  value: string;
  /** Where the value was written; absent for keepalived defaults. */
  file?: string;
  line?: number;
}

export interface CompareRow {
  setting: string;
  cells: CompareCell[];
  status: RowStatus;
  /** Codes of the diagnostics on these lines, so the UI can offer their quick-fixes. */
  codes: string[];
}

export interface ClusterComparison {
  cluster: string;
  nodes: string[];
  rows: CompareRow[];
}

/** Settings that legitimately differ between members. */
const EXPECTED_DIFFERENCES = new Set(["state", "priority", "interface", "unicast_src_ip", "unicast_peer"]);

function cell<T>(f: Field<T> | undefined, show: (v: T) => string = String): CompareCell {
  if (!f) return { value: "—" };
  const where = f.word ?? f.statement?.keyword;
  return { value: show(f.value) + (f.source === "default" ? " (default)" : ""), file: where?.file, line: where?.range.start.line };
}

type Extractor = (i: VrrpInstance) => CompareCell;

const SETTINGS: [string, Extractor][] = [
  ["state", (i) => cell(i.state)],
  ["priority", (i) => cell(i.priority)],
  ["interface", (i) => cell(i.interface)],
  ["virtual_router_id", (i) => cell(i.vrid)],
  ["advert_int", (i) => cell(i.advertInt)],
  ["version", (i) => cell(i.version)],
  ["auth_type", (i) => cell(i.auth?.type)],
  // Compared as keepalived sends it; never shown in full.
  ["auth_pass", (i) => cell(i.auth?.pass, (p) => `${"•".repeat(Math.min(p.length, AUTH_PASS_LENGTH))} (${hash(p.slice(0, AUTH_PASS_LENGTH))})`)],
  ["virtual_ipaddress", (i) => ({ value: i.vips.map((v) => v.address).sort().join(", ") || "—", file: i.vipBlock?.file, line: i.vipBlock?.range.start.line })],
  ["unicast_src_ip", (i) => cell(i.unicastSrc)],
  ["unicast_peer", (i) => ({ value: i.unicastPeers.map((p) => p.address).sort().join(", ") || "—", file: i.unicastPeerBlock?.file, line: i.unicastPeerBlock?.range.start.line })],
  ["nopreempt", (i) => ({ value: i.nopreempt ? "yes" : "no", file: i.nopreempt?.file, line: i.nopreempt?.range.start.line })],
  ["preempt_delay", (i) => cell(i.preemptDelay)],
  ["track", (i) => ({ value: i.tracks.map((t) => `${t.kind} ${t.name} (${t.weight})`).sort().join(", ") || "—" })],
];

/** A short fingerprint so equal passwords can be seen as equal without showing them. */
function hash(text: string): string {
  let h = 2166136261;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 4);
}

export function compareCluster(cluster: Cluster, diagnostics: Diagnostic[]): ClusterComparison {
  const members = cluster.members;
  const rows: CompareRow[] = SETTINGS.map(([setting, extract]) => {
    const cells = members.map(extract);
    const distinct = new Set(cells.map((c) => c.value));
    const status: RowStatus = distinct.size <= 1 ? "equal" : EXPECTED_DIFFERENCES.has(setting) ? "expected" : "mismatch";
    const codes = [
      ...new Set(
        diagnostics.filter((d) => cells.some((c) => c.file === d.file && c.line === d.range.start.line)).map((d) => d.code),
      ),
    ];
    return { setting, cells, status, codes };
  });
  // Equal priorities are a problem even though priorities are expected to differ.
  const prio = rows.find((r) => r.setting === "priority")!;
  if (members.length > 1 && new Set(prio.cells.map((c) => c.value)).size < members.length) prio.status = "mismatch";
  return { cluster: [...new Set(members.map((m) => m.name))].join(" / "), nodes: members.map((m) => memberLabel(m, cluster)), rows };
}

/** Plain-text table for the CLI. */
export function comparisonText(c: ClusterComparison): string {
  const header = ["setting", ...c.nodes, ""];
  const body = c.rows.map((r) => [r.setting, ...r.cells.map((x) => x.value), r.status === "mismatch" ? "✗ MISMATCH" : r.status === "expected" ? "~ expected" : "="]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => [...(row[i] ?? "")].length)));
  const line = (row: string[]) => row.map((v, i) => v + " ".repeat(widths[i] - [...v].length)).join("  ").trimEnd();
  return [`cluster ${c.cluster}`, line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n") + "\n";
}
