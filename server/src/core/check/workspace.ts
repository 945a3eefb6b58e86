// A set of keepalived files checked together. Files are parsed once per text; nodes (a root file
// with its includes, once per `@id` config id) are re-expanded and re-checked only when one of
// their files changed. The CLI, the language server and the tests all go through this class.
import * as path from "path";
import type { Item, Statement, SyntaxFile } from "../syntax/tree";
import { parseConfig } from "../syntax/parse";
import { reparse, linesMovedFrom } from "../syntax/incremental";
import { expandConfig, ExpandedConfig, resolveInclude, ConfigStatement } from "../config/expand";
import { annotationsOf, AnnotatedStatement, noteRuns } from "../config/annotate";
import { diskAccess, FileAccess, overlay } from "../config/files";
import type { Diagnostic } from "./diagnostic";
import { dedupeSorted, printable, sortDiagnostics } from "./diagnostic";
import { internalError, runIsolated } from "../rules/internal-error";
import type { CheckOptions, NodeContext, NodeRule } from "./rule";
import { FILE_RULES, NODE_RULES } from "../rules";
import { checkItems } from "./itemFindings";
import { nodeNames, NodeNames } from "../model/nodeNames";
import { ClusterAnalysis, ClusterView } from "../cluster/analysis";
import { readTemplate, TemplateFile } from "../template/template";
import { staticView } from "../template/staticView";
import { checkTemplate } from "../template/checkTemplate";
import { renderTemplate, Rendering } from "../template/ansible/renderedHosts";
import { mapRenderedDiagnostics } from "../template/ansible/renderedDiagnostics";

export interface WorkspaceOptions extends CheckOptions {
  includeRoots?: string[];
  /** Instances to treat as one virtual router whatever the evidence: "node/instance" → "node/instance". */
  peerPairing?: Record<string, string>;
  access?: FileAccess;
  /** Read every file as plain keepalived, even one named or written like a template (a template's variants). */
  plainOnly?: boolean;
  /** An Ansible inventory to render role templates with (else one is looked for above each template). */
  inventory?: string;
}

export interface ConfigNode {
  /** root file, plus `#id` for a conditional variant */
  id: string;
  root: string;
  configId?: string;
  config: ExpandedConfig;
  annotated: AnnotatedStatement[];
  diagnostics: Diagnostic[];
}

interface ParsedFile {
  text: string;
  syntax: SyntaxFile;
  /** Files this one includes, resolved now (any condition). */
  includes: string[];
  diagnostics: Diagnostic[];
  /** Set when the file is a template: its syntax is then that of its static text. */
  template?: TemplateFile;
}

/** The include lines inside each top-level item, kept while the item lives (a keystroke re-reads one item). */
const includeStatements = new WeakMap<Item, Statement[]>();
const NO_INCLUDES: Statement[] = [];

function includeStatementsIn(item: Item): Statement[] {
  let found = includeStatements.get(item);
  if (found) return found;
  const list: Statement[] = [];
  const visit = (i: Item) => {
    if (i.kind !== "statement") return;
    if (i.keyword.text === "include" && i.args[0]) list.push(i);
    i.block?.items.forEach(visit);
  };
  visit(item);
  includeStatements.set(item, (found = list.length ? list : NO_INCLUDES));
  return found;
}

/**
 * What the perStatement rules found on one top-level statement: pairs of (index in the rules list,
 * diagnostic), in the order they were reported; NOTHING_FOUND for most statements.
 */
type StatementFindings = readonly (number | Diagnostic)[];
const NOTHING_FOUND: StatementFindings = Object.freeze([]);

/**
 * A node's top-level statements at its last check and what the perStatement rules found on each, in
 * the same order. Kept as two arrays, not a WeakMap keyed by statement: 200,000 weak entries made
 * every garbage collection of a large file slower.
 */
interface StatementHistory {
  statements: readonly ConfigStatement[];
  /** Each statement's annotations (annotationsOf's list for it). */
  runs: readonly AnnotatedStatement[][];
  /** The perStatement rules the findings were computed for (tests add and remove rules). */
  rules: readonly NodeRule[];
  findings: readonly StatementFindings[];
  /** The node's names, whose lookups the next check takes over while the names read the same. */
  names?: NodeNames;
}

