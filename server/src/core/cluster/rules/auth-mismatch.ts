// Members must authenticate alike: a different auth_type or password makes each drop the other's
// adverts. keepalived sends only the first 8 characters of auth_pass, so only those are compared.
import type { ClusterRule } from "../rule";
import { checkSameValue } from "../rule";
import { memberLabel } from "../cluster";
import { insertIntoBlock, replaceWord } from "../edits";
import type { Field, VrrpInstance } from "../../model/vrrp";
import { AUTH_PASS_LENGTH } from "../../rules/auth-pass-truncated";

const NONE: Field<string> = { value: "none", source: "default" };

function authType(i: VrrpInstance): Field<string> {
  return i.auth?.type ?? NONE;
}

/** The authentication block of `peer`, as lines to add to an instance that has none. */
function authBlockLines(peer: VrrpInstance): string[] {
  const lines = ["authentication {"];
  if (peer.auth?.type) lines.push(`    auth_type ${peer.auth.type.word?.text ?? peer.auth.type.value}`);
  if (peer.auth?.pass) lines.push(`    auth_pass ${peer.auth.pass.word?.quoted ? `"${peer.auth.pass.value}"` : peer.auth.pass.value}`);
  return [...lines, "}"];
}

export const authMismatchRule: ClusterRule = {
  code: "auth-mismatch",
  checkCluster(cluster, report) {
    checkSameValue(
      {
        code: "auth-mismatch",
        keyword: "auth_type",
        cluster,
        get: authType,
        fix(i, value, peer) {
          const title = `Authenticate like ${memberLabel(peer, cluster)} (auth_type ${value})`;
          if (value === "none") return undefined; // removing authentication is a decision, not a fix
          if (!i.auth) {
            const edit = insertIntoBlock(i.statement, authBlockLines(peer), i.node.texts);
            return edit && { title, edits: [edit] };
          }
          const edit = i.auth.type?.word ? replaceWord(i.auth.type.word, peer.auth?.type?.word?.text ?? value) : insertIntoBlock(i.auth.statement, [`auth_type ${value}`], i.node.texts);
          return edit && { title, edits: [edit] };
        },
      },
      report,
    );
    // Passwords only matter between members that agree on the type.
    for (const type of new Set(cluster.members.map((m) => authType(m).value))) {
      if (type === "none") continue;
      const same = { ...cluster, members: cluster.members.filter((m) => authType(m).value === type) };
      checkSameValue(
        {
          code: "auth-mismatch",
          keyword: "auth_pass",
          secret: true,
          cluster: same,
          get: (i) => i.auth?.pass,
          compareKey: (v) => v.slice(0, AUTH_PASS_LENGTH),
          fix(i, value, peer) {
            const edit = i.auth?.pass?.word && replaceWord(i.auth.pass.word, value);
            return edit && { title: `Use the auth_pass of ${memberLabel(peer, cluster)}`, edits: [edit] };
          },
        },
        report,
      );
    }
  },
};
