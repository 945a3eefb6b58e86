// `npm run fuzz [-- --count N --seed S --timeout MS --heap MB --deadline S --out DIR]`: a seeded campaign over the core in a
// worker thread with a per-input time limit and a heap limit. Crashes (an exception that escaped,
// an isolated internal-error, a range outside the document), hangs (no answer in time) and
// out-of-memory are written as reproducers (JSON: file name → text) and counted; exit 1 if any.
// `--deadline` stops early (the summary says how many inputs ran, and `complete: false`).
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { campaign, loadCorpus, loadKeywords, sharedDir, FuzzInput } from "./inputs";

function option(name: string, fallback: number | string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : String(fallback);
}

const count = Number(option("count", 100_000));
const seed = Number(option("seed", 12));
const timeoutMs = Number(option("timeout", 10_000));
const heapMb = Number(option("heap", 1024));
const deadlineS = Number(option("deadline", 0));
const repo = path.resolve(__dirname, "..", "..", "..");
const outDir = path.resolve(option("out", path.join(repo, "out", "fuzz")));
fs.mkdirSync(outDir, { recursive: true });

const shared = sharedDir(repo);
if (!shared) console.error("fuzz: ../shared is absent: no keyword list or corpus mutations, token soup from a short list only");
const inputs = campaign(seed, count, loadKeywords(shared), loadCorpus(shared));

const counts = { inputs: 0, throws: 0, internalErrors: 0, ranges: 0, hangs: 0, oom: 0, crashes: 0, slowOver1s: 0 };
const kinds = new Map<string, number>();
let slowest = { ms: 0, kind: "" };
const started = Date.now();
let written = 0;

function keep(kind: string, input: FuzzInput, detail: string): void {
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  if (written >= 200) return;
  const file = path.join(outDir, `${kind}-${String(++written).padStart(3, "0")}.json`);
  fs.writeFileSync(file, JSON.stringify({ kind: input.kind, detail, files: input.files }, null, 1));
  console.error(`fuzz: ${kind} on ${input.kind}: ${detail.split("\n")[0].slice(0, 200)} → ${file}`);
}

function spawn(): Worker {
  return new Worker(path.join(__dirname, "worker.js"), { resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 4 } });
}

async function main(): Promise<void> {
  let worker = spawn();
  for (const input of inputs) {
    if (deadlineS && Date.now() - started > deadlineS * 1000) break;
    counts.inputs++;
    const outcome = await new Promise<{ kind: "done"; findings: { kind: string; message: string }[]; ms: number } | { kind: "hang" } | { kind: "died"; error: Error }>((resolve) => {
      const timer = setTimeout(() => resolve({ kind: "hang" }), timeoutMs);
      const done = (v: Parameters<typeof resolve>[0]) => {
        clearTimeout(timer);
        worker.removeAllListeners("message");
        worker.removeAllListeners("error");
        worker.removeAllListeners("exit");
        resolve(v);
      };
      worker.once("message", (m) => done({ kind: "done", findings: m.findings, ms: m.ms }));
      worker.once("error", (error) => done({ kind: "died", error }));
      worker.once("exit", (code) => done({ kind: "died", error: new Error(`worker exited with ${code}`) }));
      worker.postMessage({ id: counts.inputs, files: input.files });
    });
    if (outcome.kind === "done") {
      if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, kind: input.kind };
      if (outcome.ms > 1000) counts.slowOver1s++;
      if (outcome.ms > timeoutMs / 4) console.error(`fuzz: slow (${Math.round(outcome.ms)} ms) on input ${counts.inputs}, ${input.kind}`);
      const first = new Map<string, string>();
      for (const f of outcome.findings) if (!first.has(f.kind)) first.set(f.kind, f.message);
      for (const [kind, message] of first) {
        if (kind === "throw") counts.throws++;
        else if (kind === "internal-error") counts.internalErrors++;
        else counts.ranges++;
        keep(kind, input, message);
      }
    } else {
      const oom = outcome.kind === "died" && /memory/i.test(String(outcome.error?.message) + String((outcome.error as NodeJS.ErrnoException)?.code));
      if (outcome.kind === "hang") counts.hangs++;
      else if (oom) counts.oom++;
      else counts.crashes++;
      keep(outcome.kind === "hang" ? "hang" : oom ? "oom" : "crash", input, outcome.kind === "died" ? String(outcome.error?.stack ?? outcome.error) : `no answer in ${timeoutMs} ms`);
      await worker.terminate().catch(() => undefined);
      worker = spawn();
    }
    if (counts.inputs % 1000 === 0) console.error(`fuzz: ${counts.inputs}/${count} in ${Math.round((Date.now() - started) / 1000)} s ${JSON.stringify(counts)}`);
  }
  await worker.terminate();
  const summary = { ...counts, complete: counts.inputs === count, seconds: Math.round((Date.now() - started) / 1000), seed, timeoutMs, heapMb, slowestMs: Math.round(slowest.ms), slowestKind: slowest.kind, reproducers: outDir };
  fs.writeFileSync(path.join(outDir, "summary.json"), JSON.stringify(summary, null, 1));
  console.log(JSON.stringify(summary));
  process.exitCode = counts.throws + counts.internalErrors + counts.ranges + counts.hangs + counts.oom + counts.crashes ? 1 : 0;
}

void main();
