// keepalived-lint firewall PATH...: per node, what its host firewall must let through for VRRP, as
// firewalld and nftables rules (the advice the editor shows in the hover of vrrp_instance).
import * as path from "path";
import { parseArgs, UsageError } from "./args";
import { buildWorkspace } from "./buildWorkspace";
import { firewallAdviceText, firewallNeeds, firewallRules } from "../core/firewall/vrrpFirewall";

export const FIREWALL_USAGE = "keepalived-lint firewall [--format text|json] [--include-root DIR]... PATH...";

export function runFirewall(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, ["format", "include-root"], ["verbose"]);
  const format = args.options.get("format")?.[0] ?? "text";
  if (!["text", "json"].includes(format)) throw new UsageError(`unknown format '${format}' (text or json)`);
  const ws = buildWorkspace(args);
  const nodes = ws.nodes().flatMap((n) => {
    const needs = firewallNeeds(n.config.statements);
    return needs ? [{ node: n, needs }] : [];
  });
  if (format === "json") {
    out(JSON.stringify({ version: 1, nodes: nodes.map(({ node, needs }) => ({ file: node.root, configId: node.configId, ...needs, rules: firewallRules(needs.peers, needs.groups) })) }, null, 2) + "\n");
  } else {
    const cwd = process.cwd();
    out(nodes.map(({ node, needs }) => `# ${path.relative(cwd, node.root) || node.root}${node.configId ? ` (@${node.configId})` : ""}\n${firewallAdviceText(needs)}\n`).join("\n"));
  }
  return 0;
}
