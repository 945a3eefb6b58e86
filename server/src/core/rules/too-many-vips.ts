// More virtual addresses than one advert carries: the count field is 8 bits and the advert must fit
// in one frame. keepalived (vrrp_complete_instance) advertises the first ones and turns the rest into
// excluded addresses, configured but never announced, so a backup taking over does not learn of them.
// In strict mode the same finding is reported as strict-mode-conflict.
import type { NodeRule } from "../check/rule";
import type { Diagnostic } from "../check/diagnostic";
import { instanceFacts, InstanceFacts } from "../model/vrrpFacts";
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

/** The finding for one instance, on its first address that does not fit; undefined when all fit. */
export function vipOverflow(f: InstanceFacts): Omit<Diagnostic, "code"> | undefined {
  // Fewer addresses than the smaller of the two limits always fit: no need to list them (every keystroke asks).
  if (f.vipCount <= maxAdvertisedAddresses(6)) return undefined;
  const vips = (f.statement.children ?? []).filter((c) => c.keyword.text === "virtual_ipaddress").flatMap((c) => c.children ?? []);
  const family = vips.length && addressFamily(vips[0].keyword.text.split("/")[0]) === 6 ? 6 : 4;
  const max = maxAdvertisedAddresses(family);
  if (vips.length <= max) return undefined;
  const first = vips[max];
  return {
    file: first.keyword.file,
    range: first.keyword.range,
    severity: "warning",
    message:
      `(${f.name}) ${vips.length} virtual addresses, but one advert carries at most ${max} IPv${family} addresses` +
      (family === 6 ? ` (at a ${ASSUMED_MTU}-byte MTU)` : "") +
      `: keepalived advertises the first ${max} and handles this one and the rest as virtual_ipaddress_excluded`,
  };
}

export const tooManyVipsRule: NodeRule = {
  code: "too-many-vips",
  checkNode({ annotated, report }) {
    // Indexed: this runs once per node, mostly before the optimizer steps in, where a for-of makes an iterator result per instance.
    const facts = instanceFacts(annotated);
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k];
      if (f.strict || f.uncertain) continue;
      const overflow = vipOverflow(f);
      if (overflow) report({ ...overflow, code: "too-many-vips" });
    }
  },
};
