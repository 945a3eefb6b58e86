// What keepalived actually reads for one node: the root file with its includes spliced in place,
// only the lines whose `@id` condition matches the node's config id, `$NAME` substituted and
// `~SEQ`/`~LST` lines repeated. Every word keeps the file and range where the user wrote it.
import * as path from "path";
import type { Range } from "../util/range";
import type { Item, Statement, SyntaxFile, Word, ConditionPrefix } from "../syntax/tree";
import { parseConfig } from "../syntax/parse";
import type { FileAccess } from "./files";
import { expandGlob, globProblem, hasGlob, MAX_PATTERN_LENGTH, SkippedMatch } from "./glob";
import { expandSequences } from "./sequences";
import { nestAsKeepalived, BraceNote } from "./nesting";
import { WrittenWord } from "./writtenWord";
import { SyntaxStatement, SyntaxWord, withoutSequences } from "../syntax/treeNodes";

export type { ConfigWord, ConfigStatement } from "./statement";
import type { ConfigWord, ConfigStatement } from "./statement";
import { ExpandedStatement, WrittenStatement } from "./statement";

export interface IncludeEdge {
  from: string;
  statement: Statement;
  pattern: string;
  files: string[];
}

export interface DefinitionUse {
  name: string;
  file: string;
  range: Range;
  /** Where the definition in force was written, if any. */
  definedAt?: { file: string; range: Range };
}

export interface ExpansionProblem {
  code: "include-not-found" | "include-cycle" | "syntax" | "undefined-variable" | "expansion-limit";
  severity: "error" | "warning";
  file: string;
  range: Range;
  message: string;
}

export interface ExpandedConfig {
  root: string;
  configId?: string;
  statements: ConfigStatement[];
  /** Every file read for this node, root first. */
  files: string[];
  includes: IncludeEdge[];
  definitionUses: DefinitionUse[];
  problems: ExpansionProblem[];
  /** Braces keepalived pairs differently from how they are written (see nesting.ts). */
  braceNotes: BraceNote[];
}

export interface ExpandOptions {
  access: FileAccess;
  /** Syntax of a file, cached by the caller; undefined when it cannot be read. */
  syntaxOf: (file: string) => SyntaxFile | undefined;
  /** Folders that stand for `/` when an include names an absolute path. */
  includeRoots?: string[];
  configId?: string;
}

interface DefinitionValue {
  value: string;
  file: string;
  range: Range;
}

const MAX_SUBSTITUTION_DEPTH = 16;
/** One word's substituted text stops growing here (`$A0=$A1$A1`, `$A1=$A2$A2`... doubles each level). */
export const MAX_SUBSTITUTED_LENGTH = 64 * 1024;
/** All substituted text of one node together: many words of 1 MB each would still exhaust memory. */
export const MAX_SUBSTITUTED_TOTAL = 4 * 1024 * 1024;
/** A `$NAME` whose value holds a block may use another such `$NAME`, this many levels deep. */
export const MAX_BLOCK_SUBSTITUTION_DEPTH = 8;
/** Statements read again (a `~SEQ` line, a file included a second time, a block from a `$NAME`), per node. */
export const MAX_REPEATED_STATEMENTS = 25_000;
const REPEATED_MESSAGE = `Repetitions (~SEQ lines, files included again, '$' blocks) add more than ${MAX_REPEATED_STATEMENTS} statements: the rest is not read`;
/** Includes inside includes, as deep as this. */
export const MAX_INCLUDE_DEPTH = 32;

const UNQUOTED_USE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)(?=[ \t,)]|$)/g;
const QUOTED_USE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)(?=[ \t,)])/g;

/** Names keepalived defines itself (lib/parser.c); a `$NAME=` line overrides them. */
const BUILTIN_NAMES = new Set(["_PWD", "_INSTANCE", "_RANDOM", "_HASH", "_BANG"]);

/** The value keepalived gives a built-in name, when it can be known without running it: `_PWD` is
 *  the folder of the file being read (keepalived changes into it), `_INSTANCE` the config id. */
