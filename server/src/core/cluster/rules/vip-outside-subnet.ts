// A VIP written with a prefix (`192.0.2.10/24`) puts that subnet on the interface. When the node's
// own address and its peers' addresses all sit in one subnet of that size and the VIP's subnet is
// another one, the interface cannot have both as one subnet: the VIP brings a second subnet onto the
// segment (routers that do not know it ignore the gratuitous ARP). A VIP without a prefix (/32) or
// on another interface (`dev`) tells nothing, and is left alone; so is a VIP of a far-away network
// (not even the nodes' /16): unicast_src_ip may sit on another interface than the VIP (a private
// network for the adverts, a public one for the VIP), and then both are meant. A VIP next door to the
// nodes' subnet but outside it is the typo or the wrong prefix this is about.
import type { ClusterRule } from "../rule";
import { ipv4CommonBits, ipv4Network, ipv4Text, ipv4Value } from "../../util/ip";

export const vipOutsideSubnetRule: ClusterRule = {
  code: "vip-outside-subnet",
  alsoAlone: true,
  checkCluster(cluster, report) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator and a result per step (this runs per cluster).
    for (let mi = 0; mi < cluster.members.length; mi++) {
      const m = cluster.members[mi];
      const own = m.unicastSrc && ipv4Value(m.unicastSrc.value);
      // Most instances (multicast) stop here, before their peers' list is made.
      if (own === undefined || !m.unicastPeers.length) continue;
      const peers = m.unicastPeers.map((p) => ipv4Value(p.address)).filter((x): x is number => x !== undefined);
      if (!peers.length) continue;
      const lan = Math.min(...peers.map((p) => ipv4CommonBits(own, p)));
      for (let vi = 0; vi < m.vips.length; vi++) {
        const v = m.vips[vi];
        const [addr, lenText] = v.address.split("/");
        const len = Number(lenText);
        const value = ipv4Value(addr);
        if (value === undefined || lenText === undefined || !Number.isInteger(len) || len < 8 || len > 30) continue;
        const dev = v.statement.args.findIndex((a) => a.text === "dev");
        if (dev >= 0 && v.statement.args[dev + 1]?.text !== m.interface?.value) continue;
        // The node and its peers share this /len: that is the interface's subnet at this size.
        if (lan < len || ipv4Network(value, len) === ipv4Network(own, len) || ipv4CommonBits(value, own) < 16) continue;
        report({
          file: v.word.file,
          range: v.word.range,
          severity: "warning",
          code: "vip-outside-subnet",
          message:
            `virtual address ${v.address} is outside ${ipv4Text(ipv4Network(own, len))}/${len}, the subnet of ${m.node.name}'s address ${m.unicastSrc!.value} and its unicast peers: ` +
            `keepalived adds ${ipv4Text(ipv4Network(value, len))}/${len} as a second subnet on ${m.interface?.value ?? "the interface"}. Use a VIP of that subnet, or write it as /32 if it is routed to the nodes`,
          related: [{ file: m.unicastSrc!.word!.file, range: m.unicastSrc!.word!.range, message: `${m.node.name}: ${m.unicastSrc!.value}` }],
        });
      }
    }
  },
};
