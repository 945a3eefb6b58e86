// Different advert intervals: keepalived drops adverts whose interval differs from its own.
import type { ClusterRule } from "../rule";
import { checkSameValue } from "../rule";
import { memberLabel } from "../cluster";
import { setInstanceValue } from "../edits";

export const advertIntMismatchRule: ClusterRule = {
  code: "advert-int-mismatch",
  checkCluster(cluster, report) {
    checkSameValue(
      {
        code: "advert-int-mismatch",
        keyword: "advert_int",
        cluster,
        get: (i) => i.advertInt,
        fix(i, value, peer) {
          const edit = setInstanceValue(i, "advert_int", i.advertInt, String(value));
          return edit && { title: `Set advert_int to ${value} (as on ${memberLabel(peer, cluster)})`, edits: [edit] };
        },
      },
      report,
    );
  },
};
