// Requests the VS Code client sends beyond LSP: the topology picture, the peer comparison and the
// peer config generator. Shared by server and client so both sides agree on names and shapes.
import type { Topology } from "./core/topology/model";
import type { ClusterComparison } from "./core/compare/compare";

/** A WorkspaceEdit in LSP's `changes` form: uri → edits. */
export type EditChanges = Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>;

export const TopologyRequest = "keepalived/topology";
export interface TopologyParams {
  /** Restrict to the clusters of this document; absent: the whole workspace. */
  uri?: string;
  failures: string[];
}
export interface TopologyResult {
  title: string;
  /** Source locations are file paths, as in the core. */
  topology: Topology;
  svg: string;
  dot: string;
  mermaid: string;
}

export const PeersRequest = "keepalived/peers";
export interface PeerNode {
  name: string;
  uri: string;
}
export interface PeersResult {
  node?: PeerNode;
  peers: PeerNode[];
}

export const CompareRequest = "keepalived/compare";
export interface CompareParams {
  uri: string;
  peerUri: string;
}
export interface CompareRowFix {
  title: string;
  changes: EditChanges;
}
export interface CompareResult {
  tables: (ClusterComparison & { fixes: Record<string, CompareRowFix[]> })[];
}

export const PeerConfigRequest = "keepalived/peerConfig";
export interface PeerConfigParams {
  uri: string;
  name?: string;
}
export interface PeerConfigResult {
  text?: string;
  error?: string;
}

/** Server → client: every file the server reads as keepalived (roots and what they include), so the
 *  client can switch an included `scripts.conf` that opened as another language to keepalived. */
export const ConfigFilesNotification = "keepalived/configFiles";
export interface ConfigFilesParams {
  uris: string[];
}

/** The status bar item of the active keepalived file: its role in its cluster(s) and their problems. */
export const FileStatusRequest = "keepalived/fileStatus";
export interface FileStatusParams {
  uri: string;
}
export interface FileStatusInstance {
  name: string;
  role: "MASTER" | "BACKUP" | "FAULT" | "DOWN";
  /** Nodes in its cluster, itself included. */
  nodes: number;
  priority?: number;
}
export interface FileStatusResult {
  instances: FileStatusInstance[];
  /** Errors and warnings of the cluster checks in the files of these clusters. */
  clusterProblems: number;
  /** e.g. "MASTER of 2 nodes · 1 cluster problem"; empty when the file has no vrrp_instance. */
  text: string;
  tooltip: string;
}

/**
 * Runs `keepalived -t -f FILE` where the server runs; sent only on the user's request. A request,
 * not an LSP command, so no other extension can trigger it through an auto-registered command.
 */
export const KeepalivedTestRequest = "keepalived/keepalivedTest";
export interface KeepalivedTestParams {
  uri: string;
}
export interface KeepalivedTestResult {
  /** False when no keepalived binary was found. */
  available: boolean;
  /** How many messages keepalived printed (all shown as diagnostics with source `keepalived -t`). */
  messages: number;
  exitCode?: number | null;
  error?: string;
}

/** The files a change analysis covers: every keepalived file the server knows, with its includes. */
export const ImpactFilesRequest = "keepalived/impactFiles";
export interface ImpactFilesResult {
  files: string[];
}

/** "What will this change do?": the server compares `before` (e.g. git HEAD) with what it has now. */
export const ImpactRequest = "keepalived/impact";
export interface ImpactParams {
  /** File path → its text before the change; null: the file did not exist. */
  before: Record<string, string | null>;
}
export interface ImpactResult {
  text: string;
  data: import("./core/impact/render").ImpactData;
  /** Files the server checks now that `before` did not mention (e.g. the folder scan finished after
   *  keepalived/impactFiles answered): the client reads their old texts and asks again. */
  missing?: string[];
}
