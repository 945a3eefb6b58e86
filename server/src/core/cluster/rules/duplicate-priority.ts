// Equal effective priorities (written priority plus the weights of healthy trackers) leave the election
// to the tie-break on IP addresses: rarely what was meant.
import type { ClusterRule } from "../rule";
import { anchorOf, relatedTo } from "../rule";
import { memberLabel } from "../cluster";
import { setInstanceValue } from "../edits";
import type { VrrpInstance } from "../../model/vrrp";
import { holdersOf, priorityArithmetic } from "../failover";

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
    const healthy = holdersOf(cluster).holders.filter((h) => h.priority !== undefined);
    const effective = new Map(healthy.map((h) => [h.instance, h.priority!]));
    for (const h of healthy) {
      const m = h.instance;
      const same = healthy.filter((o) => o !== h && o.priority === h.priority);
      if (!same.length || m.priority.value === 255) continue; // two owners: multiple-address-owners
      const w = anchorOf(m, m.priority);
      // Pick a written priority whose effective value no other member has.
      const delta = h.priority! - m.priority.value;
      const taken = new Set([...effective].filter(([i]) => i !== m).map(([, p]) => p - delta));
      const free = freePriority(m, taken);
      const edit = free !== undefined ? setInstanceValue(m, "priority", m.priority, String(free)) : undefined;
      const shown = (x: typeof h) => (x.priority === x.instance.priority.value ? String(x.priority) : priorityArithmetic(x));
      report({
        file: w.file,
        range: w.range,
        severity: "warning",
        code: "duplicate-priority",
        message:
          `effective priority ${shown(h)}${m.priority.source === "default" ? " (default)" : ""} on ${memberLabel(m, cluster)} equals ` +
          `${same.map((o) => `${memberLabel(o.instance, cluster)}'s (${shown(o)})`).join(", ")}: the master is then chosen by the higher IP address`,
        related: same.map((o) => relatedTo(o.instance, o.instance.priority, `priority ${shown(o)} on ${memberLabel(o.instance, cluster)}`)),
        fixes: edit ? [{ title: `Set priority to ${free} (unused in ${m.name})`, edits: [edit] }] : [],
      });
    }
  },
};
