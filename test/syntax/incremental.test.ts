// Re-parsing only the edited statement gives exactly what a full parse of the new text gives.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { lineStarts, reparse } from "../../server/src/core/syntax/incremental";
import type { Statement, SyntaxFile } from "../../server/src/core/syntax/tree";
import type { SyntaxWord } from "../../server/src/core/syntax/treeNodes";

const BASE = `! Configuration File for keepalived
global_defs {
    router_id lb-a   # this node
}

vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    weight -20
}

vrrp_instance VI_1 {
    state MASTER
@lb1 priority 150
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24 dev eth0
    }
    track_script {
        chk_nginx
    }
} # end
vrrp_instance VI_2 { virtual_router_id 52 }
virtual_server 192.0.2.10 80 {
    real_server 10.0.0.1 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

function normalized(s: SyntaxFile) {
  return {
    items: JSON.parse(JSON.stringify(s.items)),
    comments: s.comments,
    problems: [...s.problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.message.localeCompare(b.message)),
    conditionIds: [...s.conditionIds].sort(),
  };
}

const chars = ["a", "1", " ", "{", "}", '"', "#", "!", "@", "$", "~", "/", "x", "_", "\t", "."];

test("random single-line edits: incremental and full parse agree", () => {
  fc.assert(
    fc.property(fc.nat(BASE.length), fc.nat(4), fc.array(fc.constantFrom(...chars), { maxLength: 4 }), (at, del, ins) => {
      const cut = BASE.slice(at, at + del).includes("\n") ? 0 : del;
      const text = BASE.slice(0, at) + ins.join("") + BASE.slice(at + cut);
      const old = parseConfig(BASE);
      assert.deepEqual(normalized(reparse(old, text)), normalized(parseConfig(text)));
    }),
    { numRuns: 1500, seed: 11 },
  );
});

test("typing a value inside a block reuses the other statements", () => {
  const old = parseConfig(BASE);
  const [globalDefs, , instance] = old.items;
  const text = BASE.replace("weight -20", "weight -250");
  const next = reparse(old, text);
  assert.equal(next.items[0], globalDefs, "untouched statements are the same objects");
  assert.equal(next.items[2], instance);
  assert.deepEqual(normalized(next), normalized(parseConfig(text)));
});

const PASTES = ["\n", "\n    ", "\n\n", "    advert_int 1\n", "vrrp_instance VI_9 {\n    priority 90\n}\n", "{\n", "}\n", " {", "}", "\\\n", "@lb1 ", "$X=1\n", "# note\n", "~SEQ(i,1,2) x $i\n", "\"a\nb\""];

/** Applies each edit in turn, re-parsing incrementally; after each (or, with `eachEdit` false, only after
 *  the last, so nothing reads a range in between), the tree equals a full parse. */
function applyEdits(edits: [number, number, string][], eachEdit: boolean): void {
  let syntax = parseConfig(BASE);
  let text = BASE;
  for (const [at0, del, ins] of edits) {
    const at = at0 % (text.length + 1);
    text = text.slice(0, at) + ins + text.slice(at + del);
    syntax = reparse(syntax, text);
    if (eachEdit) assert.deepEqual(normalized(syntax), normalized(parseConfig(text)));
  }
  assert.deepEqual(normalized(syntax), normalized(parseConfig(text)));
}

const editsAgree = (edits: [number, number, string][]) => applyEdits(edits, true);

test("random edits that add or remove lines: incremental and full parse agree, and a reparse can follow a reparse", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(BASE.length * 2), fc.nat(40), fc.constantFrom(...PASTES, ...chars)), { minLength: 1, maxLength: 4 }),
      editsAgree,
    ),
    { numRuns: 1500, seed: 12 },
  );
});

/** As editsAgree, but nothing reads a range until the last edit is made: ranges left unbuilt by one re-parse are right after the next moves their items. */
const unreadEditsAgree = (edits: [number, number, string][]) => applyEdits(edits, false);

test("random chains of edits, many at the start of the file, with no range read between them: incremental and full parse agree", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.oneof(fc.constant(0), fc.nat(BASE.length * 2)), fc.nat(40), fc.constantFrom("zz_typed 1\n", "\n", ...PASTES, ...chars)), { minLength: 1, maxLength: 6 }),
      unreadEditsAgree,
    ),
    { numRuns: 1500, seed: 14 },
  );
});

test("statements moved below an edit keep reading as the file they were expanded as, also when their parts were expanded under two names", () => {
  const keywordOf = (s: SyntaxFile, name: string) => (s.items.find((i) => i.kind === "statement" && `${i.keyword.text} ${i.args[0]?.text}` === name) as Statement).keyword as SyntaxWord;
  // One name: the moved statements take the new text's line table, which names the file too.
  let syntax = parseConfig(BASE);
  keywordOf(syntax, "vrrp_instance VI_1").lines.file = "/etc/keepalived/a.conf";
  let text = "zz_typed 1\n" + BASE;
  syntax = reparse(syntax, text);
  assert.deepEqual(normalized(syntax), normalized(parseConfig(text)));
  for (const name of ["vrrp_script chk_nginx", "vrrp_instance VI_1", "virtual_server 192.0.2.10"]) assert.equal(keywordOf(syntax, name).file, "/etc/keepalived/a.conf", name);
  // Two names: VI_1 re-parsed by Enter (a line table of its own) and read as another file; a line
  // typed at the top then moves both parts, and each keeps its name.
  syntax = parseConfig(BASE);
  keywordOf(syntax, "vrrp_instance VI_1").lines.file = "/etc/keepalived/a.conf";
  text = BASE.replace("    state MASTER\n", "    state MASTER\n\n");
  syntax = reparse(syntax, text);
  keywordOf(syntax, "vrrp_instance VI_1").lines.file = "/etc/keepalived/b.conf";
  text = "zz_typed 1\n" + text;
  syntax = reparse(syntax, text);
  assert.deepEqual(normalized(syntax), normalized(parseConfig(text)));
  assert.equal(keywordOf(syntax, "vrrp_script chk_nginx").file, "/etc/keepalived/a.conf");
  assert.equal(keywordOf(syntax, "vrrp_instance VI_1").file, "/etc/keepalived/b.conf");
  assert.equal(keywordOf(syntax, "virtual_server 192.0.2.10").file, "/etc/keepalived/a.conf");
});

test("Enter inside a block re-parses that block and moves the later ones, which stay the same objects", () => {
  const old = parseConfig(BASE);
  const later = old.items[old.items.length - 1];
  const lineBefore = later.range.start.line;
  const text = BASE.replace("    state MASTER\n", "    state MASTER\n\n");
  const next = reparse(old, text);
  assert.equal(next.items[0], old.items[0], "statements above the edit are the same objects");
  assert.equal(next.items[next.items.length - 1], later, "statements below the edit are the same objects");
  assert.equal(later.range.start.line, lineBefore + 1, "and moved one line down");
  assert.deepEqual(normalized(next), normalized(parseConfig(text)));
});

test("typing `{` nests the rest of the file and `}` lifts it back: both keep the untouched statements' objects", () => {
  const old = parseConfig(BASE);
  const [globalDefs, script, instance, , server] = old.items;
  const open = BASE.replace("    state MASTER\n", "    state MASTER {\n");
  const nested = reparse(old, open);
  assert.deepEqual(normalized(nested), normalized(parseConfig(open)));
  assert.equal(nested.items[0], globalDefs, "statements above the edit are the same objects");
  assert.equal(nested.items[1], script);
  assert.notEqual(nested.items[2], instance, "the edited statement is new");
  const children = (nested.items[2] as { block: { items: unknown[] } }).block.items;
  assert.ok(children.includes(server), "a statement now nested in the unclosed block is the same object");
  const closed = open.replace("    state MASTER {\n", "    state MASTER {}\n");
  const lifted = reparse(nested, closed);
  assert.deepEqual(normalized(lifted), normalized(parseConfig(closed)));
  assert.equal(lifted.items[lifted.items.length - 1], server, "lifted back to the top level, still the same object");
  assert.equal(lifted.items[0], globalDefs);
});

test("random chains of single-character edits with braces: incremental and full parse agree", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(BASE.length * 2), fc.nat(3), fc.constantFrom("{", "}", " {", "{}", ...chars)), { minLength: 2, maxLength: 8 }), editsAgree),
    { numRuns: 1000, seed: 13 },
  );
});

test("`{` typed in a middle statement of a file whose last block is unclosed, then edits in it, then `}`: a full parse's tree, the later statements kept", () => {
  const unclosed = BASE + "vrrp_instance VI_3 {\n    state BACKUP\n    priority 90\n";
  let syntax = parseConfig(unclosed);
  const later = syntax.items.slice(2);
  let text = unclosed;
  // In vrrp_script chk_nginx (the second statement): a `{` after `weight -20`, a digit, a second `{`
  // one line up (two blocks open), then both closed.
  const steps: [string, string][] = [
    ["    weight -20\n", "    weight -20 {\n"],
    ["    weight -20 {\n", "    weight -25 {\n"],
    ['    script "/usr/bin/pgrep nginx"\n', '    script "/usr/bin/pgrep nginx" {\n'],
    ['    script "/usr/bin/pgrep nginx" {\n', '    script "/usr/bin/pgrep nginx" {}\n'],
    ["    weight -25 {\n", "    weight -25 {}\n"],
  ];
  for (const [from, to] of steps) {
    text = text.replace(from, to);
    syntax = reparse(syntax, text);
    assert.deepEqual(normalized(syntax), normalized(parseConfig(text)), `after '${to.trim()}'`);
  }
  assert.equal(syntax.items.length, 2 + later.length);
  for (let i = 0; i < later.length; i++) assert.equal(syntax.items[2 + i], later[i], "the statements after the edited one are back at the top level, the same objects");
});

test("the line starts kept from one edit for the next (derived from the old text's) are those of the new text", () => {
  const counted = (t: string) => [0, ...[...t.matchAll(/\n/g)].map((m) => m.index! + 1)];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(BASE.length * 2), fc.nat(40), fc.constantFrom(...PASTES, ...chars)), { minLength: 1, maxLength: 6 }), (edits) => {
      let syntax = parseConfig(BASE);
      for (const [at0, del, ins] of edits) {
        const at = at0 % (syntax.text.length + 1);
        const text = syntax.text.slice(0, at) + ins + syntax.text.slice(at + del);
        syntax = reparse(syntax, text);
        // Read from what the edit kept, not counted again (a lookup of the newest text).
        assert.deepEqual([...lineStarts(text)], counted(text));
      }
    }),
    { numRuns: 500, seed: 14 },
  );
});

test("whole lines pasted or deleted at the start of a block's first line leave that block the same object, moved", () => {
  const old = parseConfig(BASE);
  const first = old.items[0];
  const line = first.range.start.line;
  const text = BASE.replace("global_defs {", "zz_typed 1\nyy 2\nglobal_defs {");
  const next = reparse(old, text);
  assert.equal(next.items[2], first, "the block below the pasted lines is the same object");
  assert.equal(first.range.start.line, line + 2);
  assert.deepEqual(normalized(next), normalized(parseConfig(text)));
  const back = reparse(next, BASE);
  assert.equal(back.items[0], first, "and after deleting them again");
  assert.deepEqual(normalized(back), normalized(parseConfig(BASE)));
});

test("lines typed, pasted or deleted after a block left open at the end (writing a config top to bottom) read as a full parse reads them", () => {
  // The helper's cases: '}' typed back under an open block closes it; lines pasted under it belong inside it.
  const cases: [string, string][] = [
    ["global_defs {\n  router_id lb1\n", "global_defs {\n  router_id lb1\n}\n"],
    ["a {\n", "a {\n}\n"],
    ["{\n", "{\nt{}\n"],
    ["vrrp_instance VI_1 {\n    virtual_ipaddress {\n        10.0.0.1/24\n", "vrrp_instance VI_1 {\n    virtual_ipaddress {\n        10.0.0.1/24\n        10.0.0.2/24\n        10.0.0.3/24\n"],
  ];
  for (const [before, after] of cases) assert.deepEqual(normalized(reparse(parseConfig(before), after)), normalized(parseConfig(after)), JSON.stringify(after));
  // Any line of BASE as the end of an open file, then whole lines added at its end or taken from it.
  const lines = BASE.split("\n");
  fc.assert(
    fc.property(fc.integer({ min: 1, max: lines.length - 1 }), fc.array(fc.constantFrom("}", "}}", "    priority 90", "vrrp_script c {", "", "# note", "  10.0.0.2/24", "x {}", "\\"), { maxLength: 3 }), fc.nat(2), (cut, added, removed) => {
      const open = lines.slice(0, cut).join("\n") + "\n";
      const kept = lines.slice(0, Math.max(0, cut - removed)).join("\n") + (cut - removed > 0 ? "\n" : "");
      const text = kept + added.map((l) => l + "\n").join("");
      assert.deepEqual(normalized(reparse(parseConfig(open), text)), normalized(parseConfig(text)));
    }),
    { numRuns: 1500, seed: 21 },
  );
});
