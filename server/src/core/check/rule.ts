// The two shapes a single-node check can take. Each rule lives in rules/<code>.ts.
import type { Diagnostic } from "./diagnostic";
import type { ExpandedConfig } from "../config/expand";
import type { AnnotatedStatement } from "../config/annotate";
import type { Item, SyntaxFile } from "../syntax/tree";
import type { FileAccess } from "../config/files";

export interface CheckOptions {
  /** keepalived release the configuration is meant for, e.g. "2.2.7"; undefined means the newest. */
  targetVersion?: string;
  /** Report vrrp-firewall-hint (advice for every node, so off by default; the CLI's --firewall-hints). */
  firewallHints?: boolean;
}

export interface NodeContext {
  config: ExpandedConfig;
  annotated: AnnotatedStatement[];
  options: CheckOptions;
  /** How files are read (open buffers first), for rules that look at other files (scripts). */
  access: FileAccess;
  /** Folders that stand for `/` when a config names an absolute path. */
  includeRoots: string[];
  report(d: Diagnostic): void;
}

/** Looks at what keepalived reads for one node (includes spliced, conditions applied). */
export interface NodeRule {
  code: string;
  /**
   * What the rule reports about a top-level statement depends on that statement alone (its own
   * annotations and the options, never ctx.config or other statements): the workspace then runs it
   * once per top-level statement and keeps the results while the statement object lives, so a
   * keystroke re-checks one block instead of the file.
   */
  perStatement?: boolean;
  checkNode(ctx: NodeContext): void;
}

/** Looks at one file as written. */
export interface FileRule {
  code: string;
  checkFile(file: string, syntax: SyntaxFile, report: (d: Diagnostic) => void): void;
  /**
   * What the rule reports inside one top-level item, which depends on that item alone: the workspace
   * keeps it while the item object lives (check/itemFindings.ts), so a keystroke checks the items it
   * re-parsed. Ranges reported must be the item's own (built ranges move with it).
   */
  checkItem?(file: string, item: Item, report: (d: Diagnostic) => void): void;
}
