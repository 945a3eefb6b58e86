// keepalived-lint compare A B: the settings of each cluster shared by the two sides, side by side.
import * as path from "path";
import { UsageError, parseArgs, InputError } from "./args";
import { runCompareHosts } from "./compareHosts";
import { Workspace } from "../core/check/workspace";
import { collectConfigFiles } from "./findConfigs";
import { compareCluster, comparisonText } from "../core/compare/compare";

export const COMPARE_USAGE = "keepalived-lint compare [--include-root DIR]... FILE_OR_DIR FILE_OR_DIR | --inventory INV TEMPLATE_OR_DIR";

export function runCompare(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, ["include-root", "format", "inventory"], []);
  if (args.options.has("inventory")) return runCompareHosts(args, out);
  if (args.paths.length !== 2) throw new UsageError("compare takes two FILE_OR_DIR");
  const sides = args.paths.map((p) => {
    try {
      return collectConfigFiles([p]);
    } catch (e) {
      throw new InputError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
  });
  const ws = new Workspace({ includeRoots: args.options.get("include-root") ?? [] });
  ws.addFiles(sides.flat());
  const view = ws.clusters();
  const diagnostics = ws.diagnostics();
  const inSide = (file: string, side: string[]) => side.includes(path.resolve(file));
  const shared = view.clusters.filter((c) => c.members.some((m) => inSide(m.node.root, sides[0])) && c.members.some((m) => inSide(m.node.root, sides[1])));
  if (!shared.length) {
    out("no cluster has members on both sides\n");
    return 1;
  }
  const tables = shared.map((c) => compareCluster(c, diagnostics));
  if (args.options.get("format")?.[0] === "json") out(JSON.stringify(tables, null, 2) + "\n");
  else out(tables.map(comparisonText).join("\n"));
  return tables.some((t) => t.rows.some((r) => r.status === "mismatch")) ? 1 : 0;
}
