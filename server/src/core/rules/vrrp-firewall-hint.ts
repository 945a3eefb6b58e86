// VRRP adverts are IP protocol 112, sent to 224.0.0.18 / ff02::12 or to the unicast peers. A host
// firewall that drops them makes every node MASTER. Once per node, say what must pass, with the
// firewalld and nftables rules for exactly these peers.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";
import { addressFamily } from "../util/ip";

function childArgs(s: ConfigStatement, keyword: string): string[] {
  return (s.children ?? []).filter((c) => c.keyword.text === keyword).flatMap((c) => (c.children ? c.children.map((l) => l.keyword.text) : c.args.map((a) => a.text)));
}

export function firewallRules(peers: string[], ipv6: boolean): string[] {
  if (peers.length) {
    return peers.flatMap((p) => {
      const fam = addressFamily(p) === 6 ? "ipv6" : "ipv4";
      const nft = addressFamily(p) === 6 ? "ip6" : "ip";
      return [
        `firewall-cmd --permanent --add-rich-rule='rule family="${fam}" source address="${p}" protocol value="vrrp" accept'`,
        `nft add rule inet filter input ${nft} saddr ${p} ip${nft === "ip6" ? "6 nexthdr" : " protocol"} vrrp accept`,
      ];
    });
  }
  const group = ipv6 ? "ff02::12" : "224.0.0.18";
  return [
    `firewall-cmd --permanent --add-rich-rule='rule family="${ipv6 ? "ipv6" : "ipv4"}" destination address="${group}" protocol value="vrrp" accept'`,
    `nft add rule inet filter input ${ipv6 ? "ip6" : "ip"} daddr ${group} ${ipv6 ? "ip6 nexthdr" : "ip protocol"} vrrp accept`,
  ];
}

export const vrrpFirewallHintRule: NodeRule = {
  code: "vrrp-firewall-hint",
  checkNode({ config, report }) {
    const instances = config.statements.filter((s) => s.keyword.text === "vrrp_instance" && s.children);
    if (!instances.length) return;
    const peers = [...new Set(instances.flatMap((i) => childArgs(i, "unicast_peer")))].filter((p) => addressFamily(p));
    const ipv6 = instances.some((i) => childArgs(i, "virtual_ipaddress").some((v) => addressFamily(v) === 6));
    const first = instances[0].keyword;
    const what = peers.length ? `from the unicast peers ${peers.join(", ")}` : `to the multicast group ${ipv6 ? "ff02::12" : "224.0.0.18"}`;
    report({
      file: first.file,
      range: first.range,
      severity: "info",
      code: "vrrp-firewall-hint",
      message: `VRRP adverts (IP protocol 112) ${what} must pass this host's firewall, or every node becomes MASTER. ` + `Allow them with: ${firewallRules(peers, ipv6).join(" ; ")}`,
    });
  },
};
