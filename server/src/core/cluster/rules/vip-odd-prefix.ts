// Virtual addresses whose prefix or broadcast make no sense for one moving address: the network or
// broadcast address of its own prefix, a prefix wider than /8 (an on-link route for millions of
// addresses), a `brd` on a /31 or /32 or one that is not the subnet's broadcast, and one VIP written
// with different prefixes on the members (it changes subnet when it moves). keepalived accepts them
// all (keepalived/vrrp/vrrp_ipaddress.c parse_ipaddress) and the kernel installs them as written.
import type { ClusterRule } from "../rule";
import { memberLabel } from "../cluster";
import { ipv4Network, ipv4Text, ipv4Value } from "../../util/ip";
import type { VirtualAddress, VrrpInstance } from "../../model/vrrp";

/** Number() of the text from `start` to `end`, read in place when it is one to three digits (no string per VIP). */
function prefixLength(text: string, start: number, end: number): number {
  if (end - start < 1 || end - start > 3) return Number(text.slice(start, end));
  let n = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return Number(text.slice(start, end));
    n = n * 10 + c;
  }
  return n;
}

// Loops in functions of their own, not closures over the VIP: a closure's variables made a context
// object per VIP of every cluster, found or not.
/** A VIP of `vips` with the key of `v` but written otherwise (another prefix). */
function writtenOtherwise(vips: readonly VirtualAddress[], v: VirtualAddress): VirtualAddress | undefined {
  for (let k = 0; k < vips.length; k++) if (vips[k].key === v.key && vips[k].address !== v.address) return vips[k];
  return undefined;
}

function firstWithKey(vips: readonly VirtualAddress[], key: string): VirtualAddress | undefined {
  for (let k = 0; k < vips.length; k++) if (vips[k].key === key) return vips[k];
  return undefined;
}

export const vipOddPrefixRule: ClusterRule = {
  code: "vip-odd-prefix",
  alsoAlone: true,
  checkCluster(cluster, report) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator and a result per step (this runs per cluster).
    for (let mi = 0; mi < cluster.members.length; mi++) {
      const m = cluster.members[mi];
      for (let vi = 0; vi < m.vips.length; vi++) {
        const v = m.vips[vi];
        // Read in place, and a list of problems only once there is one: this runs for every VIP.
        const value = ipv4Value(v.address);
        if (value === undefined) continue;
        const slash = v.address.indexOf("/");
        const addr = v.key; // the address before the '/' (extractVrrp.ts)
        const lenEnd = slash < 0 ? -1 : v.address.indexOf("/", slash + 1);
        const len = slash < 0 ? 32 : prefixLength(v.address, slash + 1, lenEnd < 0 ? v.address.length : lenEnd);
        if (!Number.isInteger(len) || len < 0 || len > 32) continue;
        let problems: string[] | undefined;
        const network = ipv4Network(value, len);
        const broadcast = network + 2 ** (32 - len) - 1;
        if (len < 8) (problems ??= []).push(`/${len} makes ${2 ** (32 - len)} addresses on-link on the interface`);
        else if (len <= 30 && value === network) (problems ??= []).push(`${addr} is the network address of ${ipv4Text(network)}/${len}`);
        else if (len <= 30 && value === broadcast) (problems ??= []).push(`${addr} is the broadcast address of ${ipv4Text(network)}/${len}`);
        const args = v.statement.args;
        let brdAt = -1;
        for (let k = 0; k < args.length && brdAt < 0; k++) if (args[k].text === "brd" || args[k].text === "broadcast") brdAt = k;
        const brd = brdAt >= 0 ? args[brdAt + 1] : undefined;
        const brdValue = brd && ipv4Value(brd.text);
        if (brd && len >= 31) (problems ??= []).push(`a /${len} has no broadcast address, yet brd ${brd.text} is given`);
        else if (brdValue !== undefined && brdValue !== broadcast) (problems ??= []).push(`brd ${brd!.text} is not the broadcast address of ${ipv4Text(network)}/${len} (${ipv4Text(broadcast)})`);
        let other: VrrpInstance | undefined;
        for (let k = 0; k < cluster.members.length && !other; k++) {
          const o = cluster.members[k];
          if (o !== m && writtenOtherwise(o.vips, v)) other = o;
        }
        if (other) (problems ??= []).push(`${memberLabel(other, cluster)} writes it as ${firstWithKey(other.vips, v.key)!.address}: the subnet changes when the VIP moves`);
        if (!problems) continue;
        report({
          file: v.word.file,
          range: v.word.range,
          severity: "warning",
          code: "vip-odd-prefix",
          message: `virtual address ${v.address}: ${problems.join("; ")}`,
        });
      }
    }
  },
};
