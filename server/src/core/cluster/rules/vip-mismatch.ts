// Members must carry the same virtual addresses: a VIP listed on one node only moves nowhere on failover.
import type { ClusterRule } from "../rule";
import { anchorOf } from "../rule";
import { memberLabel } from "../cluster";
import { insertIntoBlock } from "../edits";
import type { VirtualAddress, VrrpInstance } from "../../model/vrrp";

/** The peer's VIP line for this instance: its `dev` becomes ours, since interface names differ per node. */
function vipLineFor(i: VrrpInstance, vip: VirtualAddress, peer: VrrpInstance): string {
  const words = [vip.word.text, ...vip.statement.args.map((a) => a.text)];
  const dev = words.indexOf("dev");
  if (dev > 0) {
    const peerDev = words[dev + 1];
    if (i.interface && peerDev === peer.interface?.value) words[dev + 1] = i.interface.value;
    else if (peerDev !== i.interface?.value) words.splice(dev, 2);
  }
  return words.join(" ");
}

export const vipMismatchRule: ClusterRule = {
  code: "vip-mismatch",
  checkCluster(cluster, report) {
    for (const m of cluster.members) {
      const mine = new Set(m.vips.map((v) => v.key));
      const missing = new Map<string, { vip: VirtualAddress; peer: VrrpInstance }>();
      for (const o of cluster.members) {
        if (o === m) continue;
        for (const v of o.vips) if (!mine.has(v.key) && !missing.has(v.key)) missing.set(v.key, { vip: v, peer: o });
      }
      if (!missing.size) continue;
      const list = [...missing.values()];
      const w = m.vipBlock?.keyword ?? anchorOf(m, undefined);
      const lines = list.map(({ vip, peer }) => vipLineFor(m, vip, peer));
      const edit = m.vipBlock ? insertIntoBlock(m.vipBlock, lines, m.node.texts) : insertIntoBlock(m.statement, ["virtual_ipaddress {", ...lines.map((l) => `    ${l}`), "}"], m.node.texts);
      report({
        file: w.file,
        range: w.range,
        severity: "error",
        code: "vip-mismatch",
        message:
          `${m.name} on ${memberLabel(m, cluster)} lacks ${list.map(({ vip, peer }) => `${vip.key} (on ${memberLabel(peer, cluster)})`).join(", ")}: ` +
          `the VIP set must be the same on every member, or the missing addresses are not moved on failover`,
        related: list.map(({ vip, peer }) => ({ file: vip.word.file, range: vip.word.range, message: `${vip.key} on ${memberLabel(peer, cluster)}` })),
        fixes: edit ? [{ title: `Add ${list.map((x) => x.vip.key).join(", ")} to virtual_ipaddress`, edits: [edit], preferred: true }] : [],
      });
    }
  },
};
