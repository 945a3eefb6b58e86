// Which vrrp_instance of the new configuration keepalived takes for which running one on a reload.
// keepalived does not match instances by name: vrrp_exist() (keepalived/vrrp/vrrp.c) pairs an old and
// a new instance when VRID, address family and interface are the same, both are unicast or both
// multicast, the unicast source address is the same (unicast), and the VMAC settings agree
// (multicast). An instance whose identity changes is deleted and a new one created.
import type { VrrpInstance } from "../model/vrrp";
import { child } from "../model/fields";
import { addressFamily } from "../util/ip";

export interface ReloadIdentity {
  vrid: string;
  family: 4 | 6;
  interface: string;
  unicast: boolean;
  unicastSrc: string;
  vmac: boolean;
}

/** The family keepalived gives the instance: from its unicast source, else its first VIP. */
function familyOf(i: VrrpInstance): 4 | 6 {
  return (i.unicastSrc && addressFamily(i.unicastSrc.value)) || (i.vips[0] && addressFamily(i.vips[0].address)) || 4;
}

export function reloadIdentity(i: VrrpInstance): ReloadIdentity {
  const unicast = i.unicastPeers.length > 0;
  return {
    vrid: String(i.vrid?.value ?? "?"),
    family: familyOf(i),
    interface: i.interface?.value ?? "",
    unicast,
    unicastSrc: unicast ? (i.unicastSrc?.value ?? "") : "",
    vmac: !unicast && (!!child(i.statement, "use_vmac") || !!child(i.statement, "use_ipvlan")),
  };
}

export function identityKey(i: VrrpInstance): string {
  const id = reloadIdentity(i);
  return [id.vrid, id.family, id.interface, id.unicast ? `unicast ${id.unicastSrc}` : "multicast", id.vmac ? "vmac" : ""].join("\u0000");
}

/** What differs between two identities, in keepalived's words, e.g. "virtual_router_id 51 → 52". */
export function identityChanges(a: VrrpInstance, b: VrrpInstance): string[] {
  const x = reloadIdentity(a);
  const y = reloadIdentity(b);
  const out: string[] = [];
  if (x.vrid !== y.vrid) out.push(`virtual_router_id ${x.vrid} → ${y.vrid}`);
  if (x.family !== y.family) out.push(`address family IPv${x.family} → IPv${y.family}`);
  if (x.interface !== y.interface) out.push(`interface ${x.interface || "(none)"} → ${y.interface || "(none)"}`);
  if (x.unicast !== y.unicast) out.push(x.unicast ? "unicast → multicast" : "multicast → unicast");
  else if (x.unicastSrc !== y.unicastSrc) out.push(`unicast_src_ip ${x.unicastSrc || "(interface address)"} → ${y.unicastSrc || "(interface address)"}`);
  if (x.vmac !== y.vmac) out.push(y.vmac ? "use_vmac added" : "use_vmac removed");
  return out;
}
