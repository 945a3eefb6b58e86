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
import { addressFamily } from "../util/ip";

/** The address count field of an advert is 8 bits wide. */
const MAX_ADDR_FIELD = 255;
/** keepalived's DEFAULT_MTU; the real limit uses the interface's MTU, unknown here. */
const ASSUMED_MTU = 1500;
/** Ethernet + IPv6 + VRRP headers (14 + 40 + 8); IPv4's 14 + 20 + 8 (+ 8 auth for v2) never binds below the 255 cap. */
const IPV6_HEADERS = 62;

/** How many addresses of this family one advert carries on a 1500-byte MTU: 255 for IPv4, 89 for IPv6. */
export function maxAdvertisedAddresses(family: 4 | 6): number {
  return family === 6 ? Math.min(MAX_ADDR_FIELD, Math.floor((ASSUMED_MTU - IPV6_HEADERS) / 16)) : MAX_ADDR_FIELD;
}

export const strictModeConflictRule: NodeRule = {
  code: "strict-mode-conflict",
  checkNode({ annotated, report }) {
    for (const f of instanceFacts(annotated)) {
      if (!f.strict || f.uncertain) continue;
      const at = (s: ConfigStatement, message: string) =>
        report({ file: s.keyword.file, range: s.keyword.range, severity: "error", code: "strict-mode-conflict", message: `(${f.name}) ${message}` });
      if (f.authentication) at(f.authentication, "strict mode does not allow authentication: keepalived ignores this block (\"Strict mode does not support authentication\")");
      if (f.unicastPeer) at(f.unicastPeer, "strict mode does not allow unicast peers: keepalived refuses this instance on an interface that supports multicast");
      if (f.preemptDelay) at(f.preemptDelay, "preempt_delay is not allowed in strict mode: keepalived resets it to 0");
      const vips = (f.statement.children ?? []).filter((c) => c.keyword.text === "virtual_ipaddress").flatMap((c) => c.children ?? []);
      const family = vips.length && addressFamily(vips[0].keyword.text.split("/")[0]) === 6 ? 6 : 4;
      const max = maxAdvertisedAddresses(family);
      if (vips.length > max) {
        const first = vips[max];
        report({
          file: first.keyword.file,
          range: first.keyword.range,
          severity: "warning",
          code: "strict-mode-conflict",
          message:
            `(${f.name}) ${vips.length} virtual addresses, but one advert carries at most ${max} IPv${family} addresses` +
            (family === 6 ? ` (at a ${ASSUMED_MTU}-byte MTU)` : "") +
            `: keepalived advertises the first ${max} and handles this one and the rest as virtual_ipaddress_excluded`,
        });
      }
    }
  },
};
