// The same setting twice in one block: keepalived keeps the last one, silently, for most keywords;
// for some it keeps the first and logs "already specified - ignoring" for the others.
import type { NodeRule } from "../check/rule";
import type { ConfigStatement } from "../config/expand";
import type { Diagnostic } from "../check/diagnostic";
import type { AnnotatedStatement } from "../config/annotate";
import { topLevelAnnotations } from "../config/annotate";

/** Keywords whose handler refuses a second value (keepalived 2.2.7 sources), by owner block:
 *  vrrp_parser.c (notify scripts, use_ipvlan), check_parser.c (notify_up/down, quorum_up/down),
 *  global_parser.c (startup/shutdown scripts, fifos, vmac prefixes, iptables, nftables, snmp_socket,
 *  tmp_config_directory, net_namespace, instance), check_dns.c (name), track_file.c (file, weight). */
const FIRST_WINS: Record<string, readonly string[]> = {
  vrrp_instance: ["notify_backup", "notify_master", "notify_fault", "notify_stop", "notify_deleted", "notify", "use_ipvlan"],
  vrrp_sync_group: ["notify_backup", "notify_master", "notify_fault", "notify_stop", "notify"],
  real_server: ["notify_up", "notify_down"],
  virtual_server: ["quorum_up", "quorum_down"],
  global_defs: [
    "startup_script",
    "shutdown_script",
    "notify_fifo",
    "notify_fifo_script",
    "vrrp_notify_fifo",
    "vrrp_notify_fifo_script",
    "lvs_notify_fifo",
    "lvs_notify_fifo_script",
    "vmac_prefix",
    "vmac_addr_prefix",
    "vrrp_iptables",
    "nftables",
    "nftables_ipvs",
    "snmp_socket",
    "tmp_config_directory",
  ],
  "": ["net_namespace", "net_namespace_ipvs", "instance"],
  DNS_CHECK: ["name"],
  vrrp_track_file: ["file", "weight"],
  track_file: ["file", "weight"],
};

const TRACK_LINES = new Set(["trackScript", "trackInterface", "trackFile", "trackProcess", "trackBfd"]);

export function keepsFirst(owner: string, keyword: string): boolean {
  return FIRST_WINS[owner]?.includes(keyword) ?? false;
}

/** Inside each top-level block: what is reported depends on that block alone, so it is cached per block. */
export const duplicateKeywordRule: NodeRule = {
  code: "duplicate-keyword",
  perStatement: true,
  checkNode({ annotated, report }) {
    reportDuplicates(annotated, false, report);
  },
};

/** Top-level keywords set twice: the one part that compares top-level statements with each other. */
export const duplicateTopLevelKeywordRule: NodeRule = {
  code: "duplicate-keyword",
  checkNode({ annotated, report }) {
    // Only top-level statements are compared here: the node's 4,000 of its 56,000 annotations on the bench config.
    reportDuplicates(topLevelAnnotations(annotated), true, report);
  },
};

/**
 * Lists this short (one top-level block's annotations, as the perStatement rule sees them) find an
 * earlier setting by looking back over the few settings met before, instead of a map per block:
 * 16,000 small blocks made 5 MB of maps on the bench config.
 */
const LOOKED_BACK = 64;

/** The settings met so far in one short list: the block (its parent's children) and keyword of each. Reused, never reallocated. */
const metBlocks: (ConfigStatement[] | undefined)[] = [];
const metNames: string[] = [];
const metStatements: ConfigStatement[] = [];