/** How a node's statements line up with its last check: the first `head` and last `tail` are the same objects. */
interface StatementMatch {
  before?: StatementHistory;
  head: number;
  tail: number;
  /**
   * Between head and tail, statements of the last check found again, by their index there. Made
   * only when both sides have several statements between head and tail: in an unclosed last block
   * (re-read on every edit, so the tail is empty) a `{` typed far above left 270 unchanged blocks
   * between them, and each was checked again.
   */
  between?: Map<ConfigStatement, number>;
  runs: AnnotatedStatement[][];
}

const NO_MATCH: StatementMatch = { head: 0, tail: 0, runs: [] };

let perStatementList: NodeRule[] = [];
/** NODE_RULES' perStatement rules, the same array while NODE_RULES holds the same rules. */
function perStatementRules(): readonly NodeRule[] {
  const now = NODE_RULES.filter((r) => r.perStatement);
  if (now.length !== perStatementList.length || now.some((r, i) => r !== perStatementList[i])) perStatementList = now;
  return perStatementList;
}

export class Workspace {
  private readonly buffers = new Map<string, string>();
  /** Open buffers in front of the disk (or the access given in the options). */
  readonly access: FileAccess;
  private readonly members = new Set<string>();
  private readonly parsed = new Map<string, ParsedFile>();
  /** The syntax of a file's previous text, so a small edit re-parses one statement, not the file. */
  private readonly previous = new Map<string, SyntaxFile>();
  private nodeCache = new Map<string, ConfigNode>();
  private readonly clusterAnalysis: ClusterAnalysis;
  /** Bumped on every change so derived results (cluster analysis) know when to recompute. */
  generation = 0;
  /** Role templates rendered per host: each host's text, checked as a file of its own. */
  private readonly renderedTexts = new Map<string, string>();
  private renderCache?: { generation: number; hosts: Rendering["hosts"]; problems: Rendering["problems"] };

  constructor(readonly options: WorkspaceOptions = {}) {
    this.access = overlay(this.buffers, options.access ?? diskAccess);
    this.clusterAnalysis = new ClusterAnalysis(options.peerPairing);
  }

  /** Adds files that are keepalived configs (roots or included ones). */
  addFiles(files: Iterable<string>): void {
    for (const f of files) this.members.add(path.resolve(f));
    this.generation++;
  }

  removeFile(file: string): void {
    file = path.resolve(file);
    this.members.delete(file);
    this.changed(file);
    this.previous.delete(file);
  }

  /** Sets the text of an open buffer (undefined: back to the disk's copy). */
  setText(file: string, text: string | undefined): void {
    file = path.resolve(file);
    // Saving, or an editor re-sending the same text, changes nothing.
    if (text !== undefined && this.buffers.get(file) === text) return;
    if (text === undefined) this.buffers.delete(file);
    else this.buffers.set(file, text);
    this.changed(file);
  }

  /** Tells the workspace a file changed on disk or in a buffer. */
  changed(file: string): void {
    file = path.resolve(file);
    const before = this.parsed.get(file);
    if (before) this.previous.set(file, before.syntax);
    this.parsed.delete(file);
    for (const [id, node] of this.nodeCache) if (node.config.files.includes(file) || node.root === file) this.nodeCache.delete(id);
    // A new file may satisfy an include that found nothing before.
    for (const [id, node] of this.nodeCache) if (node.config.problems.some((p) => p.code === "include-not-found")) this.nodeCache.delete(id);
    this.generation++;
  }

  files(): string[] {
    return [...this.members].sort();
  }

  read(file: string): string | undefined {
    return this.access.read(path.resolve(file));
  }

  syntax(file: string): SyntaxFile | undefined {
    return this.parse(path.resolve(file))?.syntax;
  }

