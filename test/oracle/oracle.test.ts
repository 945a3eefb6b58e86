// keepalived itself is the oracle: for every corpus file and every mutant of it, what `keepalived -t`
// complains about must get a diagnostic from us on that line (recall), and we must not report an
// error on a line keepalived accepts (no false errors). Skips when keepalived or ../shared is absent.
//
//
// keepalived is run with `-i` so that its `@id` lines follow ours: a file without `@id` lines gets an
// id it does not use (keepalived would otherwise use this host's name); a file with them is run once
// per id it names and compared with our node for that id (the Workspace checks exactly those).
// keepalived reports end-of-block checks at the `}`: they meet ours at the block's keyword.
//
//   npx tsc -p . && node --test out/test/oracle/
//   ORACLE_REPORT=/tmp/oracle.json ... writes every comparison to /tmp/oracle.samples.json, .configs.json and .clusters.json.
import { test, TestContext } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { sharedDir, workspaceOf, ROOT } from "../helpers";
import { parseConfig } from "../../server/src/core/syntax/parse";
import type { Item } from "../../server/src/core/syntax/tree";
import type { Diagnostic } from "../../server/src/core/check/diagnostic";
import { FILE_RULES } from "../../server/src/core/rules";
import { keepalivedBinary, keepalivedVersion, mapLimit, OracleMessage, runKeepalivedOnText } from "./keepalivedOracle";
import { allMutants, corpusFiles, Mutant } from "./mutants";
import { lookupKeyword, specsNamed } from "../../server/src/core/schema/registry";
import { TOP, type BlockId } from "../../server/src/core/schema/types";

const TARGET = "2.2.7";
const FILE = "keepalived.conf";
const MIN_RECALL = 0.98;

interface Case {
  id: string;
  text: string;
  mutant?: Mutant;
}

interface Miss {
  id: string;
  configId?: string;
  line: number;
  text: string;
  keepalived: string[];
  ours: string[];
}

/** Where blocks open and close, so that keepalived's end-of-block messages (reported at the `}`)
 *  meet ours (reported at the block's keyword); and the names of the blocks around each line. */
function blockMaps(text: string) {
  const closeToOpen = new Map<number, number[]>();
  const openToClose = new Map<number, number>();
  /** A `{` on a line after its keyword: keepalived reports an ignored one there ("Unexpected '{'"). */
  const braceToKeyword = new Map<number, number>();
  const names: { from: number; to: number; words: string[] }[] = [];
  const visit = (items: Item[]) => {
    for (const item of items) {
      if (item.kind !== "statement" || !item.block) continue;
      const open = item.keyword.range.start.line + 1;
      const close = (item.block.close ?? item.block.range).end.line + 1;
      closeToOpen.set(close, [...(closeToOpen.get(close) ?? []), open]);
      openToClose.set(open, close);
      const brace = item.block.open.start.line + 1;
      if (brace !== open) braceToKeyword.set(brace, open);
      names.push({ from: open, to: close, words: item.args.map((a) => a.text).filter((w) => w.length > 1) });
      visit(item.block.items);
    }
  };
  visit(parseConfig(text).items);
  return { closeToOpen, openToClose, braceToKeyword, names };
}

/** keepalived's copy: `net_namespace` makes `keepalived -t` check nothing on this host (it would
 *  run in that namespace), so those lines are blanked there, keeping every line number. A last line
 *  without a line break gets one: keepalived's main process counts lines by their breaks and reports
 *  such a line under the number of the line before (its other processes, reading its copy, do not). */
function forKeepalived(text: string): string {
  const out = text
    .split("\n")
    .map((l) => (/^\s*(@\^?\S+\s+)?net_namespace\b/.test(l) ? "# net_namespace (left out for the oracle)" : l))
    .join("\n");
  return out.endsWith("\n") ? out : `${out}\n`;
}

const FILE_CODES = new Set(FILE_RULES.map((r) => r.code));