function reportDuplicates(annotated: AnnotatedStatement[], topLevel: boolean, report: (d: Diagnostic) => void): void {
  // Made when first needed: most top-level statements are one line, and two maps for each of 200,000 were 78 of the 890 MB such a check allocated.
  let seen: Map<ConfigStatement[] | undefined, Map<string, ConfigStatement>> | undefined;
  const lookBack = annotated.length <= LOOKED_BACK;
  let met = 0;
  // Keyed by the instance (or group) and the block's keyword: keepalived adds every track_script
  // block of an instance to one list, so a name in two such blocks is a duplicate too.
  let tracked: Map<ConfigStatement | undefined, Map<string, Map<string, ConfigStatement>>> | undefined;
  for (let i = 0; i < annotated.length; i++) {
    const a = annotated[i];
    // Each read once, and only when needed: they are getters on most annotations (config/statement.ts).
    const spec = a.spec;
    // A repeatable keyword or a block is never set twice; the lines of a line-list block have no spec.
    if (spec && (spec.repeatable || spec.body)) continue;
    const parents = a.parents;
    if ((parents.length === 0) !== topLevel) continue;
    // One name twice in one track_* block: keepalived ignores the second ("duplicate track_script ... - ignoring").
    const context = spec ? undefined : a.context;
    if (context?.kind === "lines" && TRACK_LINES.has(context.line)) {
      const block = parents[parents.length - 1];
      const owner = parents[parents.length - 2];
      tracked ??= new Map();
      let byBlock = tracked.get(owner);
      if (!byBlock) tracked.set(owner, (byBlock = new Map()));
      let names = byBlock.get(block?.keyword.text ?? "");
      if (!names) byBlock.set(block?.keyword.text ?? "", (names = new Map()));
      const s = a.statement;
      const first = names.get(s.keyword.text);
      if (first) {
        // No line number for a line of this file: a finding kept across edits keeps its text while its
        // ranges move (the related location says where the kept line is).
        const where = first.keyword.file === s.keyword.file ? "" : ` (${first.keyword.file})`;
        const sameBlock = block?.children?.some((c) => c.keyword === first.keyword);
        report({
          file: s.keyword.file,
          range: s.keyword.range,
          severity: "warning",
          code: "duplicate-keyword",
          message: sameBlock
            ? `'${s.keyword.text}' is tracked twice in this block; keepalived keeps the first line and ignores this one ("duplicate ... - ignoring")`
            : `'${s.keyword.text}' is already tracked in another '${block?.keyword.text}' block of this ${owner?.keyword.text ?? "block"}${where}; keepalived reads both blocks as one list, keeps the first line and ignores this one ("duplicate ... - ignoring")`,
          related: [{ file: first.keyword.file, range: first.keyword.range, message: "the line keepalived keeps" }],
        });
      } else names.set(s.keyword.text, s);
      continue;
    }
    if (!spec) continue;
    const parent = parents[parents.length - 1];
    const key = parent?.children;
    const name = spec.name;
    const s = a.statement;
    let earlier: ConfigStatement | undefined;
    if (lookBack) {
      // The latest setting of this keyword in this block, as the map below would hold it.
      for (let k = met - 1; k >= 0 && !earlier; k--) if (metBlocks[k] === key && metNames[k] === name) earlier = metStatements[k];
      metBlocks[met] = key;
      metNames[met] = name;
      metStatements[met++] = s;
    } else {
      seen ??= new Map();
      let inBlock = seen.get(key);
      if (!inBlock) seen.set(key, (inBlock = new Map()));
      earlier = inBlock.get(name);
      inBlock.set(name, s);
    }
    if (earlier) {
      report({
        file: s.keyword.file,
        range: s.keyword.range,
        severity: "warning",
        code: "duplicate-keyword",
        message: keepsFirst(parent?.keyword.text ?? "", spec.name)
          ? `'${spec.name}' is set more than once in this block; keepalived keeps the first value and ignores this one ("already specified - ignoring")`
          : `'${spec.name}' is set more than once in this block; keepalived uses the last value`,
        related: [{ file: earlier.keyword.file, range: earlier.keyword.range, message: keepsFirst(parent?.keyword.text ?? "", spec.name) ? "the value keepalived keeps" : "also set here" }],
      });
    }
  }
  // The statements are let go (the lists stay at their size for the next call).
  metBlocks.fill(undefined, 0, met);
  metStatements.fill(undefined as unknown as ConfigStatement, 0, met);
}
