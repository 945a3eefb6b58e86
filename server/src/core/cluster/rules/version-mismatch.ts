// VRRP version 2 and 3 adverts are different packets: a v2 and a v3 member ignore each other.
import type { ClusterRule } from "../rule";
import { checkSameValue } from "../rule";
import { memberLabel } from "../cluster";
import { setInstanceValue } from "../edits";

export const versionMismatchRule: ClusterRule = {
  code: "version-mismatch",
  checkCluster(cluster, report) {
    checkSameValue(
      {
        code: "version-mismatch",
        keyword: "VRRP version",
        cluster,
        get: (i) => i.version,
        fix(i, value, peer) {
          // IPv6 instances always run v3; the global vrrp_version is left alone as other instances use it.
          if (i.version.source === "ipv6") return undefined;
          const edit = setInstanceValue(i, "version", i.version, String(value));
          return edit && { title: `Set version ${value} in ${i.name} (as on ${memberLabel(peer, cluster)})`, edits: [edit] };
        },
      },
      report,
    );
  },
};
