// Strict mode (vrrp_strict in global_defs, or strict_mode in the instance) forbids what the VRRP
// RFCs do not have. keepalived does not refuse the file: it drops the setting ("Strict mode does not
// support authentication. Ignoring.", "preempt_delay is incompatible with strict mode - resetting")
// or the whole instance ("Unicast peers are not supported in strict mode"). Either way the
// configuration does not do what it says. (An instance without addresses: no-virtual-address.)
// An advert lists every virtual address, in an 8-bit count and within one frame of the interface's
// MTU; keepalived (vrrp_complete_instance) moves the addresses past that limit to the excluded ones,
// which are configured but never advertised -- not what a strictly RFC-conforming router sends.
import type { CheckOptions, NodeRule } from "../check/rule";
import type { Diagnostic } from "../check/diagnostic";
import type { ConfigStatement } from "../config/expand";
import { instanceFacts, InstanceFacts } from "../model/vrrpFacts";
import { vipOverflow } from "./too-many-vips";
import { compareVersions } from "../util/version";

/** From 2.2.5 to 2.3.4 keepalived tests for unicast peers before it records that the instance has
 *  them (vrrp_complete_instance), so the strict-mode refusal never fires; fixed after 2.3.4 (29a89e4f). */
function unicastCheckIsDead(target: string | undefined): boolean {
  return !!target && compareVersions(target, "2.2.5") >= 0 && compareVersions(target, "2.3.4") <= 0;
}

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
  checkNode({ annotated, report, options }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (!f.strict || f.uncertain) continue;
      checkStrictInstance(f, options, report);
    }
  },
};

/** One strict instance's conflicts. A function of its own: the closure `at` over the instance made every pass of checkNode's loop allocate a scope object, strict or not. */
function checkStrictInstance(f: InstanceFacts, options: CheckOptions, report: (d: Diagnostic) => void): void {
  const at = (s: ConfigStatement, message: string) =>
    report({ file: s.keyword.file, range: s.keyword.range, severity: "error", code: "strict-mode-conflict", message: `(${f.name}) ${message}` });
  if (f.authentication && authenticates(f.statement)) at(f.authentication, "strict mode does not allow authentication: keepalived ignores this block (\"Strict mode does not support authentication\")");
  if (f.unicastPeer && unicastCheckIsDead(options.targetVersion)) {
    const u = f.unicastPeer;
    report({
      file: u.keyword.file,
      range: u.keyword.range,
      severity: "warning",
      code: "strict-mode-conflict",
      message: `(${f.name}) strict mode does not allow unicast peers: keepalived ${options.targetVersion} misses this (it checks before it counts the peers) and runs the instance, but releases after 2.3.4 refuse it on an interface that supports multicast`,
    });
  } else if (f.unicastPeer) at(f.unicastPeer, "strict mode does not allow unicast peers: keepalived refuses this instance on an interface that supports multicast");
  if (f.preemptDelay) at(f.preemptDelay, "preempt_delay is not allowed in strict mode: keepalived resets it to 0");
  const overflow = vipOverflow(f);
  if (overflow) report({ ...overflow, code: "strict-mode-conflict" });
}
