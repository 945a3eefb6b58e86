// Every quick-fix the core offers, applied and re-checked by keepalived (v2.2.7, `keepalived -t -f`):
// on the corpus (samples, real-world configs and clusters), on crafted cases for each fix, and on
// mutants of the samples. The fixed complaint is gone (our count of that code drops) and keepalived
// prints nothing it did not print before. Skips where keepalived or ../shared is absent.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { sharedDir } from "../helpers";
import { keepalivedBinary, mapLimit } from "../oracle/keepalivedOracle";
import { allMutants, rng } from "../oracle/mutants";
import { recheckFixes, caseOfFolder, FixCase, FixVerdict } from "./recheck";
import { CRAFTED } from "./crafted";

const binary = keepalivedBinary();
const shared = sharedDir();
const NO_KEEPALIVED = binary ? false : "keepalived is not installed (apt-get install keepalived)";

function problems(verdicts: FixVerdict[]): string[] {
  return verdicts.flatMap((v) => {
    const where = `${v.caseName} ${v.file}:${v.line} ${v.code} "${v.title}"`;
    return [
      ...v.newMessages.map((m) => `${where}: keepalived now says ${m}`),
      ...(v.after < v.before ? [] : [`${where}: still ${v.after} ${v.code} after the fix (was ${v.before})`]),
    ];
  });
}

async function recheckAll(cases: FixCase[]): Promise<FixVerdict[]> {
  return (await mapLimit(cases, 2, recheckFixes)).flat();
}

function summary(label: string, verdicts: FixVerdict[]): void {
  const codes = new Map<string, number>();
  for (const v of verdicts) codes.set(v.code, (codes.get(v.code) ?? 0) + 1);
  console.log(`${label}: ${verdicts.length} fixes re-checked (${[...codes].map(([c, n]) => `${c} ${n}`).join(", ")})`);
}

test("crafted cases: each fix is one keepalived accepts", { skip: NO_KEEPALIVED }, async () => {
  const verdicts = await recheckAll(CRAFTED);
  summary("crafted", verdicts);
  // Every crafted case offers at least one fix, so a fix that disappears is noticed too.
  const offered = new Set(verdicts.map((v) => v.caseName));
  assert.deepEqual(CRAFTED.filter((c) => !offered.has(c.name)).map((c) => c.name), [], "cases that offer no fix");
  assert.deepEqual(problems(verdicts), []);
});

test("the corpus: every fix offered on samples, real-world configs and clusters", { skip: NO_KEEPALIVED || (shared ? false : "../shared is absent") }, async () => {
  const corpus = path.join(shared!, "corpus");
  const cases: FixCase[] = [];
  for (const dir of ["keepalived-samples", "real-world/configs"]) {
    for (const f of fs.readdirSync(path.join(corpus, dir)).sort()) {
      const p = path.join(corpus, dir, f);
      if (fs.statSync(p).isFile()) cases.push({ name: `${dir}/${f}`, files: { [f]: fs.readFileSync(p, "latin1") } });
    }
  }
  const clusters = path.join(corpus, "real-world", "clusters");
  for (const c of fs.readdirSync(clusters).sort()) if (fs.statSync(path.join(clusters, c)).isDirectory()) cases.push(caseOfFolder(`clusters/${c}`, path.join(clusters, c)));
  const verdicts = await recheckAll(cases);
  summary("corpus", verdicts);
  assert.ok(verdicts.length > 20, `only ${verdicts.length} fixes offered on the corpus`);
  assert.deepEqual(problems(verdicts), []);
});

test("mutants of the samples: every fix offered on a seeded selection", { skip: NO_KEEPALIVED || (shared ? false : "../shared is absent") }, async () => {
  const all = allMutants(path.join(shared!, "corpus", "keepalived-samples"));
  const pick = rng(12);
  const chosen = all.filter(() => pick() < 250 / all.length);
  // The fixes the mutation brought about (the rest are the corpus test's).
  const verdicts = await recheckAll(chosen.map((m) => ({ name: m.id, files: { [path.basename(m.source)]: m.text }, nearLine: m.line })));
  summary(`mutants (${chosen.length} of ${all.length})`, verdicts);
  assert.deepEqual(problems(verdicts), []);
});
