// Settings keepalived cannot change on a reload. reload_config() (keepalived/core/main.c) compares
// them with the running configuration and, when one differs, logs "Cannot change ... at a reload -
// please restart" and keeps running the OLD configuration: the whole reload is ignored.
import type { NodeModel } from "../model/vrrp";
import type { ConfigStatement } from "../config/expand";

/** Top-level keywords, and keywords inside global_defs, that only a restart changes. */
const TOP_LEVEL = ["net_namespace", "net_namespace_ipvs", "instance"];
const IN_GLOBAL_DEFS = ["nftables", "nftables_ipvs", "tmp_config_directory", "disable_local_igmp"];

export interface RestartSetting {
  keyword: string;
  before: string;
  after: string;
}

function valueOf(statements: ConfigStatement[], keyword: string): string {
  const found = statements.filter((s) => s.keyword.text === keyword).pop();
  if (!found) return "(not set)";
  return found.args.map((a) => a.text).join(" ") || "(set)";
}

function settings(m: NodeModel | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const top = m?.context ?? [];
  const globals = top.filter((s) => s.keyword.text === "global_defs").flatMap((g) => g.children ?? []);
  for (const k of TOP_LEVEL) out.set(k, valueOf(top, k));
  for (const k of IN_GLOBAL_DEFS) out.set(k, valueOf(globals, k));
  return out;
}

/** The settings that differ between the running and the new configuration of one node. */
export function restartSettings(before: NodeModel | undefined, after: NodeModel | undefined): RestartSetting[] {
  if (!before || !after) return [];
  const a = settings(before);
  const b = settings(after);
  return [...a].filter(([k, v]) => b.get(k) !== v).map(([keyword, v]) => ({ keyword, before: v, after: b.get(keyword)! }));
}
