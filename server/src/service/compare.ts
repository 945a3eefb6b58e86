// keepalived/peers, keepalived/compare and keepalived/peerConfig: the data behind "Compare with Peer"
// and "Create Peer Config". The tables come from the core; this only maps files to URIs and
// attaches the quick-fixes of the diagnostics on each mismatching row.
import type { WorkspaceIndex } from "./workspaceIndex";
import type { CompareParams, CompareResult, CompareRowFix, PeerConfigParams, PeerConfigResult, PeersResult, EditChanges } from "../protocol";
import { compareCluster } from "../core/compare/compare";
import { createPeerConfig } from "../core/compare/peerConfig";
import type { Fix } from "../core/check/diagnostic";
import { pathToUri, uriToPath } from "./uris";

function changesOf(fix: Fix): EditChanges {
  const changes: EditChanges = {};
  for (const e of fix.edits) (changes[pathToUri(e.file)] ??= []).push({ range: e.range, newText: e.newText });
  return changes;
}

/** The node whose configuration reads this file (its root first) and the nodes it shares clusters with. */
export function peers(index: WorkspaceIndex, uri: string): PeersResult {
  const file = uriToPath(uri);
  const view = index.workspace.clusters();
  const mine = view.models.filter((m) => m.root === file).concat(view.models.filter((m) => m.root !== file && index.nodesWith(file).some((n) => n.id === m.id)));
  const node = mine[0];
  if (!node) return { peers: [] };
  const others = new Map<string, { name: string; uri: string }>();
  for (const i of node.instances) {
    const c = view.clusterOf(i);
    for (const m of c?.members ?? []) if (m.node.id !== node.id) others.set(m.node.id, { name: m.node.name, uri: pathToUri(m.node.root) });
  }
  return { node: { name: node.name, uri: pathToUri(node.root) }, peers: [...others.values()] };
}

export function compare(index: WorkspaceIndex, params: CompareParams): CompareResult {
  const a = uriToPath(params.uri);
  const b = uriToPath(params.peerUri);
  const view = index.workspace.clusters();
  const diagnostics = index.workspace.diagnostics();
  const shared = view.clusters.filter((c) => c.members.some((m) => m.node.root === a) && c.members.some((m) => m.node.root === b));
  return {
    tables: shared.map((c) => {
      const table = compareCluster(c, diagnostics);
      const fixes: Record<string, CompareRowFix[]> = {};
      for (const row of table.rows) {
        if (row.status !== "mismatch") continue;
        const onRow = diagnostics.filter((d) => row.codes.includes(d.code) && row.cells.some((cell) => cell.file === d.file && cell.line === d.range.start.line));
        fixes[row.setting] = onRow.flatMap((d) => (d.fixes ?? []).map((f) => ({ title: f.title, changes: changesOf(f) })));
      }
      // Paths become URIs for the client.
      for (const row of table.rows) for (const cell of row.cells) if (cell.file) cell.file = pathToUri(cell.file);
      return { ...table, fixes };
    }),
  };
}

export function peerConfig(index: WorkspaceIndex, params: PeerConfigParams): PeerConfigResult {
  const file = uriToPath(params.uri);
  const model = index.workspace.clusters().models.find((m) => m.root === file);
  if (!model) return { error: "This file is not the root of a keepalived configuration (it is included by another file, or not indexed)." };
  if (!model.instances.length) return { error: "This configuration has no vrrp_instance to pair with." };
  return { text: createPeerConfig(model, { name: params.name }) };
}
