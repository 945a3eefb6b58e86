// A set of keepalived files checked together. Files are parsed once per text; nodes (a root file
// with its includes, once per `@id` config id) are re-expanded and re-checked only when one of
// their files changed. The CLI, the language server and the tests all go through this class.
import * as path from "path";
import type { SyntaxFile } from "../syntax/tree";
import { parseConfig } from "../syntax/parse";
import { reparse } from "../syntax/incremental";
import { expandConfig, ExpandedConfig, resolveInclude } from "../config/expand";
import { annotate, AnnotatedStatement } from "../config/annotate";
import { diskAccess, FileAccess, overlay } from "../config/files";
import type { Diagnostic } from "./diagnostic";
import { dedupe, printable, sortDiagnostics } from "./diagnostic";
import { internalError, runIsolated } from "../rules/internal-error";
import type { CheckOptions, NodeContext } from "./rule";
import { FILE_RULES, NODE_RULES } from "../rules";
import { ClusterAnalysis, ClusterView } from "../cluster/analysis";

export interface WorkspaceOptions extends CheckOptions {
  includeRoots?: string[];
  /** Instances to treat as one virtual router whatever the evidence: "node/instance" → "node/instance". */
  peerPairing?: Record<string, string>;
  access?: FileAccess;
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
    const text = this.access.read(file);
    if (text === undefined) return undefined;
    const previous = this.previous.get(file);
    this.previous.delete(file);
    const diagnostics: Diagnostic[] = [];
    let syntax: SyntaxFile;
    try {
      syntax = previous ? reparse(previous, text) : parseConfig(text);
    } catch (e) {
      diagnostics.push(internalError("parse", file, e));
      syntax = { text, items: [], comments: [], problems: [], conditionIds: new Set() };
    }
    const includes: string[] = [];
    const visit = (items: SyntaxFile["items"]) => {
      for (const item of items) {
        if (item.kind !== "statement") continue;
        if (item.keyword.text === "include" && item.args[0]) {
          for (const f of resolveInclude(item.args.map((a) => a.text).join(" "), file, this.access, this.options.includeRoots)) includes.push(f);
        }
        if (item.block) visit(item.block.items);
      }
    };
    runIsolated("include", file, (d) => diagnostics.push(d), () => visit(syntax.items));
    for (const rule of FILE_RULES) runIsolated(rule.code, file, (d) => diagnostics.push(d), () => rule.checkFile(file, syntax, (d) => diagnostics.push(d)));
    const entry = { text, syntax, includes, diagnostics };
    this.parsed.set(file, entry);
    return entry;
  }

  /** Files that no other member includes: each is one machine's configuration. */
  roots(): string[] {
    const included = new Set<string>();
    for (const f of this.members) for (const inc of this.parse(f)?.includes ?? []) if (inc !== f) included.add(inc);
    const roots = [...this.members].filter((f) => !included.has(f) && this.parse(f));
    // Files only reachable through a cycle among themselves still need checking.
    const reached = new Set<string>();
    const reach = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const inc of this.parse(f)?.includes ?? []) reach(inc);
    };
    roots.forEach(reach);
    for (const f of [...this.members].sort()) if (!reached.has(f) && this.parse(f)) (roots.push(f), reach(f));
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
    return out;
  }

  private node(root: string, configId: string | undefined): ConfigNode {
    const id = configId === undefined ? root : `${root}#${configId}`;
    const cached = this.nodeCache.get(id);
    if (cached) return cached;
    const diagnostics: Diagnostic[] = [];
    let config: ExpandedConfig;
    let annotated: AnnotatedStatement[];
    try {
      config = expandConfig(root, {
        access: this.access,
        syntaxOf: (f) => this.parse(f)?.syntax,
        includeRoots: this.options.includeRoots,
        configId,
      });
      annotated = annotate(config.statements);
    } catch (e) {
      diagnostics.push(internalError("expansion", root, e));
      config = { root, configId, statements: [], files: [root], includes: [], definitionUses: [], problems: [], braceNotes: [] };
      annotated = [];
    }
    const ctx: NodeContext = {
      config,
      annotated,
      options: this.options,
      access: this.access,
      includeRoots: this.options.includeRoots ?? [],
      report: (d) => diagnostics.push(d),
    };
    for (const rule of NODE_RULES) runIsolated(rule.code, root, ctx.report, () => rule.checkNode(ctx));
    const node: ConfigNode = { id, root, configId, config, annotated, diagnostics };
    this.nodeCache.set(id, node);
    return node;
  }

  /** VRRP instances paired across nodes, their cross-file diagnostics and failover model; incremental. */
  clusters(): ClusterView {
    return this.clusterAnalysis.update(this.nodes(), (f) => this.parse(f)?.text);
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
      for (const d of list) all.push(d);
    };
    add(this.clusters().diagnostics);
    const files = new Set<string>(this.members);
    for (const node of this.nodes()) {
      add(node.diagnostics);
      node.config.files.forEach((f) => files.add(f));
    }
    for (const f of files) add(this.parse(f)?.diagnostics ?? []);
    return sortDiagnostics(dedupe(all)).map(printable);
  }
}
