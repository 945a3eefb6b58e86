// The cluster analysis of a workspace, kept up to date incrementally: a node's VRRP model is rebuilt
// only when the Workspace recreated the node (one of its files changed), pairing is recomputed from
// indexes, and each cluster's diagnostics are reused while its members are the same model objects.
import type { Diagnostic } from "../check/diagnostic";
import type { NodeModel, VrrpInstance } from "../model/vrrp";
import { distinctNodeNames, extractNodeModel, NodeSource } from "../model/extractVrrp";
import type { Cluster } from "./cluster";
import { pairInstances, PairingOverrides } from "./pairing";
import { CLUSTER_RULES, CROSS_CLUSTER_RULES } from "./rules";
import { FailoverState, holdersOf, simulate, SimulationResult, summary } from "./failover";

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
}

function sameMembers(a: VrrpInstance[], b: VrrpInstance[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class ClusterAnalysis {
  /** Keyed by the ConfigNode object: a new object means the node's files changed. */
  private models = new WeakMap<object, NodeModel>();
  private cached = new Map<string, CachedCluster>();
  private lastModels: NodeModel[] = [];
  private lastView?: ClusterView;
  /** Counters for tests and the benchmark: how much work the last update did. */
  stats = { modelsBuilt: 0, clustersChecked: 0 };

  constructor(private readonly overrides: PairingOverrides = {}) {}

  /** `movedFiles`: files whose lines moved in place since the last update (cached fixes may point at old lines). */
  update(nodes: NodeSource[], readText: (file: string) => string | undefined, movedFiles: ReadonlySet<string> = new Set()): ClusterView {
    this.stats = { modelsBuilt: 0, clustersChecked: 0 };
    const previousById = new Map(this.lastModels.map((m) => [m.id, m]));
    const models = nodes.map((n) => {
      let m = this.models.get(n);
      if (!m) {
        m = extractNodeModel(n, readText, previousById.get(n.id));
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
    for (const fresh of pairInstances(models, this.overrides)) {
      const old = this.cached.get(fresh.id);
      let entry: CachedCluster;
      if (old && sameMembers(old.cluster.members, fresh.members) && !fresh.members.some((m) => movedFiles.has(m.statement.file))) entry = old;
      else {
        entry = { cluster: fresh, diagnostics: [] };
        for (const rule of CLUSTER_RULES) if (fresh.members.length > 1 || rule.alsoAlone) rule.checkCluster(fresh, (d) => entry.diagnostics.push(d));
        this.stats.clustersChecked++;
      }
      next.set(fresh.id, entry);
      clusters.push(entry.cluster);
      diagnostics.push(...entry.diagnostics);
    }
    this.cached = next;
    for (const rule of CROSS_CLUSTER_RULES) rule.checkClusters(clusters, (d) => diagnostics.push(d));

    const byInstance = new Map<VrrpInstance, Cluster>();
    for (const c of clusters) for (const m of c.members) byInstance.set(m, c);
    const entryOf = (c: Cluster) => next.get(c.id)!;
    this.lastView = {
      models,
      clusters,
      diagnostics,
      clusterOf: (i) => byInstance.get(i),
      failover: (c) => (entryOf(c).failover ??= holdersOf(c)),
      summary: (c) => (entryOf(c).summary ??= summary(c)),
      simulate: (failures) => clusters.map((c) => simulate(c, failures)),
    };
    return this.lastView;
  }
}
