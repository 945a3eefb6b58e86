// Formatting changes nothing keepalived reads: on every corpus file, on mutants of the samples and on
// seeded whitespace perturbations of the corpus (fast-check), `keepalived -t` prints the same messages
// before and after formatting (line numbers aside: statements moved to their own line shift them), and
// formatting again changes nothing. Skips where keepalived or ../shared is absent.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { formatText } from "../../server/src/core/format/format";
import { sharedDir } from "../helpers";
import { keepalivedBinary, mapLimit, runKeepalived } from "../oracle/keepalivedOracle";
import { allMutants, rng } from "../oracle/mutants";

const binary = keepalivedBinary();
const shared = sharedDir();
const SKIP = !binary ? "keepalived is not installed (apt-get install keepalived)" : !shared ? "../shared is absent" : false;

interface Sample {
  name: string;
  text: string;
}

function corpus(): Sample[] {
  const out: Sample[] = [];
  for (const dir of ["keepalived-samples", "real-world/configs"]) {
    const full = path.join(shared!, "corpus", dir);
    for (const f of fs.readdirSync(full).sort()) if (fs.statSync(path.join(full, f)).isFile()) out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(full, f), "latin1") });
  }
  return out;
}

/** keepalived's messages for a text (bytes as latin1), as sorted texts without line numbers. */
async function says(text: string, name: string): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-fmt-"));
  try {
    const file = path.join(dir, path.basename(name));
    fs.writeFileSync(file, text, "latin1");
    return (await runKeepalived(file, { timeoutMs: 10000 })).messages.map((m) => m.message).sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What is wrong with formatting this text, or undefined. */
async function formattingProblem(s: Sample): Promise<string | undefined> {
  const formatted = formatText(s.text);
  if (formatText(formatted) !== formatted) return `${s.name}: formatting twice changes it`;
  if (formatted === s.text) return undefined;
  const [before, after] = [await says(s.text, s.name), await says(formatted, s.name)];
  const gone = before.filter((m) => !after.includes(m));
  const added = after.filter((m) => !before.includes(m));
  return gone.length || added.length || before.length !== after.length ? `${s.name}: keepalived changed its mind: -${JSON.stringify(gone)} +${JSON.stringify(added)}` : undefined;
}

test("every corpus file: keepalived reads the formatted file as it read the original", { skip: SKIP }, async () => {
  const samples = corpus();
  const problems = (await mapLimit(samples, 2, formattingProblem)).filter((p) => p !== undefined);
  console.log(`formatted ${samples.length} corpus files, ${samples.filter((s) => formatText(s.text) !== s.text).length} of them changed`);
  assert.deepEqual(problems, []);
});

test("mutants of the samples (a seeded selection): the same", { skip: SKIP }, async () => {
  const all = allMutants(path.join(shared!, "corpus", "keepalived-samples"));
  const pick = rng(7);
  const chosen = all.filter(() => pick() < 80 / all.length).map((m) => ({ name: m.id.replace(/#.*/, ""), text: m.text }));
  const problems = (await mapLimit(chosen, 2, formattingProblem)).filter((p) => p !== undefined);
  assert.deepEqual(problems, []);
});

/** A UTF-8 no-break space, as the latin1 text of its two bytes: keepalived reads it as part of a word. */
const NBSP_BYTES = "\u00c2\u00a0";

/** Whitespace a person might type: blanks changed between words, indentation lost, `}` pulled up,
 *  a no-break space pasted at a line's end. */
function perturb(text: string, ops: { line: number; kind: "gap" | "indent" | "join" | "nbsp"; blanks: string }[]): string {
  const lines = text.split("\n");
  for (const op of ops) {
    const i = op.line % lines.length;
    const line = lines[i];
    const plain = !/["#!\\@~$]/.test(line);
    if (op.kind === "gap" && plain) lines[i] = line.replace(/(\S) +(?=\S)/g, `$1${op.blanks}`);
    else if (op.kind === "indent" && /^[ \t]*/.test(line)) lines[i] = op.blanks + line.replace(/^[ \t]*/, "");
    else if (op.kind === "nbsp" && plain && line.trim()) lines[i] = line.replace(/[ \t]*(\r?)$/, `${NBSP_BYTES}${op.blanks}$1`);
    else if (op.kind === "join" && plain && i + 1 < lines.length && /^[ \t]*\}/.test(lines[i + 1]) && line.trim()) {
      lines.splice(i, 2, `${line.replace(/[ \t\r]+$/, "")}${op.blanks || " "}${lines[i + 1].replace(/^[ \t]+/, "")}`);
    }
  }
  return lines.join("\n");
}

test("fast-check: seeded whitespace perturbations of the corpus read the same formatted", { skip: SKIP }, async () => {
  const samples = corpus();
  const op = fc.record({ line: fc.nat(), kind: fc.constantFrom("gap" as const, "indent" as const, "join" as const, "nbsp" as const), blanks: fc.constantFrom(" ", "  ", "\t", " \t ", "") });
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: samples.length - 1 }), fc.array(op, { minLength: 1, maxLength: 12 }), async (i, ops) => {
      const s = samples[i];
      const problem = await formattingProblem({ name: s.name, text: perturb(s.text, ops) });
      assert.equal(problem, undefined);
    }),
    { seed: 20261201, numRuns: 80 },
  );
});
