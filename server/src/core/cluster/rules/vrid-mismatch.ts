// Members of one virtual router with different VRIDs never hear each other: both become MASTER.
import type { ClusterRule } from "../rule";
import { checkSameValue } from "../rule";
import { memberLabel } from "../cluster";
import { replaceWord } from "../edits";

export const vridMismatchRule: ClusterRule = {
  code: "vrid-mismatch",
  checkCluster(cluster, report) {
    checkSameValue(
      {
        code: "vrid-mismatch",
        keyword: "virtual_router_id",
        cluster,
        get: (i) => i.vrid,
        fix(i, value, peer) {
          const edit = i.vrid?.word && replaceWord(i.vrid.word, String(value));
          return edit && { title: `Set virtual_router_id to ${value} (as on ${memberLabel(peer, cluster)})`, edits: [edit] };
        },
      },
      report,
    );
  },
};