function builtinValue(name: string, file: string, configId: string | undefined): string | undefined {
  switch (name) {
    case "_PWD":
      return path.dirname(file);
    case "_INSTANCE":
      return configId;
    case "_HASH":
      return "#";
    case "_BANG":
      return "!";
    default:
      return undefined; // _RANDOM: a different number each run
  }
}

/** Resolves an include pattern the way keepalived does, with absolute paths looked up under the include roots first. */
export function resolveInclude(pattern: string, fromFile: string, access: FileAccess, includeRoots: string[] = [], skipped?: SkippedMatch[]): string[] {
  if (path.isAbsolute(pattern)) {
    if (!includeRoots.length) return expandGlob(pattern, access, skipped);
    // Each root stands for `/`, as a chroot does: `..` stops at it (normalizing the absolute path first), and
    // the machine's own files are not read in its place (`/etc/keepalived/../../etc/passwd` read this
    // machine's /etc/passwd into the report).
    const inside = path.posix.normalize(pattern);
    for (const root of includeRoots) {
      const found = expandGlob(path.join(root, inside), access, skipped);
      if (found.length) return found;
    }
    return [];
  }
  return expandGlob(path.resolve(path.dirname(fromFile), pattern), access, skipped);
}

export function conditionHolds(condition: ConditionPrefix | undefined, configId: string | undefined): boolean {
  if (!condition) return true;
  return condition.negated ? configId !== condition.id : configId === condition.id;
}

/**
 * A statement whose expansion depends on nothing but itself: no `$`, no include, no sequence inside.
 * Its expansion is kept per syntax object (unchanged statements survive an edit as the same objects),
 * so re-checking a file after a keystroke re-expands only the edited block.
 */
const selfContained = new WeakMap<Statement, boolean>();
interface KeptExpansion {
  file: string;
  configId?: string;
  statement: ConfigStatement;
  size: number | undefined;
}
/** For a statement that is not a SyntaxStatement (which keeps its own, see keptExpansion). */
const expanded = new WeakMap<Statement, KeptExpansion>();

function keptExpansion(s: Statement): KeptExpansion | undefined {
  return s instanceof SyntaxStatement ? (s.expansion as KeptExpansion | undefined) : expanded.get(s);
}

function keepExpansion(s: Statement, e: KeptExpansion): void {
  if (s instanceof SyntaxStatement) s.expansion = e;
  else expanded.set(s, e);
}

function sizeOf(s: ConfigStatement): number {
  let n = 1;
  if (s.children) for (const c of s.children) n += sizeOf(c);
  return n;
}

function hasDollar(s: Statement): boolean {
  if (s.keyword.text.includes("$")) return true;
  for (let i = 0; i < s.args.length; i++) if (s.args[i].text.includes("$")) return true;
  return false;
}

/**
 * A written word read as it stands (what pushWords makes of a word without `$`): the syntax word itself
 * when its text is known to be this file's (it is then a ConfigWord too), else a view of it.
 */
function plainWord(w: Word, file: string): ConfigWord {
  if (w instanceof SyntaxWord) {
    const lines = w.lines;
    if (lines.file === undefined) lines.file = file;
    if (lines.file === file) return w;
  }
  return new WrittenWord(w, file);
}

/** The words of a statement read as they stand: the syntax's own array when every word serves as itself. */
function plainWords(words: Word[], file: string): ConfigWord[] {
  let out: ConfigWord[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = plainWord(words[i], file);
    if ((w as unknown) !== words[i] && !out) out = words.slice(0, i) as unknown as ConfigWord[];
    if (out) out.push(w);
  }
  return out ?? (words as unknown as ConfigWord[]);
}

/** The same answer by a walk of its own, where expansion does not see everything: a statement left out
 *  by its `@id` condition, a block cut short by the repetition cap. Only top-level answers are kept
 *  (a WeakMap entry per nested statement costs more than it saves). */
