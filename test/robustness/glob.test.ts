// include patterns against glob(3) itself: a small C program calls glob() with keepalived's flags
// (GLOB_MARK | GLOB_BRACE) on a folder of awkward names, and our expansion must list the same
// files in the same order (directories, which GLOB_MARK marks with '/', are never read by us).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { expandGlob, segmentMatches } from "../../server/src/core/config/glob";
import { diskAccess } from "../../server/src/core/config/files";
import { fileMatcher } from "../../server/src/service/fileGlob";
import picomatch from "picomatch";
import fc from "fast-check";

const C_SOURCE = `#include <glob.h>
#include <stdio.h>
int main(int argc, char **argv) {
  for (int a = 1; a < argc; a++) {
    glob_t g;
    int r = glob(argv[a], GLOB_MARK | GLOB_BRACE, NULL, &g);
    if (r == 0) for (size_t i = 0; i < g.gl_pathc; i++) printf("%s\\n", g.gl_pathv[i]);
    printf("--\\n");
    if (r == 0) globfree(&g);
  }
  return 0;
}
`;

const NAMES = ["a.conf", "b.conf", "ab.conf", "c.cfg", ".hidden.conf", "x(1).conf", "[a].conf", "!a.conf", "z-.conf", "B.conf", "a+b.conf", "sub/d.conf", "sub/.e.conf", "sub/f.cfg", "other/g.conf"];
const PATTERNS = ["*.conf", "?.conf", "[ab].conf", "[!a].conf", "[^a].conf", "{b,a}.conf", "{a,c}.{conf,cfg}", ".*.conf", "*/*.conf", "sub/.*", "[a-c]*.conf", "\\\\[a].conf", "[[:upper:]].conf", "*a*", "x(1).conf", "[z-a].conf", "{a,b", "*", "sub/*", "[]a].conf", "{sub,other}/*.conf", "a+b.conf", "!a.conf", "*-.conf", "**/*.conf", "a.conf", "nothere.conf", "{a,nothere}.conf"];

test("include patterns expand as glob(3) expands them", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-glob-"));
  try {
    const bin = path.join(dir, "glob3");
    fs.writeFileSync(bin + ".c", C_SOURCE);
    if (spawnSync("cc", ["-o", bin, bin + ".c"]).status !== 0) return t.skip("no C compiler to build the glob(3) oracle");
    const root = path.join(dir, "conf");
    for (const n of NAMES) {
      fs.mkdirSync(path.dirname(path.join(root, n)), { recursive: true });
      fs.writeFileSync(path.join(root, n), "");
    }
    const r = spawnSync(bin, PATTERNS.map((p) => path.join(root, p)), { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
    const expected = r.stdout.split("--\n").slice(0, PATTERNS.length).map((block) => block.split("\n").filter((l) => l && !l.endsWith("/")));
    PATTERNS.forEach((p, i) => assert.deepEqual(expandGlob(path.join(root, p), diskAccess), expected[i], `pattern ${p}`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a segment with many stars beside a long name is matched in linear time, exactly", () => {
  const name = "a".repeat(250) + ".conf";
  assert.equal(segmentMatches("*a*a*a*a*a*a*a*b.conf", name), false);
  assert.equal(segmentMatches("*a*a*a*a*a*a*a*.conf", name), true);
  assert.equal(segmentMatches("*a?a*[a]*.conf", name), true);
  assert.equal(segmentMatches("*.conf", ".hidden.conf"), false, "no leading dot by a wildcard");
});

// keepalived.files: the segment matcher must say what picomatch says wherever picomatch answers in
// reasonable time (short names), with `[!...]` left out (picomatch reads it differently from glob(3)).
test("keepalived.files patterns match the paths picomatch matches (dot files included)", () => {
  const patternPart = fc.constantFrom("a", "b", ".", "*", "?", "/", "**/", "[ab]", "[a-c]", "{a,b}", "{a/b,c}", "\\*", "-");
  const pathPart = fc.constantFrom("a", "b", "c", ".", "/", "ab", "aa", "*", "-");
  fc.assert(
    fc.property(fc.array(patternPart, { minLength: 1, maxLength: 7 }), fc.array(pathPart, { minLength: 1, maxLength: 8 }), (pattern, path) => {
      const glob = pattern.join("");
      const p = path.join("");
      // A workspace walk yields relative paths with no empty, "." or ".." segment.
      fc.pre(!p.split("/").some((s) => s === "" || s === "." || s === ".."));
      assert.equal(fileMatcher([glob])(p), picomatch.isMatch(p, glob, { dot: true }), `${glob} against ${p}`);
    }),
    { numRuns: 3000, seed: 12 },
  );
});

test("the default keepalived.files setting picks the usual names and no others", () => {
  const matches = fileMatcher(["**/{*keepalived*.conf,keepalived.conf.*,keepalived.conf-*,*.keepalived,keepalived/**/*.conf,conf.d/*.conf}"]);
  for (const p of ["keepalived.conf", "lb-a/keepalived.conf", "etc/keepalived/conf.d/vip.conf", "x/keepalived.conf.bak", ".hidden/keepalived.conf", "a/b/conf.d/x.conf", "node.keepalived"])
    assert.ok(matches(p), p);
  for (const p of ["nginx.conf", "conf.d/sub/x.conf", "keepalived.cfg", "a/keepalived"]) assert.ok(!matches(p), p);
});