/** keepalived refuses some blocks whole, on their opening line, and never reads what is inside. */
const SKIPPED_BLOCK = /already (defined|configured)|- skipping\b/;
/** After this (host-dependent) message keepalived stops before its post-parse validation, so the
 *  checks it makes there cannot be judged on this host for that config. */
const STOPS_EARLY = /Non-existent interface specified in configuration/;
/** keepalived's VRRP validation (vrrp.c, vrrp_complete_init) gives up at the first instance without
 *  the minimum (chk_min_cfg) before checking any instance further, and at the first instance it
 *  refuses (vrrp_complete_instance) before checking the ones after it. */
const STOPS_VALIDATION = /\) the virtual router id must be set|\) Unknown interface!/;
const STOPS_AFTER_INSTANCE = /^\((\S+)\):? (No VIP specified; at least one is required|Unicast peers are not supported in strict mode|Unicast instances must have|Non link-local address required)/;
/** Line-less messages that name no block: matched by the codes of ours that stand for them. */
const LINELESS_BY_CODE: [RegExp, string[]][] = [[/missing '\}'s or extra '\{'s/, ["syntax", "unmatched-brace"]]];
/** keepalived exits at once on these. */
const EXITS = /is missing a parameter/;
/** Our rules that mirror keepalived's post-parse validation (reported without a line). */
const POST_PARSE_CODES = new Set(["missing-required", "address-owner", "strict-mode-conflict", "fwmark-protocol", "auth-ah-master", "no-virtual-address"]);
/** keepalived looks up a sync group's instances after parsing too (vrrp_sync.c), not its track_script names. */
const postParse = (d: Diagnostic) => POST_PARSE_CODES.has(d.code) || (d.code === "undefined-reference" && d.message.startsWith("vrrp_instance "));

/** The corpus folder under ../shared/corpus, or a reason to skip. */
function corpusDir(name: string): { dir?: string; skip?: string; binary?: string } {
  const binary = keepalivedBinary();
  if (!binary) return { skip: "keepalived is not installed (apt-get install keepalived)" };
  const shared = sharedDir();
  const dir = shared && path.join(shared, "corpus", name);
  if (!dir || !fs.existsSync(dir)) return { skip: `../shared/corpus/${name} is absent: nothing to compare` };
  return { dir, binary };
}

