// keepalived-lint compare --inventory INV PATH: the hosts a role template renders for, side by side.
import { ParsedArgs, UsageError } from "./args";
import { buildWorkspace } from "./buildWorkspace";
import { compareCluster, comparisonText } from "../core/compare/compare";

export function runCompareHosts(args: ParsedArgs, out: (s: string) => void): number {
  if (args.paths.length < 1) throw new UsageError("compare --inventory takes the TEMPLATE or role folder");
  const ws = buildWorkspace(args);
  const hosts = new Set(ws.rendered().hosts.map((h) => h.file));
  const view = ws.clusters();
  const diagnostics = ws.diagnostics();
  const shared = view.clusters.filter((c) => c.members.filter((m) => hosts.has(m.node.root)).length >= 2);
  if (!shared.length) {
    out("no cluster has two rendered hosts\n");
    return 1;
  }
  const tables = shared.map((c) => compareCluster(c, diagnostics));
  if (args.options.get("format")?.[0] === "json") out(JSON.stringify(tables, null, 2) + "\n");
  else out(tables.map(comparisonText).join("\n"));
  return tables.some((t) => t.rows.some((r) => r.status === "mismatch")) ? 1 : 0;
}
