// What a reload does with the addresses, routes and rules keepalived installs besides the VIPs.
// Per instance (keepalived/vrrp/vrrp.c clear_diff_vrrp → clear_diff_vrrp_vip / _vroutes / _vrules, then
// restore_vrrp_state): only where the kept instance is MASTER are the entries no longer configured
// deleted and the new ones added (a route still configured is replaced: vrrp_iproute.c
// clear_diff_routes; a rule no longer configured is deleted: vrrp_iprule.c clear_diff_rules); a BACKUP
// has none of them installed. virtual_ipaddress_excluded is diffed with the VIPs (get_diff_address
// walks both lists) but is not in the adverts, so the peers need not agree on it.
// The static ones (keepalived/vrrp/vrrp_daemon.c start_vrrp: clear_diff_static_rules / _routes /
// _addresses on reload, then netlink_*list ADD) are set on every node, whatever its VRRP state.
import type { ConfigStatement } from "../config/expand";
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import { children } from "../model/fields";

export const INSTANCE_BLOCKS = ["virtual_ipaddress_excluded", "virtual_routes", "virtual_rules"] as const;
export const STATIC_BLOCKS = ["static_ipaddress", "static_routes", "static_rules"] as const;

/** One line of the block, as keepalived reads it: its words, spaces normalised. */
function entryText(s: ConfigStatement): string {
  return [s.keyword.text, ...s.args.map((a) => a.text)].join(" ");
}

/** Every entry of every block of this keyword (keepalived appends repeated blocks). */
function entries(blocks: ConfigStatement[]): string[] {
  return [...new Set(blocks.flatMap((b) => (b.children ?? []).map(entryText)))];
}

function diff(what: string, before: string[], after: string[]): string[] {
  const a = new Set(before);
  const b = new Set(after);
  return [...after.filter((x) => !a.has(x)).map((x) => `${what} "${x}" added`), ...before.filter((x) => !b.has(x)).map((x) => `${what} "${x}" removed`)];
}

/** Excluded addresses, virtual routes and rules added or removed in an instance keepalived keeps. */
export function instanceEntryChanges(a: VrrpInstance, b: VrrpInstance): string[] {
  return INSTANCE_BLOCKS.flatMap((k) => diff(k, entries(children(a.statement, k)), entries(children(b.statement, k))));
}

/** Which kinds of entry a change list touches, e.g. ["virtual_routes"]. */
export function entryKinds(changes: string[]): string[] {
  return INSTANCE_BLOCKS.filter((k) => changes.some((c) => c.startsWith(`${k} "`)));
}

const topLevel = (m: NodeModel | undefined, keyword: string) => (m?.context ?? []).filter((s) => s.keyword.text === keyword);

/** static_ipaddress, static_routes and static_rules entries added or removed on the node. */
export function staticChanges(before: NodeModel | undefined, after: NodeModel | undefined): string[] {
  if (!before || !after) return [];
  return STATIC_BLOCKS.flatMap((k) => diff(k, entries(topLevel(before, k)), entries(topLevel(after, k))));
}
