// Equal priorities leave the election to the tie-break on IP addresses: rarely what was meant.
import type { ClusterRule } from "../rule";
import { anchorOf, relatedTo } from "../rule";
import { memberLabel } from "../cluster";
import { setInstanceValue } from "../edits";
import type { VrrpInstance } from "../../model/vrrp";

/** The nearest priority no member uses, downwards for a BACKUP, upwards for a MASTER. */
export function freePriority(i: VrrpInstance, taken: Set<number>): number | undefined {
  const up = i.state?.value === "MASTER";
  for (let step = 1; step < 254; step++) {
    const p = i.priority.value + (up ? step : -step);
    if (p >= 1 && p <= 254 && !taken.has(p)) return p;
  }
  return undefined;
}

export const duplicatePriorityRule: ClusterRule = {
  code: "duplicate-priority",
  checkCluster(cluster, report) {
    const taken = new Set(cluster.members.map((m) => m.priority.value));
    for (const m of cluster.members) {
      const same = cluster.members.filter((o) => o !== m && o.priority.value === m.priority.value);
      if (!same.length || m.priority.value === 255) continue; // two owners: multiple-address-owners
      const w = anchorOf(m, m.priority);
      const free = freePriority(m, taken);
      const edit = free !== undefined ? setInstanceValue(m, "priority", m.priority, String(free)) : undefined;
      report({
        file: w.file,
        range: w.range,
        severity: "warning",
        code: "duplicate-priority",
        message:
          `priority ${m.priority.value}${m.priority.source === "default" ? " (default)" : ""} on ${memberLabel(m, cluster)} is also used by ` +
          `${same.map((o) => memberLabel(o, cluster)).join(", ")}: the master is then chosen by the higher IP address`,
        related: same.map((o) => relatedTo(o, o.priority, `priority ${o.priority.value} on ${memberLabel(o, cluster)}`)),
        fixes: edit ? [{ title: `Set priority to ${free} (unused in ${m.name})`, edits: [edit] }] : [],
      });
    }
  },
};