  private parse(file: string): ParsedFile | undefined {
    const cached = this.parsed.get(file);
    if (cached) return cached;
    const text = this.renderedTexts.get(file) ?? this.access.read(file);
    if (text === undefined) return undefined;
    const previous = this.previous.get(file);
    this.previous.delete(file);
    const diagnostics: Diagnostic[] = [];
    const template = this.options.plainOnly ? undefined : readTemplate(file, text);
    let syntax: SyntaxFile;
    try {
      syntax = template ? parseConfig(staticView(template).text) : previous ? reparse(previous, text) : parseConfig(text);
    } catch (e) {
      diagnostics.push(internalError("parse", file, e));
      syntax = { text, items: [], comments: [], problems: [], conditionIds: new Set() };
    }
    const movedFrom = linesMovedFrom(syntax);
    // Several re-parses before one cluster update: lines from the smallest of them on may have moved.
    if (movedFrom !== undefined) this.movedFiles.set(file, Math.min(movedFrom, this.movedFiles.get(file) ?? Infinity));
    const includes: string[] = [];
    // No "include" anywhere in the text: no statement can be one, and the walk is skipped.
    if (syntax.text.includes("include")) runIsolated("include", file, (d) => diagnostics.push(d), () => {
      for (const item of syntax.items) {
        for (const s of includeStatementsIn(item)) {
          for (const f of resolveInclude(s.args.map((a) => a.text).join(" "), file, this.access, this.options.includeRoots)) includes.push(f);
        }
      }
    });
    if (template) runIsolated("template", file, (d) => diagnostics.push(d), () => {
      for (const d of checkTemplate(template, (f, t) => this.checkPlain(f, t))) diagnostics.push(d);
    });
    else
      for (const rule of FILE_RULES) {
        runIsolated(rule.code, file, (d) => diagnostics.push(d), () => {
          rule.checkFile(file, syntax, (d) => diagnostics.push(d));
          checkItems(rule, file, syntax, (d) => diagnostics.push(d));
        });
      }
    const entry = { text, syntax, includes, diagnostics, template };
    this.parsed.set(file, entry);
    return entry;
  }

  /** One text checked alone as `file`, read as plain keepalived (a template's variant). */
  private checkPlain(file: string, text: string): Diagnostic[] {
    const ws = new Workspace({ ...this.options, plainOnly: true, access: overlay(new Map([[file, text]]), this.access) });
    ws.addFiles([file]);
    return ws.diagnostics();
  }

  /** Set when the file is a template. */
  template(file: string): TemplateFile | undefined {
    return this.parse(path.resolve(file))?.template;
  }

