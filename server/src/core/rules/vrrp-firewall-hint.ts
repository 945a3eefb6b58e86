// VRRP adverts are IP protocol 112, sent to 224.0.0.18 / ff02::12 or to the unicast peers. A host
// firewall that drops them makes every node MASTER. This holds for every node, so it is not a problem
// of the file: it is off unless asked for (`keepalived-lint check --firewall-hints`); the editor shows
// the same advice in the hover of vrrp_instance and unicast_peer. See docs/decisions/severity-policy.md.
import type { NodeRule } from "../check/rule";
import { firewallNeeds, firewallRules, firewallSummary } from "../firewall/vrrpFirewall";

export { firewallRules };

export const vrrpFirewallHintRule: NodeRule = {
  code: "vrrp-firewall-hint",
  checkNode({ config, options, report }) {
    if (!options.firewallHints) return;
    const needs = firewallNeeds(config.statements);
    if (!needs) return;
    const first = config.statements.find((s) => s.keyword.text === "vrrp_instance" && s.children)!.keyword;
    report({
      file: first.file,
      range: first.range,
      severity: "info",
      code: "vrrp-firewall-hint",
      message: `${firewallSummary(needs)} Allow them with: ${firewallRules(needs.peers, needs.groups).join(" ; ")}`,
    });
  },
};