function selfContainedTree(s: Statement): boolean {
  if (s.sequences || s.keyword.text === "include" || s.keyword.text.includes("$")) return false;
  for (let i = 0; i < s.args.length; i++) if (s.args[i].text.includes("$")) return false;
  for (const item of s.block?.items ?? []) {
    if (item.kind !== "statement") return false;
    // A block that was at the top level before (typing `{` above nested it) has its answer kept.
    const known = item.block ? selfContained.get(item) : undefined;
    if (known === false || (known === undefined && !selfContainedTree(item))) return false;
  }
  return true;
}

/** Whether the statements from `start` on in `list` are `items`, each read as itself. */
function readAsItems(list: ConfigStatement[], start: number, items: Item[]): boolean {
  if (list.length - start !== items.length) return false;
  for (let i = 0; i < items.length; i++) if ((list[start + i] as unknown) !== items[i]) return false;
  return true;
}

/**
 * A statement that serves as itself (a syntax statement) as a copy of its own, with copies of its
 * children, to sit under a copied parent. One kept from an earlier expansion at the top level (typing
 * `{` above it nested it) stays itself, as a kept copy did.
 */
function ownCopy(s: ConfigStatement): ConfigStatement {
  if (!(s instanceof SyntaxStatement) || keptExpansion(s)?.statement === s) return s;
  const copy = new WrittenStatement(s);
  const items = s.block?.items;
  if (items) {
    const children: ConfigStatement[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) children[i] = ownCopy(items[i] as unknown as ConfigStatement);
    copy.children = children;
  }
  return copy;
}

