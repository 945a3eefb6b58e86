// Deterministic mutants of the shared corpus: each is a copy of one corpus file with one thing
// broken (a misspelt keyword, a number out of range, a bad address ...), and remembers what was
// changed on which line. The corpus is read in place from ../shared; nothing is copied into the repo.
import * as fs from "fs";
import * as path from "path";
import { parseConfig } from "../../server/src/core/syntax/parse";
import type { Item, Statement } from "../../server/src/core/syntax/tree";
import { lookupKeyword, specsNamed } from "../../server/src/core/schema/registry";
import type { BlockId, KeywordSpec } from "../../server/src/core/schema/types";
import { TOP } from "../../server/src/core/schema/types";

export type MutationKind =
  | "misspelt-keyword"
  | "out-of-range"
  | "not-a-number"
  | "bad-address"
  | "bad-enum"
  | "extra-brace"
  | "missing-brace"
  | "duplicate-name"
  | "missing-value"
  | "extra-value"
  | "unknown-keyword"
  | "deleted-line"
  | "wrong-block"
  | "address-owner"
  | "strict-mode";

export interface Mutant {
  /** e.g. "keepalived-samples/keepalived.conf.vrrp#3" */
  id: string;
  /** Path of the original, relative to the corpus folder. */
  source: string;
  kind: MutationKind;
  /** 1-based line of the mutated text where the change is. */
  line: number;
  description: string;
  text: string;
}

/** Every file under the corpus folder, relative paths, sorted. */
export function corpusFiles(corpusDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(path.relative(corpusDir, p));
    }
  };
  walk(corpusDir);
  return out;
}

/** mulberry32, the one seeded generator the oracle and `npm run fuzz` share. */
export { rngOf as rng } from "../../scripts/fuzz/inputs";
import { rngOf as rng } from "../../scripts/fuzz/inputs";

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Entry {
  statement: Statement;
  /** 0-based line of the keyword. */
  line: number;
  blockId: BlockId | undefined; // undefined: inside a line-list or unknown block
  spec?: KeywordSpec;
  depth: number;
  parent?: Entry;
}

function entriesOf(items: Item[], blockId: BlockId | undefined, depth: number, parent: Entry | undefined, out: Entry[]): Entry[] {
  for (const item of items) {
    if (item.kind !== "statement" || item.condition || item.sequences) continue;
    const spec = blockId ? lookupKeyword(blockId, item.keyword.text) : undefined;
    const e: Entry = { statement: item, line: item.keyword.range.start.line, blockId, spec, depth, parent };
    out.push(e);
    if (item.block) {
      const body = spec?.body;
      entriesOf(item.block.items, body?.kind === "keywords" ? body.blockId : undefined, depth + 1, e, out);
    }
  }
  return out;
}

const NAMED_BLOCKS = new Set(["vrrp_instance", "vrrp_script", "vrrp_sync_group", "virtual_server_group", "track_file", "vrrp_track_file", "track_process", "bfd_instance"]);

function misspell(word: string, r: () => number): string {
  for (let tries = 0; tries < 10; tries++) {
    const i = 1 + Math.floor(r() * (word.length - 2));
    const choice = Math.floor(r() * 3);
    let w: string;
    if (choice === 0) w = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else if (choice === 1) w = word.slice(0, i) + word.slice(i + 1);
    else w = word.slice(0, i) + word[i] + word.slice(i);
    if (w !== word && !specsNamed(w).length) return w;
  }
  return word + "x";
}

/** Replaces the span of `line` between two characters. */
function replaceSpan(lines: string[], line: number, start: number, end: number, text: string): string[] {
  const copy = [...lines];
  copy[line] = copy[line].slice(0, start) + text + copy[line].slice(end);
  return copy;
}

function pick<T>(list: T[], r: () => number): T | undefined {
  return list.length ? list[Math.floor(r() * list.length)] : undefined;
}

const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/;

