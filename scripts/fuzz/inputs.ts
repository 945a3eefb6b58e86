// Seeded inputs for `npm run fuzz`: token soup from keepalived's keyword list, byte mutations of the
// corpus, binary junk, and the hostile shapes (scaled down at random, the full ones once each).
import * as fs from "fs";
import * as path from "path";
import { SHAPES, Files } from "./shapes";

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)];

const PIECES = ["{", "}", "\n", "\n", "\n", " ", " ", "\t", '"', "#", "!", "\\", "\\\n", "$", "@", "@^", "~SEQ(i,1,3)", "~LST(x,a,b)", ")", "=", "$X=", "$X", "${X}", "$B={ \\\n", "include", "b.conf", "*.conf", "[z-a]", "{a,b}", "\r", "\r\n", "\u0000", "\ufeff", "\u00a0", "255", "0", "-1", "4294967296", "1e999", "192.0.2.1/24", "fe80::1", "eth0", "MASTER", "BACKUP", "PASS", "AH", "weight", "-20", "dev", "x".repeat(300)];

export function sharedDir(from: string): string | undefined {
  const dir = path.resolve(from, "..", "shared");
  return fs.existsSync(dir) ? dir : undefined;
}

export function loadKeywords(shared: string | undefined): string[] {
  if (!shared) return ["vrrp_instance", "global_defs", "virtual_server", "real_server", "track_script", "virtual_ipaddress", "priority", "state"];
  return fs
    .readFileSync(path.join(shared, "keepalived-keywords.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

export function loadCorpus(shared: string | undefined): string[] {
  if (!shared) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.statSync(p).size < 200_000 && !/\.(tsv|md|json)$/.test(e.name)) out.push(fs.readFileSync(p, "latin1"));
    }
  };
  walk(path.join(shared, "corpus"));
  return out;
}

export function tokenSoup(rng: Rng, keywords: string[]): string {
  const n = int(rng, 300);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rng() < 0.45 ? pick(rng, keywords) : pick(rng, PIECES));
  return parts.join(rng() < 0.5 ? " " : "");
}

export function mutate(rng: Rng, text: string, keywords: string[]): string {
  let t = text;
  const n = 1 + int(rng, 8);
  for (let i = 0; i < n; i++) {
    const at = int(rng, t.length + 1);
    switch (int(rng, 6)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + int(rng, 40));
        break;
      case 1:
        t = t.slice(0, at) + pick(rng, PIECES) + t.slice(at);
        break;
      case 2:
        t = t.slice(0, at) + pick(rng, keywords) + " " + t.slice(at);
        break;
      case 3: {
        const from = int(rng, t.length + 1);
        t = t.slice(0, at) + t.slice(from, from + int(rng, 200)) + t.slice(at);
        break;
      }
      case 4:
        t = t.slice(0, at) + String.fromCharCode(int(rng, 256)) + t.slice(at + 1);
        break;
      default:
        t = t.slice(0, at) + String.fromCharCode(int(rng, 0x3000)) + t.slice(at);
    }
  }
  return t;
}

export function junk(rng: Rng): string {
  const bytes = Buffer.alloc(int(rng, 3000));
  for (let i = 0; i < bytes.length; i++) bytes[i] = int(rng, 256);
  return bytes.toString(rng() < 0.5 ? "latin1" : "utf8");
}

/** A hostile shape at a random, smaller scale, so thousands of them fit in a campaign. */
export const SMALL_SHAPES = ["nesting", "doubling", "sequenceInclude", "stars", "selfBlock", "loneCr", "includeFanOut", "instances"] as const;

export function smallShape(rng: Rng, keywords: string[], which: number = int(rng, SMALL_SHAPES.length)): Files {
  const n = 1 + int(rng, 400);
  switch (which) {
    case 0:
      return { "keepalived.conf": pick(rng, keywords) + " " + "x {\n".repeat(n) + "}\n".repeat(int(rng, n + 1)) };
    case 1:
      return { "keepalived.conf": Array.from({ length: 1 + int(rng, 40) }, (_, i) => `$A${i}=$A${i + 1}$A${i + 1}`).join("\n") + `\n${pick(rng, keywords)} $A0\n` };
    case 2:
      // n × 16 at most: the 25,000-statement cap itself is the full shape's job.
      return { "keepalived.conf": `~SEQ(i,1,${n}) include b.conf\n`, "b.conf": `~SEQ(j,1,${1 + int(rng, 16)}) ${pick(rng, keywords)} s$j {\n  ${pick(rng, keywords)} $i\n}\n` };
    case 3:
      return { "keepalived.conf": `include ${"*a".repeat(1 + int(rng, 12))}*b.conf\n`, ["a".repeat(n) + ".conf"]: tokenSoup(rng, keywords) };
    case 4:
      return { "keepalived.conf": `$B=${pick(rng, keywords)} { \\\n ${pick(rng, keywords)} $B \\\n}\n$B\n` };
    case 5:
      return { "keepalived.conf": tokenSoup(rng, keywords).replace(/\n/g, "\r") };
    case 6:
      return { "keepalived.conf": "include b.conf\n".repeat(1 + int(rng, 12)), "b.conf": "include c.conf\n".repeat(1 + int(rng, 12)), "c.conf": tokenSoup(rng, keywords) };
    default:
      return { "keepalived.conf": Array.from({ length: 1 + (n >> 1) }, (_, i) => `vrrp_instance V${i} {\n interface eth0\n virtual_router_id ${1 + int(rng, 3)}\n virtual_ipaddress {\n  10.0.0.${i & 255}/24\n }\n}\n`).join("") };
  }
}

export interface FuzzInput {
  kind: string;
  files: Files;
}

/** The i-th input of a campaign: the full shapes first, then a seeded mix. */
export function* campaign(seed: number, count: number, keywords: string[], corpus: string[]): Generator<FuzzInput> {
  const rng = rngOf(seed);
  let produced = 0;
  for (const [name, make] of Object.entries(SHAPES)) {
    if (produced++ >= count) return;
    yield { kind: `shape:${name}`, files: make() };
  }
  while (produced++ < count) {
    const r = rng();
    const second: Files = rng() < 0.2 ? { "b.conf": tokenSoup(rng, keywords) } : {};
    if (r < 0.4) yield { kind: "soup", files: { "keepalived.conf": tokenSoup(rng, keywords) + (rng() < 0.3 ? "\ninclude b.conf\n" : ""), ...second } };
    else if (r < 0.75 && corpus.length) yield { kind: "mutation", files: { "keepalived.conf": mutate(rng, pick(rng, corpus), keywords), ...second } };
    else if (r < 0.88) yield { kind: "junk", files: { "keepalived.conf": junk(rng) } };
    else {
      const which = int(rng, SMALL_SHAPES.length);
      yield { kind: `shape:${SMALL_SHAPES[which]}`, files: smallShape(rng, keywords, which) };
    }
  }
}
