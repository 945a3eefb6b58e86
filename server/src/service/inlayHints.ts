// Inlay hints: what the cluster model says, written where the user reads the number it explains.
//   priority 150   → 90 if chk_nginx fails
//   192.0.2.10/24  held by lb-a
// Off with `keepalived.inlayHints.enabled: false`.
import { InlayHint, InlayHintKind, InlayHintParams } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { instancesIn, InstanceInCluster } from "./clusterInfo";
import { Failures, holdersOf } from "../core/cluster/failover";
import { memberLabel } from "../core/cluster/cluster";
import { uriToPath } from "./uris";
import type { Range } from "../core/util/range";

function within(r: Range, range: Range): boolean {
  return r.end.line >= range.start.line && r.start.line <= range.end.line;
}

/** "→ 90 if chk_nginx fails" for each tracker whose failure changes this instance's priority. */
function priorityHint({ instance, cluster }: InstanceInCluster): string | undefined {
  const healthy = holdersOf(cluster).holders.find((h) => h.instance === instance);
  if (!healthy) return undefined;
  const parts: string[] = [];
  if (healthy.priority !== undefined && healthy.priority !== instance.priority.value) parts.push(`= ${healthy.priority} now`);
  const seen = new Set<string>();
  for (const t of instance.tracks) {
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    const failed = holdersOf(cluster, new Failures([`${instance.node.name}:${t.name}`])).holders.find((h) => h.instance === instance);
    if (!failed) continue;
    if (failed.role === "FAULT") parts.push(`→ FAULT if ${t.name} fails`);
    else if (failed.priority !== undefined && failed.priority !== healthy.priority) parts.push(`→ ${failed.priority} if ${t.name} fails`);
  }
  return parts.length ? parts.join(", ") : undefined;
}

export function inlayHints(index: WorkspaceIndex, params: InlayHintParams): InlayHint[] {
  if (!index.settings.inlayHints) return [];
  const file = uriToPath(params.textDocument.uri);
  const hints: InlayHint[] = [];
  for (const found of instancesIn(index.workspace, file)) {
    const { instance, cluster } = found;
    if (!within(instance.statement.range, params.range)) continue;
    const priorityWord = instance.priority.statement?.args[0];
    if (priorityWord && priorityWord.file === file) {
      const label = priorityHint(found);
      if (label) hints.push({ position: priorityWord.range.end, label, kind: InlayHintKind.Parameter, paddingLeft: true });
    }
    const master = holdersOf(cluster).master;
    for (const vip of instance.vips) {
      if (vip.statement.file !== file) continue;
      const last = vip.statement.args[vip.statement.args.length - 1] ?? vip.word;
      const end = last.range.end.line === vip.word.range.end.line ? last.range.end : vip.word.range.end;
      hints.push({ position: end, label: master ? `held by ${memberLabel(master.instance, cluster)}` : "held by nobody", kind: InlayHintKind.Type, paddingLeft: true });
    }
  }
  return hints;
}
