// Virtual addresses whose prefix or broadcast make no sense for one moving address: the network or
// broadcast address of its own prefix, a prefix wider than /8 (an on-link route for millions of
// addresses), a `brd` on a /31 or /32 or one that is not the subnet's broadcast, and one VIP written
// with different prefixes on the members (it changes subnet when it moves). keepalived accepts them
// all (keepalived/vrrp/vrrp_ipaddress.c parse_ipaddress) and the kernel installs them as written.
import type { ClusterRule } from "../rule";
import { memberLabel } from "../cluster";
import { ipv4Network, ipv4Text, ipv4Value } from "../../util/ip";

export const vipOddPrefixRule: ClusterRule = {
  code: "vip-odd-prefix",
  alsoAlone: true,
  checkCluster(cluster, report) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator and a result per step (this runs per cluster).
    for (let mi = 0; mi < cluster.members.length; mi++) {
      const m = cluster.members[mi];
      for (let vi = 0; vi < m.vips.length; vi++) {
        const v = m.vips[vi];
        const [addr, lenText] = v.address.split("/");
        const value = ipv4Value(addr);
        if (value === undefined) continue;
        const len = lenText === undefined ? 32 : Number(lenText);
        if (!Number.isInteger(len) || len < 0 || len > 32) continue;
        const problems: string[] = [];
        const network = ipv4Network(value, len);
        const broadcast = network + 2 ** (32 - len) - 1;
        if (len < 8) problems.push(`/${len} makes ${2 ** (32 - len)} addresses on-link on the interface`);
        else if (len <= 30 && value === network) problems.push(`${addr} is the network address of ${ipv4Text(network)}/${len}`);
        else if (len <= 30 && value === broadcast) problems.push(`${addr} is the broadcast address of ${ipv4Text(network)}/${len}`);
        const brdAt = v.statement.args.findIndex((a) => a.text === "brd" || a.text === "broadcast");
        const brd = brdAt >= 0 ? v.statement.args[brdAt + 1] : undefined;
        const brdValue = brd && ipv4Value(brd.text);
        if (brd && len >= 31) problems.push(`a /${len} has no broadcast address, yet brd ${brd.text} is given`);
        else if (brdValue !== undefined && brdValue !== broadcast) problems.push(`brd ${brd!.text} is not the broadcast address of ${ipv4Text(network)}/${len} (${ipv4Text(broadcast)})`);
        const other = cluster.members.find((o) => o !== m && o.vips.some((x) => x.key === v.key && x.address !== v.address));
        if (other) problems.push(`${memberLabel(other, cluster)} writes it as ${other.vips.find((x) => x.key === v.key)!.address}: the subnet changes when the VIP moves`);
        if (!problems.length) continue;
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