const filesOf = (dir: string): Case[] => corpusFiles(dir).map((f) => ({ id: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));

test("keepalived -t agrees with our diagnostics on keepalived's samples and their mutants", async (t) => {
  const { dir, skip, binary } = corpusDir("keepalived-samples");
  if (!dir || !binary) return t.skip(skip);
  await compareWithKeepalived(t, "samples", binary, [...filesOf(dir), ...allMutants(dir).map((m) => ({ id: m.id, text: m.text, mutant: m }))]);
});

// Operators' own configs (issue 11): the files as written, with the mistakes they really contain.
// ORACLE_MUTANTS=1 adds their mutants too (slower: about ten times the runs).
test("keepalived -t agrees with our diagnostics on the operators' real-world configs", async (t) => {
  const { dir, skip, binary } = corpusDir(path.join("real-world", "configs"));
  if (!dir || !binary) return t.skip(skip);
  const mutants = process.env.ORACLE_MUTANTS ? allMutants(dir).map((m) => ({ id: m.id, text: m.text, mutant: m })) : [];
  await compareWithKeepalived(t, "configs", binary, [...filesOf(dir), ...mutants]);
});

// The node files of the real-world clusters, each on its own (cross-file findings are the cluster tests').
test("keepalived -t agrees with our diagnostics on each node file of the real-world clusters", async (t) => {
  const { dir, skip, binary } = corpusDir(path.join("real-world", "clusters"));
  if (!dir || !binary) return t.skip(skip);
  await compareWithKeepalived(t, "clusters", binary, filesOf(dir));
});

const PROBE = "keepalived_oracle_probe";

/** Where a probe keyword tests whether keepalived reads `line` (1-based): inside the block the line
 *  opens (is its body read?), before a line list holding the line (a list may take any word
 *  silently, as notification_email does), or else just before the line. Returns the 0-based index
 *  the probe line is inserted at. */
function probeIndex(text: string, line: number): number {
  let at = line - 1;
  const visit = (items: Item[], blockId: BlockId | undefined): void => {
    for (const item of items) {
      if (item.kind !== "statement" || !item.block) continue;
      const open = item.keyword.range.start.line + 1;
      const brace = item.block.open.start.line + 1;
      const close = (item.block.close ?? item.block.range).end.line + 1;
      // Where a `}` is missing the raw nesting is not keepalived's: a known block keyword keeps its body.
      const body = (blockId !== undefined ? lookupKeyword(blockId, item.keyword.text)?.body : undefined) ?? specsNamed(item.keyword.text).find((x) => x.body)?.body;
      if (open === line) {
        if (body?.kind === "keywords" && close > brace) at = brace; // first line of the body
        return;
      }
      if (line > brace && line <= close) {
        if (body && body.kind !== "keywords") at = open - 1;
        else visit(item.block.items, body?.kind === "keywords" ? body.blockId : undefined);
        return;
      }
    }
  };
  visit(parseConfig(text).items, TOP);
  return at;
}

/** Does any keepalived process read `line`? An unknown keyword put there draws a message if so. */
async function keepalivedReads(text: string, line: number, binary: string, configId: string | undefined): Promise<boolean> {
  const lines = text.split("\n");
  const at = probeIndex(text, line);
  lines.splice(at, 0, PROBE);
  const r = await runKeepalivedOnText(forKeepalived(lines.join("\n")), FILE, { binary, configId });
  return [...r.messages, ...r.filtered].some((m) => m.line === at + 1 && (m.file === undefined || m.file === FILE));
}

async function compareWithKeepalived(t: TestContext, label: string, binary: string, cases: Case[]): Promise<void> {
  const version = keepalivedVersion(binary);
  if (version !== TARGET) t.diagnostic(`keepalived ${version} is installed; the oracle was tuned on ${TARGET}`);

  let complained = 0;
  let hit = 0;
  let lineless = 0;
  let linelessMatched = 0;
  let timeouts = 0;
  let unreadConfirmed = 0;
  const misses: Miss[] = [];
  const falseErrors: Miss[] = [];
  const unmatchedLineless: string[] = [];
  const unjudged: string[] = [];
  const report: unknown[] = [];
  const byKind = new Map<string, { total: number; flagged: number; ours: number }>();

  const started = Date.now();
  await mapLimit(cases, Math.max(1, Math.min(4, os.availableParallelism())), async (c) => {
    const syntax = parseConfig(c.text);
    const variants: (string | undefined)[] = syntax.conditionIds.size ? [...syntax.conditionIds].sort() : [undefined];
    const ws = workspaceOf({ [FILE]: c.text }, { targetVersion: TARGET });
    const fileDiags = ws.diagnostics().filter((d) => FILE_CODES.has(d.code));
    const nodes = ws.nodes();
    const maps = blockMaps(c.text);
    const lines = c.text.split("\n");
    let mutantFlagged = false;
    let mutantOurs = false;
    for (const configId of variants) {
      const node = nodes.find((n) => n.configId === configId);
      const ours: Diagnostic[] = [...(node?.diagnostics ?? []), ...fileDiags].filter((d) => d.file === path.join(ROOT, FILE));
      const result = await runKeepalivedOnText(forKeepalived(c.text), FILE, { binary, configId });
      if (result.timedOut) timeouts++;
      const withLine = new Map<number, OracleMessage[]>();
      const noLine: OracleMessage[] = [];
      for (const m of result.messages) {
        if (m.line !== undefined && (m.file === undefined || m.file === FILE)) withLine.set(m.line, [...(withLine.get(m.line) ?? []), m]);
        else noLine.push(m);
      }
      const ourByLine = new Map<number, Diagnostic[]>();
      for (const d of ours) ourByLine.set(d.range.start.line + 1, [...(ourByLine.get(d.range.start.line + 1) ?? []), d]);
      const fmt = (d: Diagnostic) => `${d.severity} ${d.code}: ${d.message}`;
      const enclosing = (line: number) => maps.names.filter((n) => n.from <= line && line <= n.to).flatMap((n) => n.words);

      // (a) recall: every line keepalived complains about has a diagnostic of ours.
      for (const [line, msgs] of withLine) {
        complained++;
        const candidates = [line, ...(maps.closeToOpen.get(line) ?? []), ...[maps.braceToKeyword.get(line) ?? []].flat()];
        const found = candidates.some((l) => ourByLine.has(l));
        if (found) hit++;
        else misses.push({ id: c.id, configId, line, text: lines[line - 1]?.trim() ?? "", keepalived: msgs.map((m) => m.message), ours: [] });
      }
      // Messages without a line: matched to our diagnostics through the block names they mention.
      for (const m of noLine) {
        lineless++;
        const byCode = LINELESS_BY_CODE.find(([re]) => re.test(m.message));
        const matched = byCode
          ? ours.some((d) => byCode[1].includes(d.code))
          : ours.some((d) => enclosing(d.range.start.line + 1).some((w) => m.message.includes(w)));
        if (matched) linelessMatched++;
        else unmatchedLineless.push(`${c.id}${configId ? ` (-i ${configId})` : ""}: ${m.message}`);
      }
      // (b) no false errors: an error of ours is on a line keepalived complains about (or the block
      // it opens ends on one), or inside a block a line-less message of keepalived names.
      const errorLines = new Set(ours.filter((d) => d.severity === "error").map((d) => d.range.start.line + 1));
      const skipped = [...maps.openToClose].filter(([open]) => withLine.get(open)?.some((m) => SKIPPED_BLOCK.test(m.message)));
      const stoppedEarly = result.filtered.some((m) => STOPS_EARLY.test(m.message)) || result.messages.some((m) => STOPS_VALIDATION.test(m.message));
      // The instance keepalived refused last-checked: the post-parse checks of those after it were not made.
      const refused = result.messages.map((m) => STOPS_AFTER_INSTANCE.exec(m.message)?.[1]).find((n) => n !== undefined);
      const refusedAt = refused === undefined ? Infinity : Math.min(...maps.names.filter((n) => n.words.includes(refused)).map((n) => n.to));
      // A keyword without its value makes keepalived exit on that line: no post-parse check is made,
      // and what that process and the processes after it had still to read is never read (the probe tells).
      const exitLine = Math.min(...[...withLine].filter(([, ms]) => ms.some((m) => EXITS.test(m.message))).map(([l]) => l));
      for (const line of errorLines) {
        const close = maps.openToClose.get(line);
        if (withLine.has(line) || (close !== undefined && withLine.has(close))) continue;
        if (noLine.some((m) => enclosing(line).some((w) => m.message.includes(w)))) continue;
        if (skipped.some(([open, end]) => open < line && line <= end)) {
          unjudged.push(`${c.id} line ${line}: inside a block keepalived skipped`);
          continue;
        }
        const errs = ourByLine.get(line)!.filter((d) => d.severity === "error");
        if ((stoppedEarly || Number.isFinite(exitLine) || line > refusedAt) && errs.every(postParse)) {
          unjudged.push(`${c.id} line ${line}: keepalived stopped before validating (missing interface on this host, an instance it gave up on, or it exited on a line)`);
          continue;
        }
        // keepalived says nothing about a line none of its processes reads (a block skipped by
        // counting braces, a process that never ran after another exited): a probe keyword placed
        // there tells. Our "never reads" errors (unmatched-brace) are what the probe confirms.
        if (!(await keepalivedReads(c.text, line, binary, configId))) {
          if (errs.every((d) => d.code === "unmatched-brace" && /never reads/.test(d.message))) unreadConfirmed++;
          else unjudged.push(`${c.id} line ${line}: keepalived never reads this line (a probe keyword there draws no message)`);
          continue;
        }
        falseErrors.push({ id: c.id, configId, line, text: lines[line - 1]?.trim() ?? "", keepalived: [], ours: ourByLine.get(line)!.filter((d) => d.severity === "error").map(fmt) });
      }
      if (c.mutant) {
        const near = (l: number) => Math.abs(l - c.mutant!.line) <= 0;
        if ([...withLine.keys()].some(near)) mutantFlagged = true;
        if (ours.some((d) => near(d.range.start.line + 1))) mutantOurs = true;
      }
      report.push({
        id: c.id,
        configId,
        mutant: c.mutant && { kind: c.mutant.kind, line: c.mutant.line, description: c.mutant.description },
        keepalived: result.messages,
        filtered: result.filtered,
        ours: ours.map((d) => ({ line: d.range.start.line + 1, ...{ severity: d.severity, code: d.code, message: d.message } })),
      });
    }
    if (c.mutant) {
      const k = byKind.get(c.mutant.kind) ?? { total: 0, flagged: 0, ours: 0 };
      k.total++;
      if (mutantFlagged) k.flagged++;
      if (mutantOurs) k.ours++;
      byKind.set(c.mutant.kind, k);
    }
  });

  const recall = complained ? hit / complained : 1;
  const detail = (x: string) => t.diagnostic(x);
  const say = (s: string) => {
    console.log(s);
    t.diagnostic(s);
  };
  say(`oracle ${label}: ${cases.length} configs (${cases.length - cases.filter((c) => c.mutant).length} corpus files, ${cases.filter((c) => c.mutant).length} mutants) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  say(`oracle ${label}: recall ${(recall * 100).toFixed(1)}% (${hit}/${complained} lines keepalived complains about)`);
  say(`oracle ${label}: false-error lines ${falseErrors.length}`);
  say(`oracle ${label}: errors keepalived could not judge here ${unjudged.length}`);
  say(`oracle ${label}: blocks we call unread that a probe confirms keepalived never reads ${unreadConfirmed}`);
  for (const u of unjudged) detail(`oracle ${label}:   unjudged: ${u}`);
  say(`oracle ${label}: messages without a line ${lineless} (${linelessMatched} matched through block names)`);
  if (timeouts) say(`oracle ${label}: ${timeouts} keepalived runs timed out`);
  for (const [kind, k] of [...byKind].sort()) detail(`oracle ${label}:   ${kind.padEnd(17)} ${k.total} mutants, keepalived flags ${k.flagged} on the line, we flag ${k.ours}`);
  for (const m of misses) detail(`oracle ${label}: MISS ${m.id}${m.configId ? ` (-i ${m.configId})` : ""} line ${m.line} '${m.text}': ${m.keepalived.join(" | ")}`);
  for (const m of falseErrors) detail(`oracle ${label}: FALSE ERROR ${m.id}${m.configId ? ` (-i ${m.configId})` : ""} line ${m.line} '${m.text}': ${m.ours.join(" | ")}`);
  for (const m of [...new Set(unmatchedLineless)]) detail(`oracle ${label}: line-less, unmatched: ${m}`);
  if (process.env.ORACLE_REPORT) fs.writeFileSync(process.env.ORACLE_REPORT.replace(/(\.json)?$/, `.${label}$1`), JSON.stringify(report, null, 1));

  assert.ok(recall >= MIN_RECALL, `recall ${(recall * 100).toFixed(1)}% is below ${MIN_RECALL * 100}%`);
  assert.equal(falseErrors.length, 0, `${falseErrors.length} lines where we report an error and keepalived accepts the line`);
}
