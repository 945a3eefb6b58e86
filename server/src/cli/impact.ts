// keepalived-lint impact OLD NEW: what rolling out a configuration change will do.
import * as fs from "fs";
import * as path from "path";
import { parseArgs, UsageError, InputError } from "./args";
import { Workspace } from "../core/check/workspace";
import { collectConfigFiles } from "./findConfigs";
import type { NodeModel } from "../core/model/vrrp";
import { changeImpact, ImpactReport, ImpactSide } from "../core/impact/impact";
import { impactData, impactText } from "../core/impact/render";

export const IMPACT_USAGE = "keepalived-lint impact [--format text|json] [--include-root DIR]... OLD NEW   (files or folders)";

function side(p: string, includeRoots: string[]): ImpactSide {
  let files: string[];
  try {
    files = collectConfigFiles([p]);
  } catch (e) {
    throw new InputError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  const ws = new Workspace({ includeRoots });
  ws.addFiles(files);
  const base = path.resolve(p);
  const isDir = fs.statSync(base).isDirectory();
  // Nodes are the same on both sides when their root sits at the same place in each folder.
  const keyOf = (m: NodeModel) => (isDir ? path.relative(base, m.root) : ".") + (m.configId !== undefined ? `#${m.configId}` : "");
  return { view: ws.clusters(), keyOf };
}

/** 1 when the rollout needs care: a restart, or a cluster with no order free of two masters. */
export function needsCare(r: ImpactReport): boolean {
  return r.apply === "restart" || r.clusters.some((c) => c.recommended !== undefined && c.recommended.splits > 0);
}

export function runImpact(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, ["format", "include-root"], []);
  if (args.paths.length !== 2) throw new UsageError("impact takes OLD and NEW (files or folders)");
  const format = args.options.get("format")?.[0] ?? "text";
  if (!["text", "json"].includes(format)) throw new UsageError(`unknown format '${format}' (text or json)`);
  const roots = args.options.get("include-root") ?? [];
  const report = changeImpact(side(args.paths[0], roots), side(args.paths[1], roots));
  out(format === "json" ? JSON.stringify(impactData(report), null, 2) + "\n" : impactText(report));
  return needsCare(report) ? 1 : 0;
}
