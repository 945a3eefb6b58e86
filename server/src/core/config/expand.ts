// What keepalived actually reads for one node: the root file with its includes spliced in place,
// only the lines whose `@id` condition matches the node's config id, `$NAME` substituted and
// `~SEQ`/`~LST` lines repeated. Every word keeps the file and range where the user wrote it.
import * as path from "path";
import type { Range } from "../util/range";
import type { Item, Statement, SyntaxFile, Word, ConditionPrefix } from "../syntax/tree";
import { parseConfig } from "../syntax/parse";
import { expandGlob, hasGlob, FileAccess } from "./files";
import { expandSequences } from "./sequences";
import { nestAsKeepalived, BraceNote } from "./nesting";

export type { ConfigWord, ConfigStatement } from "./statement";
import type { ConfigWord, ConfigStatement } from "./statement";

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
  code: "include-not-found" | "include-cycle" | "syntax" | "undefined-variable";
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

const UNQUOTED_USE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)(?=[,)]|$)/g;
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
export function resolveInclude(pattern: string, fromFile: string, access: FileAccess, includeRoots: string[] = []): string[] {
  if (path.isAbsolute(pattern)) {
    for (const root of includeRoots) {
      const found = expandGlob(path.join(root, pattern), access);
      if (found.length) return found;
    }
    return expandGlob(pattern, access);
  }
  return expandGlob(path.resolve(path.dirname(fromFile), pattern), access);
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
const expanded = new WeakMap<Statement, { file: string; configId?: string; statement: ConfigStatement }>();

function isSelfContained(s: Statement): boolean {
  let known = selfContained.get(s);
  if (known === undefined) selfContained.set(s, (known = selfContainedTree(s)));
  return known;
}

/** Only top-level answers are kept (a WeakMap entry per nested statement costs more than it saves). */
function selfContainedTree(s: Statement): boolean {
  if (s.sequences || s.keyword.text === "include" || s.keyword.text.includes("$")) return false;
  for (let i = 0; i < s.args.length; i++) if (s.args[i].text.includes("$")) return false;
  for (const item of s.block?.items ?? []) if (item.kind !== "statement" || !selfContainedTree(item)) return false;
  return true;
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

  const substitute = (text: string, word: { file: string; range: Range; quoted?: boolean }, depth = 0): string => {
    if (!text.includes("$") || depth > MAX_SUBSTITUTION_DEPTH) return text;
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
    return changed ? substitute(out, word, depth + 1) : out;
  };

  /** Appends what keepalived reads for one written word (usually itself) to `out`. */
  const pushWords = (w: Word, file: string, out: ConfigWord[]): void => {
    const text = w.text.includes("$") ? substitute(w.text, { file, range: w.range, quoted: w.quoted }) : w.text;
    if (text === w.text) {
      out.push({ text, range: w.range, file, substituted: false, quoted: w.quoted });
      return;
    }
    // A substituted value may hold several words, as if they had been typed there.
    const parts = w.quoted ? [text] : text.split(/[ \t\n]+/).filter(Boolean);
    for (const p of parts) out.push({ text: p, range: w.range, file, substituted: true, quoted: w.quoted });
  };

  /** `topLevel`: the items of a file as read (where a cached expansion may be reused). */
  const expandItems = (items: Item[], file: string, into: ConfigStatement[], override?: Range, topLevel = false): void => {
    for (const item of items) {
      if (!conditionHolds(item.condition, options.configId)) continue;
      if (item.kind === "definition") {
        definitions.set(item.name, { value: item.value, file, range: item.nameRange });
        continue;
      }
      if (item.kind === "bareBlock") continue; // reported by the structure rule
      if (item.sequences?.length) {
        for (const binding of expandSequences(item.sequences)) {
          const saved = new Map(definitions);
          for (const [k, v] of binding) definitions.set(k, { value: v, file, range: item.range });
          expandStatement({ ...item, sequences: undefined }, file, into, override);
          definitions.clear();
          for (const [k, v] of saved) definitions.set(k, v);
        }
        continue;
      }
      if (topLevel && !override && definitions.size === 0 && isSelfContained(item)) {
        const cached = expanded.get(item);
        if (cached && cached.file === file && cached.configId === options.configId) {
          into.push(cached.statement);
          continue;
        }
        const before = into.length;
        expandStatement(item, file, into, override);
        if (into.length === before + 1) expanded.set(item, { file, configId: options.configId, statement: into[before] });
        continue;
      }
      expandStatement(item, file, into, override);
    }
  };

  const expandStatement = (s: Statement, file: string, into: ConfigStatement[], override?: Range): void => {
    // A lone `$NAME` whose value spans lines or holds braces is a whole piece of configuration.
    if (!s.args.length && !s.block && /^\$\{?[A-Za-z_]\w*\}?$/.test(s.keyword.text)) {
      const value = substitute(s.keyword.text, { file, range: s.keyword.range });
      if (value !== s.keyword.text && /[\n{}]/.test(value)) {
        expandItems(parseConfig(value).items, file, into, override ?? s.keyword.range);
        return;
      }
    }
    const words: ConfigWord[] = [];
    pushWords(s.keyword, file, words);
    for (const a of s.args) pushWords(a, file, words);
    if (override) for (const w of words) (w.range = override), (w.substituted = true);
    if (!words.length) return;
    const keyword = words[0];
    const args = words.slice(1);
    if (keyword.text === "include" && !keyword.substituted) {
      includeFiles(s, args, file, into);
      return;
    }
    const stmt: ConfigStatement = { keyword, args, file, range: override ?? s.range, syntax: s, block: s.block };
    if (s.block) {
      stmt.children = [];
      expandItems(s.block.items, file, stmt.children, override);
    }
    into.push(stmt);
  };

  const includeFiles = (s: Statement, args: ConfigWord[], file: string, into: ConfigStatement[]): void => {
    const pattern = args.map((a) => a.text).join(" ");
    if (!pattern) {
      result.problems.push({ code: "include-not-found", severity: "error", file, range: s.range, message: "include needs a file name or pattern" });
      return;
    }
    const files = resolveInclude(pattern, file, options.access, options.includeRoots);
    result.includes.push({ from: file, statement: s, pattern, files });
    if (!files.length) {
      result.problems.push({
        code: "include-not-found",
        severity: hasGlob(pattern) ? "warning" : "error",
        file,
        range: args[0].range,
        message: hasGlob(pattern)
          ? `No file matches the include pattern '${pattern}'`
          : `Included file '${pattern}' was not found` +
            (path.isAbsolute(pattern) && !(options.includeRoots ?? []).length ? " (set an include root to resolve absolute paths in this workspace)" : ""),
      });
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

  const visitFile = (file: string, into: ConfigStatement[]): void => {
    const syntax = options.syntaxOf(file);
    if (!syntax) return;
    if (!result.files.includes(file)) result.files.push(file);
    stack.push(file);
    expandItems(syntax.items, file, into, undefined, true);
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
