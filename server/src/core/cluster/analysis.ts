// The cluster analysis of a workspace, kept up to date incrementally: a node's VRRP model is rebuilt
// only when the Workspace recreated the node (one of its files changed), pairing is recomputed from
// indexes, and each cluster's diagnostics are reused while its members are the same model objects.
import type { Diagnostic } from "../check/diagnostic";
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import { distinctNodeNames, extractNodeModel, NodeSource } from "../model/extractVrrp";
import type { Cluster } from "./cluster";
import type { PairingOverrides } from "./pairing";
import { IncrementalPairing } from "./pairingCache";
import { CrossClusterResults } from "./crossClusterCache";
import { CLUSTER_RULES, CROSS_CLUSTER_RULES } from "./rules";
import { FailoverState, holdersOf, simulate, SimulationResult, summary } from "./failover";
import { internalError, runIsolated } from "../rules/internal-error";

/** Clusters with more members than this are not compared member by member (docs/decisions/bounds.md). */
export const MAX_CHECKED_MEMBERS = 32;

export interface ClusterView {
  models: NodeModel[];
  clusters: Cluster[];
  diagnostics: Diagnostic[];
  /** The cluster an instance belongs to. */
  clusterOf(instance: VrrpInstance): Cluster | undefined;
  failover(cluster: Cluster): FailoverState;
  summary(cluster: Cluster): string;
  simulate(failures: string[]): SimulationResult[];
}

interface CachedCluster {
  cluster: Cluster;
  diagnostics: Diagnostic[];
  summary?: string;
  failover?: FailoverState;
  /** movesWithLines, once asked (the diagnostics do not change): every line-moving keystroke asked it of each cluster below. */
  movable?: boolean;
}

/**
 * Whether a cluster's cached diagnostics stay right when its members' lines move in place: their
 * ranges are the words' own position objects (moved by syntax/incremental.ts), so only a fix built
 * at check time, with positions copied from them, goes stale. Lazy fixes (withLazyFixes) are built
 * from the words when read. The property test in test/cluster/incremental.test.ts reads every fix
 * after each edit, so a lazy fix that copied positions would show there.
 */
function movesWithLines(entry: CachedCluster): boolean {
  for (const d of entry.diagnostics) {
    const fixes = Object.getOwnPropertyDescriptor(d, "fixes");
    if (fixes && !fixes.get && (fixes.value as unknown[] | undefined)?.length) return false;
  }
  return true;
}

/** Shared by every cluster with nothing to report: frozen, so nothing can add to it. */
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as Diagnostic[];

