// Values keepalived refuses: wrong count, out of range, not in the allowed set, bad addresses.
import type { NodeRule, NodeContext } from "../check/rule";
import type { ConfigStatement, ConfigWord } from "../config/expand";
import { holdsNoDollar } from "../config/statement";
import { checkValue, describeType } from "../schema/values";
import { checkLine, checkVirtualServerArgs, prefixIgnored } from "../schema/lines";
import { bareAddress, isIpv4, isIpv6 } from "../util/ip";
import { compareVersions } from "../util/version";
import type { ArgType, KeywordSpec, LineKind } from "../schema/types";
import type { Diagnostic, Fix } from "../check/diagnostic";
import { closestValues, isSafeCorrection } from "../util/names";

/** Did-you-mean fixes for a value outside its allowed set; the only candidate is safe to apply. */
function enumFixes(type: ArgType, w: ConfigWord): Fix[] {
  if (type.kind !== "enum" || w.substituted) return [];
  const suggestions = closestValues(w.text, type.values);
  return suggestions.map((s, i) => ({ title: `Change to '${s}'`, preferred: i === 0, safe: suggestions.length === 1 && isSafeCorrection(w.text, s), edits: [{ file: w.file, range: w.range, newText: s }] }));
}

// Patterns as constants: a regular expression literal is a new object each time it is evaluated, and
// these are asked about every argument.
const DOLLAR_NAME = /\$\{?[A-Za-z_]/;
const WHOLE_NUMBER = /^[-+]?\d+$/;
const DIGITS = /^\d+$/;

function unresolved(w: ConfigWord): boolean {
  return w.text.includes("$") && DOLLAR_NAME.test(w.text);
}

/** How many values a keyword needs, once per spec (asked for every statement). */
const requiredCounts = new WeakMap<KeywordSpec, number>();
function requiredCount(spec: KeywordSpec): number {
  let n = requiredCounts.get(spec);
  if (n === undefined) requiredCounts.set(spec, (n = spec.args.filter((x) => !x.optional).length));
  return n;
}

/** keepalived reads persistence_granularity by the virtual server's family (check_parser.c): an IPv4
 *  netmask, or an IPv6 prefix length 1-128; for a fwmark or group, a dot means IPv4. */
function granularityProblem(text: string, vsAddress: string | undefined): string | undefined {
  const family = vsAddress && isIpv4(vsAddress) ? 4 : vsAddress && isIpv6(vsAddress) ? 6 : text.includes(".") ? 4 : 6;
  if (family === 4 && !isIpv4(text)) return `persistence_granularity: '${text}' is not an IPv4 netmask such as 255.255.255.0; keepalived refuses it ("Invalid IPv4 persistence_granularity")`;
  if (family === 6 && !(DIGITS.test(text) && Number(text) >= 1 && Number(text) <= 128)) return `persistence_granularity: '${text}' is not an IPv6 prefix length (1 to 128); keepalived refuses it ("Invalid IPv6 persistence_granularity")`;
  return undefined;
}

/** Lists keepalived warns about when they are empty (global_parser.c, vrrp_parser.c), by keyword, then owner
 *  (keyword first: most statements are none of these, and no "owner/keyword" string is built for them). */
const EMPTY_LIST_WARNED = new Map<string, Map<string, string>>([
  ["notification_email", new Map([["global_defs", "keepalived warns (\"empty notification_email block\") and has no one to mail"]])],
  [
    "group",
    new Map([
      ["vrrp_sync_group", "keepalived warns (\"has empty group block\") and the sync group holds no instance"],
      ["track_group", "keepalived warns (\"has empty group block\") and the track group holds no instance"],
    ]),
  ],
  ["interfaces", new Map([["garp_group", "keepalived warns (\"empty garp_group interfaces block\") and the group applies to no interface"]])],
]);

/** Keywords keepalived reads without a value, saying nothing on the line (it reads the rest of the
 *  line as a command, which may be empty); what follows is reported where keepalived reports it. By keyword, then owner. */
const ACCEPTED_EMPTY = new Map<string, Map<string, string>>([
  ["script", new Map([["vrrp_script", "keepalived sets no command here and, at the end of the block, drops the vrrp_script (\"No script set ... - removing\")"]])],
]);

/** What `table` says of keyword `name` inside its owner (the innermost parent's keyword; "" at the top level). */
function ownedEntry(table: Map<string, Map<string, string>>, name: string, parents: readonly { keyword: { text: string } }[]): string | undefined {
  return table.get(name)?.get(parents[parents.length - 1]?.keyword.text ?? "");
}

/** The texts of some words, in an array of their count. */
function texts(words: readonly ConfigWord[]): string[] {
  const out: string[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = words[i].text;
  return out;
}

/** A line of a line-list block (a virtual address, a track line ...): its keyword and values are the line's words. */
function checkLineWords(line: LineKind, s: ConfigStatement, report: (d: Diagnostic) => void): void {
  const args = s.args;
  if (!holdsNoDollar(s) && (unresolved(s.keyword) || args.some(unresolved))) return;
  const words: string[] = new Array(args.length + 1);
  words[0] = s.keyword.text;
  for (let i = 0; i < args.length; i++) words[i + 1] = args[i].text;
  const problems = checkLine(line, words);
  for (let q = 0; q < problems.length; q++) {
    const p = problems[q];
    // A problem past the last word sits on the last word.
    const at = Math.min(p.word, args.length);
    const w = at === 0 ? s.keyword : args[at - 1];
    report({ file: w.file, range: w.range, severity: p.severity ?? "error", code: "invalid-value", message: p.message });
  }
}

export const invalidValueRule: NodeRule = {
  code: "invalid-value",
  perStatement: true,
  checkNode(ctx: NodeContext) {
    const { annotated, report } = ctx;
    // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
    for (let k = 0; k < annotated.length; k++) {
      const a = annotated[k];
      const s = a.statement;
      const context = a.context;
      if (context.kind === "lines") {
        checkLineWords(context.line, s, report);
        continue;
      }
      const spec = a.spec;
      if (!spec) continue;
      // Read once: a getter on most statements (config/statement.ts), asked a few times per value below.
      const args = s.args;
      // Most statements are read as written, without `$`: none of their words is then unresolved.
      const mayBeUnresolved = !holdsNoDollar(s);
      const empty = s.children && s.children.length === 0 && EMPTY_LIST_WARNED.has(spec.name) ? ownedEntry(EMPTY_LIST_WARNED, spec.name, a.parents) : undefined;
      if (empty) {
        report({ file: s.keyword.file, range: s.keyword.range, severity: "warning", code: "invalid-value", message: `'${spec.name}' is empty: ${empty}` });
      }
      const silentlyEmpty = args.length === 0 && ACCEPTED_EMPTY.has(spec.name) ? ownedEntry(ACCEPTED_EMPTY, spec.name, a.parents) : undefined;
      if (silentlyEmpty) {
        report({ file: s.keyword.file, range: s.keyword.range, severity: "warning", code: "invalid-value", message: `'${spec.name}' has no value: ${silentlyEmpty}` });
        continue;
      }
      // Fewer values than required implies fewer than the spec lists: most statements have all theirs, and skip the count.
      const required = args.length < spec.args.length ? requiredCount(spec) : 0;
      if (args.length < required) {
        const missing = spec.args.slice(args.length).filter((x) => !x.optional).map((x) => `<${x.label}>`).join(" ");
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "error",
          code: "invalid-value",
          message: `'${spec.name}' needs ${required === 1 ? "a value" : `${required} values`}: ${spec.name} ${missing}; keepalived refuses the line, and for most keywords stops reading the configuration there ("missing a parameter")`,
        });
        continue;
      }
      if (spec.name === "persistence_granularity" && args[0] && !(mayBeUnresolved && unresolved(args[0]))) {
        const msg = granularityProblem(args[0].text, a.parents[a.parents.length - 1]?.args[0]?.text);
        if (msg) report({ file: args[0].file, range: args[0].range, severity: "error", code: "invalid-value", message: msg });
      }
      if (spec.name === "virtual_server" && !(mayBeUnresolved && args.some(unresolved))) {
        const problems = checkVirtualServerArgs(texts(args));
        for (let q = 0; q < problems.length; q++) {
          const p = problems[q];
          const w = args[p.word];
          report({ file: w.file, range: w.range, severity: "error", code: "invalid-value", message: p.message });
        }
      }
      for (let i = 0; i < args.length; i++) {
        const w = args[i];
        const argSpec = i < spec.args.length ? spec.args[i] : spec.rest;
        if (!argSpec) {
          if (i === spec.args.length && spec.args.length > 0 && spec.args[spec.args.length - 1].type.kind !== "script") {
            report({ file: w.file, range: w.range, severity: "warning", code: "invalid-value", message: `'${spec.name}' takes ${spec.args.length} value${spec.args.length > 1 ? "s" : ""}; '${w.text}' and anything after it is ignored` });
          }
          continue;
        }
        if (mayBeUnresolved && unresolved(w)) continue;
        const msg = checkValue(argSpec.type, w.text);
        if (msg) {
          report({ file: w.file, range: w.range, severity: "error", code: "invalid-value", message: `${spec.name}: ${msg} (${argSpec.label}: ${describeType(argSpec.type)})`, fixes: enumFixes(argSpec.type, w) });
        } else if (argSpec.type.kind === "decimal" && argSpec.type.wholeBefore && !WHOLE_NUMBER.test(w.text) && ctx.options.targetVersion && compareVersions(ctx.options.targetVersion, argSpec.type.wholeBefore) < 0) {
          report({
            file: w.file,
            range: w.range,
            severity: "error",
            code: "invalid-value",
            message: `${spec.name}: keepalived ${ctx.options.targetVersion} takes whole ${argSpec.label} only (fractions since ${argSpec.type.wholeBefore}); it refuses '${w.text}' ("invalid number") and keeps the default`,
          });
        } else if (argSpec.type.kind === "ip" && argSpec.type.bare) {
          const { address, ignored } = bareAddress(w.text);
          if (ignored) report({ file: w.file, range: w.range, severity: "warning", code: "invalid-value", message: `${spec.name}: ${prefixIgnored(w.text, address, ignored)}` });
        }
      }
    }
  },
};
