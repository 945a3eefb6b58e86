// VRRP adverts are IP protocol 112, sent to 224.0.0.18 / ff02::12 or to the unicast peers. A host
// firewall that drops them makes every node MASTER. Once per node, say what must pass, with the
// firewalld and nftables rules for exactly these peers.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";
import { addressFamily } from "../util/ip";

function childArgs(s: ConfigStatement, keyword: string): string[] {
  return (s.children ?? []).filter((c) => c.keyword.text === keyword).flatMap((c) => (c.children ? c.children.map((l) => l.keyword.text) : c.args.map((a) => a.text)));
}

/** firewalld and nftables rules letting VRRP in from these unicast peers and to these multicast groups. */
export function firewallRules(peers: string[], groups: string[]): string[] {
  const rule = (address: string, direction: "source" | "destination") => {
    const v6 = addressFamily(address) === 6;
    return [
      `firewall-cmd --permanent --add-rich-rule='rule family="${v6 ? "ipv6" : "ipv4"}" ${direction} address="${address}" protocol value="vrrp" accept'`,
      `nft add rule inet filter input ${v6 ? "ip6" : "ip"} ${direction === "source" ? "saddr" : "daddr"} ${address} ${v6 ? "ip6 nexthdr" : "ip protocol"} vrrp accept`,
    ];
  };
  return [...peers.flatMap((p) => rule(p, "source")), ...groups.flatMap((g) => rule(g, "destination"))];
}

export const vrrpFirewallHintRule: NodeRule = {
  code: "vrrp-firewall-hint",
  checkNode({ config, report }) {
    const instances = config.statements.filter((s) => s.keyword.text === "vrrp_instance" && s.children);
    if (!instances.length) return;
    // Each instance needs its own unicast peers, or the multicast group of its family (its first VIP's).
    const peers = [...new Set(instances.flatMap((i) => childArgs(i, "unicast_peer")))].filter((p) => addressFamily(p));
    const groups = [
      ...new Set(
        instances
          .filter((i) => !childArgs(i, "unicast_peer").length)
          .map((i) => (addressFamily(childArgs(i, "virtual_ipaddress")[0]?.split("/")[0] ?? "") === 6 ? "ff02::12" : "224.0.0.18")),
      ),
    ];
    const first = instances[0].keyword;
    const what = [peers.length ? `from the unicast peers ${peers.join(", ")}` : "", groups.length ? `to the multicast group${groups.length > 1 ? "s" : ""} ${groups.join(", ")}` : ""].filter(Boolean).join(" and ");
    report({
      file: first.file,
      range: first.range,
      severity: "info",
      code: "vrrp-firewall-hint",
      message: `VRRP adverts (IP protocol 112) ${what} must pass this host's firewall, or every node becomes MASTER. ` + `Allow them with: ${firewallRules(peers, groups).join(" ; ")}`,
    });
  },
};
