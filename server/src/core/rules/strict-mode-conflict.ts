// Strict mode (vrrp_strict in global_defs, or strict_mode in the instance) forbids what the VRRP
// RFCs do not have. keepalived does not refuse the file: it drops the setting ("Strict mode does not
// support authentication. Ignoring.", "preempt_delay is incompatible with strict mode - resetting")
// or the whole instance ("Unicast peers are not supported in strict mode"). Either way the
// configuration does not do what it says. (An instance without addresses: no-virtual-address.)
// An advert lists every virtual address, in an 8-bit count and within one frame of the interface's
// MTU; keepalived (vrrp_complete_instance) moves the addresses past that limit to the excluded ones,
// which are configured but never advertised -- not what a strictly RFC-conforming router sends.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";
import { instanceFacts } from "../model/vrrpFacts";
import { vipOverflow } from "./too-many-vips";

/** keepalived sets an authentication type only for `auth_type PASS` or `AH`, in capitals; any other
 *  value is refused and leaves the instance without authentication, so strict mode has nothing to drop. */
function authenticates(instance: ConfigStatement): boolean {
  return (instance.children ?? [])
    .filter((c) => c.keyword.text === "authentication")
    .flatMap((a) => a.children ?? [])
    .some((c) => c.keyword.text === "auth_type" && (c.args[0]?.text === "PASS" || c.args[0]?.text === "AH"));
}

export const strictModeConflictRule: NodeRule = {
  code: "strict-mode-conflict",
  checkNode({ annotated, report }) {
    for (const f of instanceFacts(annotated)) {
      if (!f.strict || f.uncertain) continue;
      const at = (s: ConfigStatement, message: string) =>
        report({ file: s.keyword.file, range: s.keyword.range, severity: "error", code: "strict-mode-conflict", message: `(${f.name}) ${message}` });
      if (f.authentication && authenticates(f.statement)) at(f.authentication, "strict mode does not allow authentication: keepalived ignores this block (\"Strict mode does not support authentication\")");
      if (f.unicastPeer) at(f.unicastPeer, "strict mode does not allow unicast peers: keepalived refuses this instance on an interface that supports multicast");
      if (f.preemptDelay) at(f.preemptDelay, "preempt_delay is not allowed in strict mode: keepalived resets it to 0");
      const overflow = vipOverflow(f);
      if (overflow) report({ ...overflow, code: "strict-mode-conflict" });
    }
  },
};
