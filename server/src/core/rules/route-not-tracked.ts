// A static or virtual route without `dev`: keepalived tracks a route through its output interface,
// so without one it logs "cannot track route ... with no interface specified" and stops watching
// it (the route is still installed, but its loss goes unnoticed). `no_track` says so explicitly.
import type { NodeRule } from "../check/rule";

/** The route's own output interface: `dev`/`oif` before any `nexthop` clause. */
export function routeHasInterface(words: string[]): boolean {
  for (const w of words) {
    if (w === "nexthop") return false;
    if (w === "dev" || w === "oif") return true;
  }
  return false;
}

export const routeNotTrackedRule: NodeRule = {
  code: "route-not-tracked",
  perStatement: true,
  checkNode({ annotated, report }) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      if (a.context.kind !== "lines" || a.context.line !== "route") continue;
      const s = a.statement;
      const words = [s.keyword, ...s.args].map((w) => w.text);
      if (words.some((w) => w.includes("$")) || words.includes("no_track") || routeHasInterface(words)) continue;
      report({
        file: s.keyword.file,
        range: { start: s.keyword.range.start, end: (s.args[s.args.length - 1] ?? s.keyword).range.end },
        severity: "warning",
        code: "route-not-tracked",
        message: "keepalived cannot track a route with no 'dev': it installs it but does not notice if it disappears. Add 'dev IFNAME', or 'no_track' to say tracking is not wanted",
        fixes: [{ title: "Add 'no_track'", edits: [{ file: s.keyword.file, range: { start: (s.args[s.args.length - 1] ?? s.keyword).range.end, end: (s.args[s.args.length - 1] ?? s.keyword).range.end }, newText: " no_track" }] }],
      });
    }
  },
};
