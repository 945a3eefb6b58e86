// What a host firewall must let through for VRRP: IP protocol 112 from the unicast peers, or to the
// multicast group of the instance's family (224.0.0.18, ff02::12). Advice that holds for every node,
// so it is shown where it is asked for (hover, `keepalived-lint firewall`), not in Problems.
import type { ConfigStatement } from "../config/expand";
import { addressFamily } from "../util/ip";

export interface FirewallNeeds {
  /** Unicast peers whose adverts must come in. */
  peers: string[];
  /** Multicast groups adverts are sent to, for instances without unicast peers. */
  groups: string[];
}

function childArgs(s: ConfigStatement, keyword: string): string[] {
  return (s.children ?? []).filter((c) => c.keyword.text === keyword).flatMap((c) => (c.children ? c.children.map((l) => l.keyword.text) : c.args.map((a) => a.text)));
}

/** The peers and groups of these vrrp_instance blocks; undefined when there is none. */
export function firewallNeeds(instances: ConfigStatement[]): FirewallNeeds | undefined {
  const vrrp = instances.filter((s) => s.keyword.text === "vrrp_instance" && s.children);
  if (!vrrp.length) return undefined;
  const peers = [...new Set(vrrp.flatMap((i) => childArgs(i, "unicast_peer")))].map((p) => p.split("/")[0]).filter((p) => addressFamily(p));
  // Each instance needs its own unicast peers, or the multicast group of its family (its first VIP's).
  const groups = [
    ...new Set(
      vrrp
        .filter((i) => !childArgs(i, "unicast_peer").length)
        .map((i) => (addressFamily(childArgs(i, "virtual_ipaddress")[0]?.split("/")[0] ?? "") === 6 ? "ff02::12" : "224.0.0.18")),
    ),
  ];
  return { peers: [...new Set(peers)], groups };
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

/** "from the unicast peers ... and to the multicast group ...". */
function whatPasses(needs: FirewallNeeds): string {
  return [needs.peers.length ? `from the unicast peers ${needs.peers.join(", ")}` : "", needs.groups.length ? `to the multicast group${needs.groups.length > 1 ? "s" : ""} ${needs.groups.join(", ")}` : ""]
    .filter(Boolean)
    .join(" and ");
}

/** One sentence: what must pass, and why. */
export function firewallSummary(needs: FirewallNeeds): string {
  return `VRRP adverts (IP protocol 112) ${whatPasses(needs)} must pass this host's firewall, or every node becomes MASTER.`;
}

/** The summary and the rules as plain text, one rule per line (the CLI's `firewall` command). */
export function firewallAdviceText(needs: FirewallNeeds): string {
  return [firewallSummary(needs), ...firewallRules(needs.peers, needs.groups).map((r) => `  ${r}`)].join("\n");
}

/** The summary and the rules as Markdown, for a hover. */
export function firewallAdviceMarkdown(needs: FirewallNeeds): string {
  return `${firewallSummary(needs)}\n\n\`\`\`sh\n${firewallRules(needs.peers, needs.groups).join("\n")}\n\`\`\``;
}