function sameMembers(a: VrrpInstance[], b: VrrpInstance[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class ClusterAnalysis {
  /** Keyed by the ConfigNode object: a new object means the node's files changed. */
  private models = new WeakMap<object, NodeModel>();
  /** Nodes whose model could not be built, with the internal-error that says so. */
  private failed = new WeakMap<object, Diagnostic>();
  private cached = new Map<string, CachedCluster>();
  private lastModels: NodeModel[] = [];
  private lastView?: ClusterView;
  /** Counters for tests and the benchmark: how much work the last update did. */
  stats = { modelsBuilt: 0, clustersChecked: 0 };

  private readonly pairing = new IncrementalPairing();
  /** Cross-cluster rules' results, re-checked per partition (a VRID, a password) whose clusters changed. */
  readonly crossCluster = new CrossClusterResults();

  constructor(private readonly overrides: PairingOverrides = {}) {}

  /**
   * `movedFiles`: files whose lines moved in place since the last update (cached fixes may point at old
   * lines); as a map, the line each file's moves start at (a member ending above it did not move).
   */
  update(nodes: NodeSource[], readText: (file: string) => string | undefined, movedFiles: ReadonlySet<string> | ReadonlyMap<string, number> = new Set()): ClusterView {
    this.stats = { modelsBuilt: 0, clustersChecked: 0 };
    const previousById = new Map(this.lastModels.map((m) => [m.id, m]));
    const models = nodes.map((n) => {
      let m = this.models.get(n);
      if (!m) {
        try {
          m = extractNodeModel(n, readText, previousById.get(n.id));
        } catch (e) {
          // A node whose model cannot be built takes no part in the cluster checks; the others still do.
          this.failed.set(n, internalError("vrrp model", n.root, e));
          m = { id: n.id, name: n.id, root: n.root, configId: n.configId, instances: [], trackers: [], syncGroups: [], texts: new Map(), context: [] };
        }
        this.models.set(n, m);
        this.stats.modelsBuilt++;
      }
      return m;
    });
    if (this.lastView && !movedFiles.size && sameMembers(models as never[], this.lastModels as never[])) return this.lastView;
    this.lastModels = models;
    distinctNodeNames(models);

    const next = new Map<string, CachedCluster>();
    const clusters: Cluster[] = [];
    const diagnostics: Diagnostic[] = [];
    for (let ni = 0; ni < nodes.length; ni++) {
      const n = nodes[ni];
      const failure = this.failed.get(n);
      if (failure) diagnostics.push(failure);
    }
    let paired: Cluster[] = [];
    runIsolated("pairing", models[0]?.root ?? "", (d) => diagnostics.push(d), () => (paired = this.pairing.pair(models, this.overrides)));
    // What the cluster being checked reports, copied out at its size (or the shared empty list): one list
    // and one report function for all clusters, instead of a list grown by push (room for 17) kept per
    // cluster. Reused by a count: `length = 0` drops an array's storage, and the next push makes it again.
    const found: Diagnostic[] = [];
    let foundCount = 0;
    // The rules that check a cluster of one, in order, picked once per analysis instead of per cluster (thousands are alone).
    const aloneRules = CLUSTER_RULES.filter((rule) => rule.alsoAlone);
    const collect = (d: Diagnostic) => {
      found[foundCount++] = d;
    };
    const moved = (m: VrrpInstance) => (movedFiles instanceof Map ? m.statement.range.end.line >= (movedFiles.get(m.statement.file) ?? Infinity) : movedFiles.has(m.statement.file));
    for (let pi = 0; pi < paired.length; pi++) {
      const fresh = paired[pi];
      const old = this.cached.get(fresh.id);
      let entry: CachedCluster;
      if (old && sameMembers(old.cluster.members, fresh.members) && !(movedFiles.size && fresh.members.some(moved) && !(old.movable ??= movesWithLines(old)))) entry = old;
      else {
        foundCount = 0;
        // A virtual router has a handful of members; hundreds means pairing found no real cluster (one
        // name copied 2,000 times), and comparing each member with each other would be quadratic.
        // runIsolated written out: a closure per rule and cluster was garbage 7,500 one-member clusters made on every check.
        const rules = fresh.members.length < 2 ? aloneRules : CLUSTER_RULES;
        if (fresh.members.length <= MAX_CHECKED_MEMBERS)
          for (let r = 0; r < rules.length; r++) {
            const rule = rules[r];
            try {
              rule.checkCluster(fresh, collect);
            } catch (e) {
              collect(internalError(rule.code, fresh.members[0]?.nameWord.file ?? "", e));
            }
          }
        entry = { cluster: fresh, diagnostics: foundCount ? found.slice(0, foundCount) : NO_DIAGNOSTICS };
        this.stats.clustersChecked++;
      }
      next.set(fresh.id, entry);
      clusters.push(entry.cluster);
      for (let di = 0; di < entry.diagnostics.length; di++) {
        const d = entry.diagnostics[di];
        diagnostics.push(d);
      }
    }
    this.cached = next;
    this.crossCluster.update(CROSS_CLUSTER_RULES, clusters, models, (d) => diagnostics.push(d));

    // Built when first asked (hover, code lens): a map of every instance was garbage on each keystroke.
    let byInstance: Map<VrrpInstance, Cluster> | undefined;
    const clusterOf = (i: VrrpInstance) => {
      if (!byInstance) {
        byInstance = new Map();
        for (const c of clusters) for (const m of c.members) byInstance.set(m, c);
      }
      return byInstance.get(i);
    };
    const entryOf = (c: Cluster) => next.get(c.id)!;
    this.lastView = {
      models,
      clusters,
      diagnostics,
      clusterOf,
      failover: (c) => (entryOf(c).failover ??= holdersOf(c)),
      summary: (c) => (entryOf(c).summary ??= summary(c)),
      simulate: (failures) => clusters.map((c) => simulate(c, failures)),
    };
    return this.lastView;
  }
}