export function expandConfig(root: string, options: ExpandOptions): ExpandedConfig {
  const result: ExpandedConfig = {
    root,
    configId: options.configId,
    statements: [],
    files: [],
    includes: [],
    definitionUses: [],
    problems: [],
    braceNotes: [],
  };
  const definitions = new Map<string, DefinitionValue>();
  const stack: string[] = [];
  /** Children of the blocks being expanded, innermost last (see addStatement). */
  const pending: ConfigStatement[] = [];
  // Bounds (docs/decisions/bounds.md): what is read again is counted, and each cap is reported once.
  let repeating = 0;
  let repeated = 0;
  let blockDepth = 0;
  let substitutedTotal = 0;
  const capsHit = new Set<string>();
  /** Inside a `$NAME` block, ranges are the value's own: problems sit on the outermost reference. */
  let blockReference: Range | undefined;
  const limit = (cap: string, file: string, range: Range, message: string): void => {
    if (capsHit.has(cap)) return;
    capsHit.add(cap);
    result.problems.push({ code: "expansion-limit", severity: "warning", file, range: blockReference ?? range, message });
  };

  const substitute = (text: string, word: { file: string; range: Range; quoted?: boolean }, depth = 0): string => {
    if (!text.includes("$")) return text;
    if (depth > MAX_SUBSTITUTION_DEPTH) {
      limit("depth", word.file, word.range, `'$' substitution still not finished after ${MAX_SUBSTITUTION_DEPTH} rounds (a definition that refers to itself, or a chain that long): the rest is left as written`);
      return text;
    }
    if (text.length > MAX_SUBSTITUTED_LENGTH || substitutedTotal > MAX_SUBSTITUTED_TOTAL) {
      limit("length", word.file, word.range, `'$' substitution grows past ${MAX_SUBSTITUTED_LENGTH / 1024} KB (keepalived reads lines of 1 KB; definitions that double each other?): the rest is left as written`);
      return text;
    }
    let changed = false;
    // keepalived takes a bare `$NAME` only where a blank, ',', ')' or the line's end follows it.
    const pattern = word.quoted ? QUOTED_USE : UNQUOTED_USE;
    const out = text.replace(pattern, (whole: string, braced: string | undefined, bare: string | undefined) => {
      const name = (braced ?? bare) as string;
      const def = definitions.get(name);
      if (depth === 0) {
        result.definitionUses.push({ name, file: word.file, range: word.range, definedAt: def && { file: def.file, range: def.range } });
      }
      const value = def ? def.value : builtinValue(name, word.file, options.configId);
      if (value === undefined) {
        if (braced && !word.quoted && depth === 0 && !BUILTIN_NAMES.has(name)) {
          result.problems.push({
            code: "undefined-variable",
            severity: "error",
            file: word.file,
            range: word.range,
            message: `'\${${name}}' is not defined here (no '$${name}=' line before it): keepalived leaves it as written and reads its braces as a block`,
          });
        }
        return whole;
      }
      changed = true;
      return value;
    });
    if (changed) substitutedTotal += out.length;
    return changed ? substitute(out, word, depth + 1) : out;
  };

  /** Appends what keepalived reads for one written word (usually itself) to `out`. */
  const pushWords = (w: Word, file: string, out: ConfigWord[]): void => {
    const text = w.text.includes("$") ? substitute(w.text, { file, range: w.range, quoted: w.quoted }) : w.text;
    if (text === w.text) {
      out.push(plainWord(w, file));
      return;
    }
    // A substituted value may hold several words, as if they had been typed there.
    const parts = w.quoted ? [text] : text.split(/[ \t\n]+/).filter(Boolean);
    for (const p of parts) out.push({ text: p, range: w.range, file, substituted: true, quoted: w.quoted });
  };

  // Whether a top-level statement is self-contained (see selfContainedTree) is seen while it is
  // expanded, instead of in a walk of its own: anything that makes it depend on more than itself
  // counts one here, and so does a walk cut short by the repetition cap (then the walk decides).
  let impurities = 0;
  let truncations = 0;

  /** `topLevel`: the items of a file as read (where a cached expansion may be reused). */
  const expandItems = (items: Item[], file: string, into: ConfigStatement[], override?: Range, topLevel = false): void => {
    // Indexed: a for-of over 200,000 top-level items allocated a result object per step (before the optimizer stepped in).
    for (let at = 0; at < items.length; at++) {
      const item = items[at];
      if (repeating > 0 && repeated > MAX_REPEATED_STATEMENTS) {
        truncations++;
        return; // the cap was reported: read no further copies
      }
      const impuritiesBefore = impurities;
      if (!conditionHolds(item.condition, options.configId)) {
        if (item.kind !== "statement" || !selfContainedTree(item)) impurities++;
        continue;
      }
      if (item.kind === "definition") {
        impurities++;
        definitions.set(item.name, { value: item.value, file, range: item.nameRange });
        continue;
      }
      if (item.kind === "bareBlock") {
        impurities++;
        continue; // reported by the structure rule
      }
      if (item.sequences || item.keyword.text === "include" || hasDollar(item)) impurities++;
      if (item.sequences?.length) {
        // Past the cap (reported once), a top-level ~SEQ line is not read: building its 4,096 bindings
        // for each of 20,000 such lines took 40 s on 1 MB.
        if (repeated > MAX_REPEATED_STATEMENTS) continue;
        repeating++;
        for (const binding of expandSequences(item.sequences)) {
          if (repeated > MAX_REPEATED_STATEMENTS) break;
          const saved = new Map(definitions);
          for (const [k, v] of binding) definitions.set(k, { value: v, file, range: item.range });
          expandStatement(withoutSequences(item), file, into, override);
          definitions.clear();
          for (const [k, v] of saved) definitions.set(k, v);
        }
        repeating--;
        continue;
      }
      const reusable = !override && definitions.size === 0;
      // Looked up at any depth: a statement read at the top level before keeps its expansion when typing
      // `{` above it nests it in an unclosed block (it is stored only from the top level, see isSelfContained).
      const cached = reusable ? keptExpansion(item) : undefined;
      if (cached && cached.file === file && cached.configId === options.configId) {
        if (repeating > 0 && (repeated += (cached.size ??= sizeOf(cached.statement))) > MAX_REPEATED_STATEMENTS) {
          limit("repeated", file, item.range, REPEATED_MESSAGE);
          truncations++;
          return;
        }
        into.push(cached.statement);
        continue;
      }
      if (topLevel && reusable) {
        const before = into.length;
        const truncationsBefore = truncations;
        expandStatement(item, file, into, override);
        const pure = truncations === truncationsBefore ? impurities === impuritiesBefore : selfContainedTree(item);
        if (item.block) selfContained.set(item, pure);
        if (pure && into.length === before + 1) keepExpansion(item, { file, configId: options.configId, statement: into[before], size: undefined });
        continue;
      }
      expandStatement(item, file, into, override);
    }
  };

  const expandStatement = (s: Statement, file: string, into: ConfigStatement[], override?: Range): void => {
    // Most statements hold no `$` and sit where they were written: their words as they are, sized exactly.
    if (!override && !hasDollar(s)) {
      if (repeating > 0 && ++repeated > MAX_REPEATED_STATEMENTS) {
        limit("repeated", file, s.range, REPEATED_MESSAGE);
        truncations++;
        return;
      }
      const keyword = plainWord(s.keyword, file);
      const args = plainWords(s.args, file);
      if (keyword.text === "include") {
        includeFiles(s, args, file, into);
        return;
      }
      addStatement(s, file, into, keyword, args, undefined);
      return;
    }
    // A lone `$NAME` whose value spans lines or holds braces is a whole piece of configuration.
    if (!s.args.length && !s.block && /^\$\{?[A-Za-z_]\w*\}?$/.test(s.keyword.text)) {
      const value = substitute(s.keyword.text, { file, range: s.keyword.range });
      if (value !== s.keyword.text && /[\n{}]/.test(value)) {
        if (blockDepth >= MAX_BLOCK_SUBSTITUTION_DEPTH) {
          limit("block", file, s.keyword.range, `'${s.keyword.text}' expands to blocks that use '$' blocks more than ${MAX_BLOCK_SUBSTITUTION_DEPTH} levels deep (a definition that refers to itself?): not expanded further`);
          return;
        }
        blockDepth++;
        repeating++;
        const outer = blockReference;
        blockReference ??= s.keyword.range;
        expandItems(parseConfig(value).items, file, into, override ?? s.keyword.range);
        blockReference = outer;
        repeating--;
        blockDepth--;
        return;
      }
    }
    const words: ConfigWord[] = [];
    pushWords(s.keyword, file, words);
    for (const a of s.args) pushWords(a, file, words);
    // New objects: a plain word may be the syntax's own.
    if (override) for (let i = 0; i < words.length; i++) words[i] = { text: words[i].text, range: override, file, substituted: true, quoted: words[i].quoted };
    if (!words.length) return;
    if (repeating > 0 && ++repeated > MAX_REPEATED_STATEMENTS) {
      limit("repeated", file, override ?? s.range, REPEATED_MESSAGE);
      truncations++;
      return;
    }
    const keyword = words[0];
    const args = words.slice(1);
    if (keyword.text === "include" && !keyword.substituted) {
      includeFiles(s, args, file, into);
      return;
    }
    addStatement(s, file, into, keyword, args, override);
  };

  const addStatement = (s: Statement, file: string, into: ConfigStatement[], keyword: ConfigWord, args: ConfigWord[], override: Range | undefined): void => {
    // Inside a `$NAME` block, positions of the value's own braces mean nothing in this file: use the reference's.
    const block = override && s.block ? { ...s.block, open: override, close: s.block.close && override, range: override } : s.block;
    // Read as written (the usual case): the statement is a view of the syntax's own objects.
    const written = !override && (keyword as unknown) === s.keyword && (args as unknown) === s.args;
    if (!s.block) {
      into.push(written && s instanceof SyntaxStatement ? (s as unknown as ConfigStatement) : written ? new WrittenStatement(s) : new ExpandedStatement(keyword, args, file, s, block, override));
      return;
    }
    // Gathered on the top of one shared list (a block's children are done before its parent's next
    // line) and copied out at their size: a list grown by push per block was 2.4 MB of garbage on the
    // bench config. Taken off by pop, which keeps the list's room (setting its length gives it back).
    const start = pending.length;
    expandItems(s.block.items, file, pending, override);
    if (written && s instanceof SyntaxStatement && readAsItems(pending, start, s.block.items)) {
      // The syntax statement serves as itself, its block's items as its children: no copy, no list.
      while (pending.length > start) pending.pop();
      into.push(s as unknown as ConfigStatement);
      return;
    }
    const stmt: ConfigStatement = written ? new WrittenStatement(s) : new ExpandedStatement(keyword, args, file, s, block, override);
    const children = pending.slice(start);
    // A syntax statement serves as itself only under one that does (or at the top level), as a copy did:
    // what is kept on it (its annotation) then never names a parent of one expansion only.
    for (let i = 0; i < children.length; i++) children[i] = ownCopy(children[i]);
    stmt.children = children;
    while (pending.length > start) pending.pop();
    into.push(stmt);
  };

  const includeFiles = (s: Statement, args: ConfigWord[], file: string, into: ConfigStatement[]): void => {
    const pattern = args.map((a) => a.text).join(" ");
    if (!pattern) {
      result.problems.push({ code: "include-not-found", severity: "error", file, range: s.range, message: "include needs a file name or pattern" });
      return;
    }
    const skipped: SkippedMatch[] = [];
    const files = resolveInclude(pattern, file, options.access, options.includeRoots, skipped);
    result.includes.push({ from: file, statement: s, pattern, files });
    // A FIFO, a device, a directory or a huge file is named but never read: say what it is.
    for (const skip of skipped.slice(0, 10)) {
      result.problems.push({ code: "include-not-found", severity: "error", file, range: args[0].range, message: `Included '${skip.file}' ${skip.why}: only regular files are read` });
    }
    const badPattern = hasGlob(pattern) || pattern.length > MAX_PATTERN_LENGTH ? globProblem(pattern) : undefined;
    const shown = pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern;
    if (badPattern) result.problems.push({ code: "include-not-found", severity: "warning", file, range: args[0].range, message: `Include pattern '${shown}': ${badPattern}` });
    if (!files.length) {
      if (skipped.length || badPattern) return;
      result.problems.push({
        code: "include-not-found",
        severity: hasGlob(pattern) ? "warning" : "error",
        file,
        range: args[0].range,
        message: hasGlob(pattern)
          ? `No file matches the include pattern '${pattern}'`
          : `Included file '${pattern}' was not found` +
            (!path.isAbsolute(pattern) ? "" : !(options.includeRoots ?? []).length ? " (set an include root to resolve absolute paths in this workspace)" : ` under the include root${options.includeRoots!.length > 1 ? "s" : ""} ${options.includeRoots!.join(", ")}`),
      });
      return;
    }
    if (stack.length >= MAX_INCLUDE_DEPTH) {
      limit("include", file, args[0].range, `Includes nest more than ${MAX_INCLUDE_DEPTH} files deep: '${pattern}' is not read`);
      return;
    }
    for (const target of files) {
      if (stack.includes(target)) {
        result.problems.push({
          code: "include-cycle",
          severity: "error",
          file,
          range: args[0].range,
          message: `Include cycle: ${[...stack.slice(stack.indexOf(target)), target].map((f) => path.basename(f)).join(" → ")}`,
        });
        continue;
      }
      visitFile(target, into);
    }
  };

  const seenFiles = new Set<string>();
  const visitFile = (file: string, into: ConfigStatement[]): void => {
    const syntax = options.syntaxOf(file);
    if (!syntax) return;
    const again = seenFiles.has(file);
    if (again && repeated > MAX_REPEATED_STATEMENTS) return;
    if (!again) (seenFiles.add(file), result.files.push(file));
    stack.push(file);
    if (again) repeating++;
    expandItems(syntax.items, file, into, undefined, true);
    if (again) repeating--;
    stack.pop();
  };

  visitFile(root, result.statements);
  const nested = nestAsKeepalived(result.statements);
  result.statements = nested.statements;
  result.braceNotes = nested.notes;
  return result;
}

/** Walks statements depth-first with their parent chain. */
export function* walkStatements(
  statements: ConfigStatement[],
  parents: ConfigStatement[] = [],
): Generator<{ statement: ConfigStatement; parents: ConfigStatement[] }> {
  for (const statement of statements) {
    yield { statement, parents };
    if (statement.children) yield* walkStatements(statement.children, [...parents, statement]);
  }
}
