// Which branch each block of a template sits in decides which variants are checked. It is found by a
// sweep (variants.ts parents) since comparing every block with every branch took seconds on a template
// of thousands of blocks; the sweep must name the same branch as that comparison, and the tag scan
// (scan.ts) must find the same tags however the openers of the three kinds interleave.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { readTemplate } from "../../server/src/core/template/template";
import { parents, chooseVariants } from "../../server/src/core/template/variants";
import type { Region } from "../../server/src/core/template/structure";

/** The innermost branch around each region's first tag, by comparing every region with every branch. */
function parentsByComparison(regions: Region[]): ({ region: number; branch: number } | undefined)[] {
  return regions.map((r) => {
    const at = r.tags[0].start;
    let best: { region: number; branch: number; size: number } | undefined;
    regions.forEach((p, i) =>
      p.branches.forEach((b, k) => {
        if (p !== r && at >= b.start && at < b.end && (!best || b.end - b.start < best.size)) best = { region: i, branch: k, size: b.end - b.start };
      }),
    );
    return best && { region: best.region, branch: best.branch };
  });
}

const line = fc.constantFrom("  priority 100\n", "vrrp_script s {\n", "}\n", "{{ vip }}\n", "{# note #}\n", "x", "\n", "");

/** Random Jinja2 text: keepalived lines, expressions, comments and if/elif/else/for blocks nested `depth` deep at most. */
function body(depth: number): fc.Arbitrary<string> {
  const part =
    depth <= 0
      ? line
      : fc.oneof(
          { weight: 3, arbitrary: line },
          {
            weight: 2,
            arbitrary: fc
              .tuple(fc.constantFrom("if a", "if b", "for h in hosts"), body(depth - 1), fc.array(fc.tuple(fc.constantFrom("elif c", "else"), body(depth - 1)), { maxLength: 2 }))
              .map(([open, first, rest]) => `{% ${open} %}${first}${rest.map(([k, b]) => `{% ${k} %}${b}`).join("")}{% end${open.split(" ")[0]} %}`),
          },
        );
  return fc.array(part, { maxLength: 5 }).map((parts) => parts.join(""));
}

test("the sweep names the same enclosing branch as comparing every block with every branch", () => {
  fc.assert(
    fc.property(body(3), (text) => {
      const t = readTemplate("/t/keepalived.conf.j2", text);
      if (!t) return;
      assert.deepEqual(parents(t.structure.regions), parentsByComparison(t.structure.regions));
    }),
    { numRuns: 2000 },
  );
});

test("a covering set cut short says so; one that reaches every branch does not", () => {
  const block = (i: number, branches: number) =>
    `{% if a${i} %}\nx\n` + Array.from({ length: branches - 1 }, (_, k) => `{% elif b${i}_${k} %}\ny\n`).join("") + "{% endif %}\n";
  const twoBranches = readTemplate("/t/keepalived.conf.j2", Array.from({ length: 40 }, (_, i) => block(i, 2)).join(""))!;
  // Two rounds cover every first and every second branch; then the variant with every block empty.
  assert.deepEqual({ n: chooseVariants(twoBranches.structure.regions, 3).choices.length, complete: chooseVariants(twoBranches.structure.regions, 3).complete }, { n: 3, complete: true });
  const fourBranches = readTemplate("/t/keepalived.conf.j2", Array.from({ length: 40 }, (_, i) => block(i, 4)).join(""))!;
  const cut = chooseVariants(fourBranches.structure.regions, 3);
  assert.deepEqual({ n: cut.choices.length, complete: cut.complete }, { n: 3, complete: false });
  assert.equal(chooseVariants(fourBranches.structure.regions, 16).complete, true);
});

/**
 * Where each Jinja2 tag starts and ends, found the plain way: at every step each opener is searched for
 * afresh, and every quote inside a tag looks for its partner on its line (what scan.ts did before it
 * kept the openers' next places and the lines known to hold no partner).
 */
function tagSpansByRescanning(text: string): [number, number][] {
  const pairs = [
    { open: "{{", close: "}}", quotes: true },
    { open: "{%", close: "%}", quotes: true },
    { open: "{#", close: "#}", quotes: false },
  ];
  const closeAfter = (from: number, close: string): number => {
    for (let i = from; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== c && text[j] !== "\n") j += text[j] === "\\" ? 2 : 1;
        if (text[j] === c) i = j;
        continue;
      }
      if (text.startsWith(close, i)) return i + close.length;
    }
    return -1;
  };
  const spans: [number, number][] = [];
  for (let i = 0; i < text.length; ) {
    let best: { at: number; pair: (typeof pairs)[number] } | undefined;
    for (const pair of pairs) {
      const at = text.indexOf(pair.open, i);
      if (at >= 0 && (!best || at < best.at)) best = { at, pair };
    }
    if (!best) break;
    const from = best.at + best.pair.open.length;
    let end = best.pair.quotes ? closeAfter(from, best.pair.close) : text.indexOf(best.pair.close, from);
    if (end >= 0 && !best.pair.quotes) end += best.pair.close.length;
    if (end < 0) end = text.length;
    spans.push([best.at, end]);
    i = end;
  }
  return spans;
}

test("tags of the three Jinja2 kinds are found where a fresh search at every step finds them, quotes and escapes included", () => {
  const part = fc.constantFrom("{{ a }}", "{{", "}}", "{% if x %}", "{% endif %}", "%}", "{# c #}", "{#", "#}", "{", "}", "%", "#", "'", '"', "\\", "\\'", '\\"', "\n", "text ");
  fc.assert(
    fc.property(fc.array(part, { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      const t = readTemplate("/t/keepalived.conf.j2", text);
      const spans = t ? t.tags.map((tag) => [tag.start, tag.end]) : [];
      assert.deepEqual(spans, tagSpansByRescanning(text), JSON.stringify(text));
    }),
    { numRuns: 5000 },
  );
});
