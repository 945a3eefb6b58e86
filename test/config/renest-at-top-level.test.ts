// Re-nesting asks of each statement that surfaces at the top level (the block around it was ignored)
// whether some block inside it reads otherwise there. It asks without annotating the statement
// (wouldRenestAtTopLevel); the answer must be the one its annotations give (needsRenesting).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { expandConfig, ConfigStatement } from "../../server/src/core/config/expand";
import { needsRenesting, wouldRenestAtTopLevel } from "../../server/src/core/config/annotate";
import { memoryAccess } from "../../server/src/core/config/files";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { check, withCode } from "../helpers";

/** Keywords with a block where they belong, elsewhere, unknown ones, lines of line-list blocks. */
const WORDS = ["vrrp_instance VI", "global_defs", "authentication", "virtual_ipaddress", "track_script", "virtual_server 10.0.0.1 80", "real_server 10.0.0.2 80", "TCP_CHECK", "state", "priority 100", "x", "10.0.0.9/24", "chk"];

const line = fc.oneof(fc.constantFrom(...WORDS).map((w) => w), fc.constantFrom(...WORDS).map((w) => `${w} {`), fc.constant("}"));
const config = fc.array(line, { minLength: 1, maxLength: 60 }).map((lines) => lines.join("\n") + "\n");

function statementsOf(list: ConfigStatement[] | undefined, out: ConfigStatement[] = []): ConfigStatement[] {
  for (const s of list ?? []) {
    out.push(s);
    statementsOf(s.children, out);
  }
  return out;
}

test("asked without annotations, a surfacing statement gets the answer its annotations give", () => {
  fc.assert(
    fc.property(config, (text) => {
      const syntax = parseConfig(text);
      expandConfig("/k.conf", { access: memoryAccess(new Map([["/k.conf", text]])), syntaxOf: () => syntax });
      // Every statement as written, at any depth, as if it stood at the top level.
      for (const s of statementsOf(syntax.items.filter((i) => i.kind === "statement") as unknown as ConfigStatement[])) {
        assert.equal(wouldRenestAtTopLevel(s), needsRenesting(s), `${s.keyword.text} in:\n${text}`);
      }
    }),
    { numRuns: 400 },
  );
});

test("unknown blocks nested 100 deep at the top level: each level is reported once, up to the nesting cap", () => {
  const depth = 100;
  const text = "track_script {\n".repeat(depth) + "    chk\n" + "}\n".repeat(depth);
  const unknown = withCode(check(text), "unknown-keyword");
  // keepalived ignores each `{` after an unknown top-level keyword, so every line is read at the top level.
  assert.equal(unknown.filter((d) => d.message.includes("'track_script'")).length, depth);
});
