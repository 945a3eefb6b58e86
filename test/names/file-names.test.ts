// Which real-world keepalived files VS Code opens as keepalived (package.json `languages`), which the
// server indexes by default (`keepalived.files`), and that the core's name rule says the same.
// Measured on the operators' own file names in ../shared/corpus/real-world (SOURCES.tsv).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import picomatch from "picomatch";
import { REPO, sharedDir } from "../helpers";
import { isKeepalivedName, isTemplateName } from "../../server/src/core/config/configNames";
import { DEFAULT_FILES } from "../../server/src/service/settings";

interface Language {
  id: string;
  filenames?: string[];
  filenamePatterns?: string[];
  firstLine?: string;
}
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
const language: Language = pkg.contributes.languages.find((l: Language) => l.id === "keepalived");

/** As VS Code matches filenamePatterns: on the base name, or on the path when the pattern has a '/'. */
function namedKeepalived(repoPath: string): boolean {
  const base = path.posix.basename(repoPath);
  if (language.filenames?.includes(base)) return true;
  return (language.filenamePatterns ?? []).some((g) => (g.includes("/") ? picomatch.isMatch(`/${repoPath}`, g.startsWith("/") ? g : `**/${g.replace(/^\*\*\//, "")}`, { dot: true }) : picomatch.isMatch(base, g, { dot: true })));
}

/** Real keepalived files (not templates) with the path they have in their repository. */
function realWorldFiles(shared: string): { local: string; repoPath: string }[] {
  const root = path.join(shared, "corpus", "real-world");
  const rows = (file: string) => fs.readFileSync(file, "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t"));
  return [
    ...rows(path.join(root, "SOURCES.tsv"))
      .filter(([file]) => !file.startsWith("templates/"))
      .map(([file, , repoPath]) => ({ local: path.join(root, "configs", file), repoPath })),
    ...rows(path.join(root, "clusters", "SOURCES.tsv")).map(([cluster, node, , repoPath]) => ({ local: path.join(root, "clusters", cluster, node, "keepalived.conf"), repoPath })),
  ];
}

test("common cluster names open as keepalived, and a keepalived first line does too", () => {
  for (const name of ["keepalived.conf", "keepalived-master.conf", "keepalived_backup.conf", "keepalived.conf.master", "keepalived.conf.IPv6", "keepalived.conf-backup", "lb1.keepalived", "etc/keepalived/conf.d/vips.conf", "lb1.keepalived.conf"]) {
    assert.ok(namedKeepalived(name), name);
    assert.ok(isKeepalivedName(name), `core: ${name}`);
  }
  for (const name of ["nginx.conf", "haproxy.cfg", "keepalived.service", "keepalived.conf.j2"]) assert.ok(!isKeepalivedName(name), `core: ${name}`);
  const firstLine = new RegExp(language.firstLine!);
  for (const line of ["! Configuration File for keepalived", "global_defs {", "vrrp_instance VI_1 {", "  vrrp_script chk_haproxy {"]) assert.match(line, firstLine);
  for (const line of ["server {", "user nginx;", "[Unit]"]) assert.doesNotMatch(line, firstLine);
});

test("real-world file names: at least 98 % open as keepalived and are in the default keepalived.files", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent: no real-world corpus to measure on");
  const files = realWorldFiles(shared);
  const firstLine = new RegExp(language.firstLine!);
  // VS Code uses firstLine only when no extension claims the file (.conf is Properties), so it counts
  // only for names like keepalived.conf.master; count it honestly.
  const claimedByExtension = /\.(conf|cfg|properties|ini|txt|sh|ya?ml|json|md)$/i;
  const opened = files.filter((f) => namedKeepalived(f.repoPath) || (!claimedByExtension.test(f.repoPath) && firstLine.test(fs.readFileSync(f.local, "utf8").split("\n")[0])));
  const indexed = files.filter((f) => picomatch.isMatch(f.repoPath, DEFAULT_FILES, { dot: true }));
  const core = files.filter((f) => isKeepalivedName(f.repoPath));
  const missed = files.filter((f) => !opened.includes(f)).map((f) => f.repoPath);
  t.diagnostic(`opened as keepalived: ${opened.length}/${files.length}; in keepalived.files: ${indexed.length}/${files.length}; missed: ${[...new Set(missed)].join(", ")}`);
  assert.ok(opened.length / files.length >= 0.98, `${opened.length}/${files.length}: ${missed.join(", ")}`);
  assert.ok(indexed.length / files.length >= 0.98, `${indexed.length}/${files.length}`);
  // The core leaves templates (keepalived.conf.tmpl) to the template layer; the editor opens them as keepalived.
  const untemplated = files.filter((f) => !isTemplateName(f.repoPath));
  assert.deepEqual(
    untemplated.filter((f) => isKeepalivedName(f.repoPath) !== namedKeepalived(f.repoPath)).map((f) => f.repoPath),
    [],
    "the core's name rule and package.json agree",
  );
  assert.ok(core.length >= untemplated.length - missed.length);
});
