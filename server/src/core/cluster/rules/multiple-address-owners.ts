// Priority 255 declares the node the owner of the addresses; two owners fight over them.
import type { ClusterRule } from "../rule";
import { anchorOf, relatedTo } from "../rule";
import { memberLabel } from "../cluster";
import { setInstanceValue } from "../edits";

export const multipleAddressOwnersRule: ClusterRule = {
  code: "multiple-address-owners",
  checkCluster(cluster, report) {
    const owners = cluster.members.filter((m) => m.priority.value === 255);
    if (owners.length < 2) return;
    const taken = new Set(cluster.members.map((m) => m.priority.value));
    let free = 254;
    while (taken.has(free) && free > 1) free--;
    for (const m of owners) {
      const w = anchorOf(m, m.priority);
      const others = owners.filter((o) => o !== m);
      const edit = setInstanceValue(m, "priority", m.priority, String(free));
      report({
        file: w.file,
        range: w.range,
        severity: "error",
        code: "multiple-address-owners",
        message: `priority 255 makes ${memberLabel(m, cluster)} the address owner, but ${others.map((o) => memberLabel(o, cluster)).join(", ")} claim${others.length === 1 ? "s" : ""} it too: only one member may use 255`,
        related: others.map((o) => relatedTo(o, o.priority, `priority 255 on ${memberLabel(o, cluster)}`)),
        fixes: edit ? [{ title: `Set priority to ${free}`, edits: [edit] }] : [],
      });
    }
  },
};