  /** Files that no other member includes: each is one machine's configuration; templates are none. */
  roots(): string[] {
    const included = new Set<string>();
    for (const f of this.members) for (const inc of this.parse(f)?.includes ?? []) if (inc !== f) included.add(inc);
    const roots = [...this.members].filter((f) => !included.has(f) && this.parse(f) && !this.parse(f)!.template);
    // Files only reachable through a cycle among themselves still need checking.
    const reached = new Set<string>();
    const reach = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const inc of this.parse(f)?.includes ?? []) reach(inc);
    };
    roots.forEach(reach);
    for (const f of [...this.members].sort()) if (!reached.has(f) && this.parse(f) && !this.parse(f)!.template) (roots.push(f), reach(f));
    return roots.sort();
  }

  /** Every node: one per root, or one per config id when the root or its includes use `@id` lines. */
  nodes(): ConfigNode[] {
    const out: ConfigNode[] = [];
    for (const root of this.roots()) {
      const base = this.node(root, undefined);
      const ids = new Set<string>();
      for (const f of base.config.files) for (const id of this.parse(f)?.syntax.conditionIds ?? []) ids.add(id);
      if (!ids.size) out.push(base);
      else for (const id of [...ids].sort()) out.push(this.node(root, id));
    }
    for (const h of this.rendered().hosts) out.push(this.node(h.file, h.host));
    // A node gone (a file removed, a variant no longer written) takes its statement history with it.
    if (this.statementHistory.size > out.length) {
      const ids = new Set(out.map((n) => n.id));
      for (const id of this.statementHistory.keys()) if (!ids.has(id)) this.statementHistory.delete(id);
    }
    return out;
  }

  /** Templates of an Ansible role rendered for each host of its play (nothing without an inventory). */
  rendered(): { hosts: Rendering["hosts"]; problems: Rendering["problems"] } {
    if (this.options.plainOnly) return { hosts: [], problems: [] };
    if (this.renderCache?.generation === this.generation) return this.renderCache;
    const hosts: Rendering["hosts"] = [];
    const problems: Rendering["problems"] = [];
    for (const f of this.files()) {
      const template = this.parse(f)?.template;
      const r = template && renderTemplate(template, this.access, this.options.inventory);
      if (r) (hosts.push(...r.hosts), problems.push(...r.problems));
    }
    for (const h of hosts) {
      if (this.renderedTexts.get(h.file) === h.text) continue;
      this.renderedTexts.set(h.file, h.text);
      this.parsed.delete(h.file);
      for (const [id, node] of this.nodeCache) if (node.root === h.file) this.nodeCache.delete(id);
    }
    this.renderCache = { generation: this.generation, hosts, problems };
    return this.renderCache;
  }

  private node(root: string, configId: string | undefined): ConfigNode {
    const id = configId === undefined ? root : `${root}#${configId}`;
    const cached = this.nodeCache.get(id);
    if (cached) return cached;
    const diagnostics: Diagnostic[] = [];
    let config: ExpandedConfig;
    let annotated: AnnotatedStatement[];
    let match: StatementMatch;
    try {
      config = expandConfig(root, {
        access: this.access,
        syntaxOf: (f) => this.parse(f)?.syntax,
        includeRoots: this.options.includeRoots,
        configId,
      });
      ({ match, annotated } = this.annotateNode(id, config.statements));
    } catch (e) {
      diagnostics.push(internalError("expansion", root, e));
      config = { root, configId, statements: [], files: [root], includes: [], definitionUses: [], problems: [], braceNotes: [] };
      annotated = [];
      match = NO_MATCH;
    }
    const ctx: NodeContext = {
      config,
      annotated,
      options: this.options,
      // Rules read the texts this workspace already holds: one decode per file, not one per lookup.
      access: { ...this.access, read: (f) => this.parsed.get(f)?.text ?? this.access.read(f) },
      includeRoots: this.options.includeRoots ?? [],
      report: (d) => diagnostics.push(d),
    };
    // perStatement rules run together, one top-level statement at a time (see checkStatements).
    const perStatement = perStatementRules();
    const byRule = this.checkStatements(id, perStatement, ctx, match);
    // Built here, with the last check's names to take lookups from; the name rules find it by config.
    const history = this.statementHistory.get(id);
    if (history) {
      try {
        history.names = nodeNames(config, match.before?.names);
      } catch {
        // The name rules ask again and report what went wrong as their internal error.
      }
    }
    for (const rule of NODE_RULES) {
      if (rule.perStatement) {
        const found = byRule[perStatement.indexOf(rule)];
        for (let k = 0; k < found.length; k++) diagnostics.push(found[k]);
        continue;
      }
      runIsolated(rule.code, root, ctx.report, () => rule.checkNode(ctx));
    }
    const node: ConfigNode = { id, root, configId, config, annotated, diagnostics };
    this.nodeCache.set(id, node);
    return node;
  }

  /** Per node id, its statements, their annotations and findings at its last check (see checkStatements). */
  private readonly statementHistory = new Map<string, StatementHistory>();

  /**
   * The node's annotations: what annotate(statements) gives, with the statements its last check also
   * had (the same objects, in the unchanged head and tail of the list, where an edit leaves them)
   * taking their annotation lists from that check instead of asking annotationsOf again.
   */
  private annotateNode(nodeId: string, statements: ConfigStatement[]): { match: StatementMatch; annotated: AnnotatedStatement[] } {
    const before = this.statementHistory.get(nodeId);
    const previous = before?.statements ?? [];
    const n = statements.length;
    const m = previous.length;
    let head = 0;
    while (head < n && head < m && statements[head] === previous[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && statements[n - 1 - tail] === previous[m - 1 - tail]) tail++;
    let between: Map<ConfigStatement, number> | undefined;
    if (n - tail - head > 1 && m - tail - head > 1) {
      between = new Map();
      for (let j = head; j < m - tail; j++) between.set(previous[j], j);
    }
    const runs: AnnotatedStatement[][] = new Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const j = i < head ? i : i >= n - tail ? i - n + m : between?.get(statements[i]);
      const run = j !== undefined ? before!.runs[j] : annotationsOf(statements[i]);
      runs[i] = run;
      total += run.length;
    }
    // Sized once: grown by push, the list of a 5,000-line node was copied a dozen times per keystroke.
    const annotated: AnnotatedStatement[] = new Array(total);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const run = runs[i];
      for (let k = 0; k < run.length; k++) annotated[at++] = run[k];
    }
    noteRuns(annotated, runs);
    return { match: { before, head, tail, between, runs }, annotated };
  }

  /**
   * Every perStatement rule on every top-level statement: what each rule found, in statement order,
   * one list per rule in `rules` order. A statement the node's last check also had (the same object,
   * found by matching the unchanged head and tail of the statement list, where an edit leaves them)
   * keeps its findings, so a keystroke re-checks the edited block only. One context object serves
   * them all (a copy per statement and rule cost a second on 200,000 lines). A rule that throws on a
   * statement becomes an internal-error there; the other statements still run.
   */
  private checkStatements(nodeId: string, rules: readonly NodeRule[], ctx: NodeContext, match: StatementMatch): Diagnostic[][] {
    const out: Diagnostic[][] = rules.map(() => []);
    const statements = ctx.config.statements;
    const n = statements.length;
    const m = match.before?.statements.length ?? 0;
    // Findings carry over only when they were computed by the same rules.
    const last = match.before?.rules === rules ? match.before : undefined;
    const head = last ? match.head : 0;
    const tail = last ? match.tail : 0;
    const findings: StatementFindings[] = new Array(n);
    // Reported pairs go to one scratch list, copied to an exact-size array per statement that has any
    // (a list grown by push keeps room for 16 entries: 150 bytes more for each of 200,000 statements).
    // Emptied by resetting its count, not its length: `length = 0` drops the storage, and every
    // statement with a finding would grow a new one.
    const found: (number | Diagnostic)[] = [];
    let count = 0;
    let current = 0;
    const statementCtx: NodeContext = {
      ...ctx,
      report: (d) => {
        found[count++] = current;
        found[count++] = d;
      },
    };
    for (let i = 0; i < n; i++) {
      let entry: StatementFindings;
      const j = !last ? undefined : i < head ? i : i >= n - tail ? i - n + m : match.between?.get(statements[i]);
      if (j !== undefined) entry = last!.findings[j];
      else {
        statementCtx.annotated = match.runs[i];
        count = 0;
        for (current = 0; current < rules.length; current++) {
          try {
            rules[current].checkNode(statementCtx);
          } catch (e) {
            found[count++] = current;
            found[count++] = internalError(rules[current].code, ctx.config.root, e);
          }
        }
        entry = count ? found.slice(0, count) : NOTHING_FOUND;
      }
      findings[i] = entry;
      for (let k = 0; k < entry.length; k += 2) out[entry[k] as number].push(entry[k + 1] as Diagnostic);
    }
    this.statementHistory.set(nodeId, { statements, runs: match.runs, rules, findings });
    return out;
  }

  /** Files whose lines moved since the last cluster analysis (see reparse), from which line: clusters with a member there are re-checked. */
  private readonly movedFiles = new Map<string, number>();

  /** VRRP instances paired across nodes, their cross-file diagnostics and failover model; incremental. */
  clusters(): ClusterView {
    const nodes = this.nodes();
    const view = this.clusterAnalysis.update(nodes, (f) => this.parse(f)?.text, this.movedFiles);
    this.movedFiles.clear();
    return view;
  }

  /** Single-node and cluster diagnostics for every file, deduplicated across nodes and variants. */
  diagnostics(): Diagnostic[] {
    // Several editor features ask between two edits (publishing, code actions, code lenses): once is enough.
    if (this.lastDiagnostics?.generation === this.generation) return this.lastDiagnostics.list;
    const list = this.computeDiagnostics();
    this.lastDiagnostics = { generation: this.generation, list };
    return list;
  }

  private lastDiagnostics?: { generation: number; list: Diagnostic[] };

  private computeDiagnostics(): Diagnostic[] {
    // Lists can hold 100,000s of entries: appended in loops, never spread into one call.
    const all: Diagnostic[] = [];
    const add = (list: Diagnostic[]) => {
      for (let i = 0; i < list.length; i++) all.push(list[i]);
    };
    add(this.clusters().diagnostics);
    const files = new Set<string>(this.members);
    for (const node of this.nodes()) {
      add(node.diagnostics);
      node.config.files.forEach((f) => files.add(f));
    }
    for (const f of files) add(this.parse(f)?.diagnostics ?? []);
    const { hosts, problems } = this.rendered();
    if (!hosts.length && !problems.length) return dedupeSorted(sortDiagnostics(all)).map(printable);
    const templates = new Map(hosts.map((h) => [h.template, this.parse(h.template)!.template!]));
    for (const p of problems) templates.set(p.template, this.parse(p.template)!.template!);
    return dedupeSorted(sortDiagnostics(mapRenderedDiagnostics(all, hosts, templates, problems))).map(printable);
  }
}
