// keepalived/impactFiles and keepalived/impact: the data behind "What Will This Change Do?". The
// client fetches the old texts (git HEAD); the old side is checked from memory at the same paths,
// so a node is the same node on both sides when its root file is the same file. The file list can
// grow between the two requests (the folder scan waits for the client's settings, while an open
// buffer counts at once), so keepalived/impact names the files it was given no old text for.
import type { WorkspaceIndex } from "./workspaceIndex";
import type { ImpactFilesResult, ImpactParams, ImpactResult } from "../protocol";
import { Workspace } from "../core/check/workspace";
import { memoryAccess } from "../core/config/files";
import { changeImpact } from "../core/impact/impact";
import { impactData, impactText } from "../core/impact/render";

/** Bounds what one request may carry: the server's own file limit is far below this. */
const MAX_FILES = 5000;

export function impactFiles(index: WorkspaceIndex): ImpactFilesResult {
  const files = new Set(index.workspace.files());
  for (const n of index.workspace.nodes()) n.config.files.forEach((f) => files.add(f));
  return { files: [...files].sort().slice(0, MAX_FILES) };
}

export function impact(index: WorkspaceIndex, params: ImpactParams): ImpactResult {
  try {
    return analyse(index, params);
  } catch (e) {
    // One failed analysis is a message in the result, never a dead server.
    return { text: `keepalived: the change could not be analysed: ${(e as Error).message}\n`, data: { version: 1, apply: "none", nodes: [], clusters: [] } };
  }
}

function analyse(index: WorkspaceIndex, params: ImpactParams): ImpactResult {
  const entries = Object.entries(params?.before ?? {}).slice(0, MAX_FILES).filter((e): e is [string, string] => typeof e[1] === "string");
  const texts = new Map(entries);
  const old = new Workspace({ ...index.workspace.options, access: memoryAccess(texts) });
  old.addFiles(texts.keys());
  const keyOf = (m: { id: string }) => m.id;
  const report = changeImpact({ view: old.clusters(), keyOf }, { view: index.workspace.clusters(), keyOf });
  // A file the client gave no old text for (not even null) would count as added: name it instead.
  const given = new Set(Object.keys(params?.before ?? {}));
  const missing = impactFiles(index).files.filter((f) => !given.has(f));
  return { text: impactText(report), data: impactData(report), missing };
}