/** Mutants of one file: at most one of each kind, chosen by a seed derived from the file name. */
export function mutantsOf(source: string, text: string): Mutant[] {
  const r = rng(hash(source));
  const syntax = parseConfig(text);
  const lines = text.split("\n");
  const entries = entriesOf(syntax.items, TOP, 0, undefined, []);
  // Only statements alone on their line (one-line blocks are left alone).
  const simple = entries.filter(
    (e) => e.statement.range.start.line === e.statement.range.end.line && !e.statement.block && lines[e.line].trim().startsWith(e.statement.keyword.raw),
  );
  const keywordLines = simple.filter((e) => e.spec && e.blockId);
  const out: Omit<Mutant, "id" | "source">[] = [];
  const add = (kind: MutationKind, line0: number, description: string, newLines: string[]) =>
    out.push({ kind, line: line0 + 1, description, text: newLines.join("\n") });

  // A misspelt keyword.
  {
    const e = pick(keywordLines, r);
    if (e) {
      const kw = e.statement.keyword;
      const bad = misspell(kw.text, r);
      add("misspelt-keyword", e.line, `'${kw.text}' misspelt as '${bad}'`, replaceSpan(lines, e.line, kw.range.start.character, kw.range.end.character, bad));
    }
  }
  // A number out of its range, and a word where a number belongs.
  {
    const numeric = keywordLines.filter((e) => {
      const t = e.spec!.args[0]?.type;
      return (t?.kind === "int" || t?.kind === "decimal") && e.statement.args.length >= 1 && /^-?[\d.]+$/.test(e.statement.args[0].text);
    });
    const e = pick(numeric, r);
    if (e) {
      const t = e.spec!.args[0].type as { kind: "int" | "decimal"; min?: number; max?: number };
      const w = e.statement.args[0];
      const bad = t.max !== undefined && t.max < 1e9 ? String(t.max + 1) : t.min !== undefined && t.min > -1e9 ? String(t.min - 1) : "99999999999";
      add("out-of-range", e.line, `${e.statement.keyword.text} ${w.text} changed to ${bad}`, replaceSpan(lines, e.line, w.range.start.character, w.range.end.character, bad));
    }
    const e2 = pick(numeric.filter((x) => x !== e), r);
    if (e2) {
      const w = e2.statement.args[0];
      add("not-a-number", e2.line, `${e2.statement.keyword.text} ${w.text} changed to 'ten'`, replaceSpan(lines, e2.line, w.range.start.character, w.range.end.character, "ten"));
    }
  }
  // A malformed IPv4 address anywhere an address is written.
  {
    const withIp = lines.map((l, i) => ({ l, i })).filter(({ l }) => IPV4.test(l.replace(/#.*|!.*/, "")) && !/^\s*[#!]/.test(l));
    const c = pick(withIp, r);
    if (c) {
      const m = IPV4.exec(c.l)!;
      const variant = Math.floor(r() * 2);
      const bad = variant === 0 ? `${m[1]}.${m[2]}.${m[3]}.256` : `${m[1]}.${m[2]}.${m[3]}`;
      add("bad-address", c.i, `address ${m[0]} changed to ${bad}`, replaceSpan(lines, c.i, m.index, m.index + m[0].length, bad));
    }
  }
  // A value outside an enumerated set.
  {
    const e = pick(keywordLines.filter((x) => x.spec!.args[0]?.type.kind === "enum" && x.statement.args.length >= 1), r);
    if (e) {
      const w = e.statement.args[0];
      add("bad-enum", e.line, `${e.statement.keyword.text} ${w.text} changed to BOGUS`, replaceSpan(lines, e.line, w.range.start.character, w.range.end.character, "BOGUS"));
    }
  }
  // Braces: one `}` too many after a block, or a block's `}` removed.
  {
    const blocks = entries.filter((e) => e.statement.block?.close && lines[e.statement.block.close.start.line].trim() === "}");
    const e = pick(blocks, r);
    if (e) {
      const close = e.statement.block!.close!.start.line;
      const copy = [...lines];
      copy.splice(close + 1, 0, lines[close]);
      add("extra-brace", close + 1, `extra '}' after the block of ${e.statement.keyword.text} (line ${e.line + 1})`, copy);
    }
    const e2 = pick(blocks.filter((x) => x !== e), r);
    if (e2) {
      const close = e2.statement.block!.close!.start.line;
      const copy = [...lines];
      copy.splice(close, 1);
      add("missing-brace", e2.line, `closing '}' of ${e2.statement.keyword.text} (line ${close + 1}) removed`, copy);
    }
  }
  // A named block defined twice: the copy goes at the end of the file.
  {
    const named = entries.filter((e) => e.depth === 0 && NAMED_BLOCKS.has(e.statement.keyword.text) && e.statement.block?.close && e.statement.args.length);
    const e = pick(named, r);
    if (e) {
      const block = lines.slice(e.line, e.statement.block!.close!.end.line + 1);
      const copy = [...lines, ...block];
      add("duplicate-name", lines.length, `${e.statement.keyword.text} ${e.statement.args[0].text} defined a second time`, copy);
    }
  }
  // A keyword without the value it needs, and with one word too many.
  {
    const withArgs = keywordLines.filter((e) => e.statement.args.length > 0 && e.spec!.args.some((a) => !a.optional));
    const e = pick(withArgs, r);
    if (e) {
      const kw = e.statement.keyword;
      const last = e.statement.args[e.statement.args.length - 1];
      add("missing-value", e.line, `value of ${kw.text} removed`, replaceSpan(lines, e.line, kw.range.end.character, last.range.end.character, ""));
    }
    const fixed = keywordLines.filter((e) => !e.spec!.rest && e.spec!.args.length > 0 && e.statement.args.length === e.spec!.args.length && e.spec!.args.every((a) => a.type.kind !== "script" && a.type.kind !== "text"));
    const e2 = pick(fixed, r);
    if (e2) {
      const last = e2.statement.args[e2.statement.args.length - 1];
      add("extra-value", e2.line, `extra word after ${e2.statement.keyword.text}`, replaceSpan(lines, e2.line, last.range.end.character, last.range.end.character, " extra"));
    }
  }
  // An invented keyword inside a block, and a whole line deleted.
  {
    const inBlocks = keywordLines.filter((e) => e.depth > 0);
    const e = pick(inBlocks, r);
    if (e) {
      const indent = /^\s*/.exec(lines[e.line])![0];
      const copy = [...lines];
      copy.splice(e.line, 0, `${indent}frobnicate_level 3`);
      add("unknown-keyword", e.line, `unknown keyword inserted in ${e.parent?.statement.keyword.text}`, copy);
    }
    const e2 = pick(inBlocks, r);
    if (e2 && e2.parent) {
      const copy = [...lines];
      copy.splice(e2.line, 1);
      add("deleted-line", e2.parent.line, `'${lines[e2.line].trim()}' deleted from ${e2.parent.statement.keyword.text} (line ${e2.line + 1})`, copy);
    }
  }
  // A keyword put in a block where it does not belong.
  {
    const e = pick(keywordLines.filter((x) => x.depth > 0 && x.parent?.statement.keyword.text !== "global_defs"), r);
    const g = entries.find((x) => x.statement.keyword.text === "global_defs" && x.statement.block?.close);
    if (e && g && !lookupKeyword("global_defs", e.statement.keyword.text)) {
      const copy = [...lines];
      const at = g.statement.block!.close!.start.line;
      copy.splice(at, 0, `   ${lines[e.line].trim()}`);
      add("wrong-block", at, `'${lines[e.line].trim()}' copied into global_defs`, copy);
    }
  }
  // VRRP semantics: priority 255 (address owner) on a BACKUP, and strict mode switched on.
  {
    const prio = simple.filter((e) => e.spec?.name === "priority" && e.blockId === "vrrp_instance");
    const e = pick(prio, r);
    if (e) {
      const w = e.statement.args[0];
      add("address-owner", e.line, `priority ${w.text} changed to 255`, replaceSpan(lines, e.line, w.range.start.character, w.range.end.character, "255"));
    }
    const hasVrrp = entries.some((x) => x.statement.keyword.text === "vrrp_instance");
    const g = entries.find((x) => x.statement.keyword.text === "global_defs" && x.statement.block);
    if (hasVrrp && g) {
      const copy = [...lines];
      copy.splice(g.line + 1, 0, "   vrrp_strict");
      add("strict-mode", g.line + 1, "vrrp_strict added to global_defs", copy);
    }
  }
  return out.map((m, i) => ({ ...m, id: `${source}#${i}`, source }));
}

/** Every mutant of every corpus file, in a stable order. */
export function allMutants(corpusDir: string): Mutant[] {
  return corpusFiles(corpusDir).flatMap((f) => mutantsOf(f, fs.readFileSync(path.join(corpusDir, f), "utf8")));
}
