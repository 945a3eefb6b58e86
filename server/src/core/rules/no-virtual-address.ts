// A vrrp_instance without virtual_ipaddress. keepalived refuses it under VRRPv3 or strict mode
// ("No VIP specified; at least one is required") and only warns under VRRPv2 ("... at least one is
// sensible"): an instance with nothing to move still takes part in elections, which is rarely meant.
import type { NodeRule } from "../check/rule";
import { instanceFacts } from "../model/vrrpFacts";

export const noVirtualAddressRule: NodeRule = {
  code: "no-virtual-address",
  checkNode({ annotated, report }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f.uncertain || f.vipCount > 0) continue;
      const refused = f.strict || f.version === 3;
      const kw = f.statement.keyword;
      report({
        file: kw.file,
        range: kw.range,
        severity: refused ? "error" : "warning",
        code: "no-virtual-address",
        message: refused
          ? `vrrp_instance ${f.name} has no virtual_ipaddress: keepalived refuses it ${f.strict ? "in strict mode" : "with VRRP version 3"}`
          : `vrrp_instance ${f.name} has no virtual_ipaddress: it takes part in elections but has no address to move`,
      });
    }
  },
};
