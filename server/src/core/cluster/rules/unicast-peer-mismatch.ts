// With unicast, adverts go only to the listed peers: a member missing from a peer list never hears
// (or is never heard by) that node, and an address no member has is a typo or a stale entry.
import type { ClusterRule, Report } from "../rule";
import type { Cluster } from "../cluster";
import { anchorOf, relatedTo } from "../rule";
import { memberLabel } from "../cluster";
import { insertIntoBlock } from "../edits";
import type { TextEdit } from "../../check/diagnostic";
import type { UnicastPeer, VrrpInstance } from "../../model/vrrp";
import { isIp } from "../../util/ip";

/** Deletes a peer line when the address stands alone on it. */
function removeLine(i: VrrpInstance, peer: UnicastPeer): TextEdit | undefined {
  if (peer.word.substituted || peer.statement.args.length) return undefined;
  const line = i.node.texts.get(peer.word.file)?.split("\n")[peer.word.range.start.line] ?? "";
  if (line.trim() !== peer.word.text) return undefined;
  const l = peer.word.range.start.line;
  return { file: peer.word.file, range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: "" };
}

/** Reports members whose unicast_src_ip another member already uses (on the lower-priority one); true if any. */
function reportSharedSources(cluster: Cluster, report: Report): boolean {
  const bySource = new Map<string, VrrpInstance[]>();
  for (const m of cluster.members) if (m.unicastSrc) bySource.set(m.unicastSrc.value, [...(bySource.get(m.unicastSrc.value) ?? []), m]);
  let any = false;
  for (const [address, users] of bySource) {
    if (users.length < 2) continue;
    any = true;
    const [kept, ...copies] = [...users].sort((a, b) => b.priority.value - a.priority.value || (b.state?.value === "MASTER" ? 1 : 0) - (a.state?.value === "MASTER" ? 1 : 0));
    for (const m of copies) {
      const w = anchorOf(m, m.unicastSrc);
      report({
        file: w.file,
        range: w.range,
        severity: "error",
        code: "unicast-peer-mismatch",
        message: `unicast_src_ip ${address} on ${memberLabel(m, cluster)} is also the one of ${memberLabel(kept, cluster)}: each node sends from its own address, and its peers list the other's (was this block copied from ${memberLabel(kept, cluster)}?)`,
        related: [relatedTo(kept, kept.unicastSrc, `unicast_src_ip of ${memberLabel(kept, cluster)}`)],
        fixes: [],
      });
    }
  }
  return any;
}

export const unicastPeerMismatchRule: ClusterRule = {
  code: "unicast-peer-mismatch",
  checkCluster(cluster, report) {
    if (!cluster.members.some((m) => m.unicastPeers.length)) return; // multicast everywhere
    // Two nodes sending from one address: a unicast_src_ip copied from the peer's file. That is the
    // finding; the peer lists built on it cannot be judged (the real addresses are unknown).
    const copied = reportSharedSources(cluster, report);
    const known = cluster.members.every((m) => m.unicastSrc) && !copied;
    for (const m of cluster.members) {
      const listed = new Set(m.unicastPeers.map((p) => p.address));
      const missing = cluster.members.filter((o) => o !== m && o.unicastSrc && o.node !== m.node && !listed.has(o.unicastSrc.value) && o.unicastSrc.value !== m.unicastSrc?.value);
      if (missing.length) {
        const addresses = missing.map((o) => o.unicastSrc!.value);
        // Only real addresses are proposed (a template placeholder such as `[main_ip]` is no peer).
        const edit = !addresses.every(isIp)
          ? undefined
          : m.unicastPeerBlock
          ? insertIntoBlock(m.unicastPeerBlock, addresses, m.node.texts)
          : insertIntoBlock(m.statement, ["unicast_peer {", ...addresses.map((a) => `    ${a}`), "}"], m.node.texts);
        const w = m.unicastPeerBlock?.keyword ?? anchorOf(m, undefined);
        report({
          file: w.file,
          range: w.range,
          severity: "error",
          code: "unicast-peer-mismatch",
          message:
            `${m.unicastPeerBlock ? "unicast_peer" : `${m.name} has no unicast_peer list and`} on ${memberLabel(m, cluster)} ` +
            `${m.unicastPeerBlock ? "misses" : "so never reaches"} ${missing.map((o) => `${o.unicastSrc!.value} (${memberLabel(o, cluster)})`).join(", ")}`,
          related: missing.map((o) => relatedTo(o, o.unicastSrc, `unicast_src_ip of ${memberLabel(o, cluster)}`)),
          fixes: edit ? [{ title: `Add unicast peer ${addresses.join(", ")}`, edits: [edit], preferred: true }] : [],
        });
      }
      if (!known) continue; // a member without unicast_src_ip uses an address we cannot see
      const addresses = new Set(cluster.members.map((o) => o.unicastSrc!.value));
      for (const p of m.unicastPeers) {
        if (addresses.has(p.address)) continue;
        // Removing the last peer would turn the instance to multicast: no fix then.
        const edit = m.unicastPeers.length > 1 ? removeLine(m, p) : undefined;
        report({
          file: p.word.file,
          range: p.word.range,
          severity: "error",
          code: "unicast-peer-mismatch",
          message: `unicast peer ${p.address} on ${memberLabel(m, cluster)} is not the unicast_src_ip of any member of ${m.name} (${cluster.members.filter((o) => o !== m).map((o) => `${memberLabel(o, cluster)}: ${o.unicastSrc!.value}`).join(", ")})`,
          related: cluster.members.filter((o) => o !== m).map((o) => relatedTo(o, o.unicastSrc, `unicast_src_ip of ${memberLabel(o, cluster)}`)),
          fixes: edit ? [{ title: `Remove unicast peer ${p.address}`, edits: [edit] }] : [],
        });
      }
    }
  },
};
