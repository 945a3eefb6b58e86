// The firewall rules a vrrp_instance needs, in the hover of its `vrrp_instance` or `unicast_peer`
// keyword: advice for every node, so it lives here instead of in Problems.
import type { Location } from "../core/syntax/locate";
import type { Statement } from "../core/syntax/tree";
import { firewallAdviceMarkdown, firewallNeeds } from "../core/firewall/vrrpFirewall";
import type { WorkspaceIndex } from "./workspaceIndex";

/** The syntax statement of the instance the cursor's keyword belongs to, for vrrp_instance / unicast_peer. */
function instanceKeywordAt(at: Location): Statement | undefined {
  if (!at.word || at.wordIndex !== 0 || !at.statement) return undefined;
  if (at.statement.keyword.text === "vrrp_instance") return at.statement;
  if (at.statement.keyword.text === "unicast_peer" && at.enclosing[at.enclosing.length - 1]?.keyword.text === "vrrp_instance") return at.enclosing[at.enclosing.length - 1];
  return undefined;
}

export function firewallHover(index: WorkspaceIndex, file: string, at: Location): string | undefined {
  const instance = instanceKeywordAt(at);
  if (!instance) return undefined;
  for (const node of index.nodesWith(file)) {
    const expanded = node.config.statements.find((s) => s.keyword.file === file && s.keyword.range.start.line === instance.keyword.range.start.line && s.keyword.text === "vrrp_instance");
    const needs = expanded && firewallNeeds([expanded]);
    if (needs) return `**Firewall** — ${firewallAdviceMarkdown(needs)}`;
  }
  return undefined;
}
