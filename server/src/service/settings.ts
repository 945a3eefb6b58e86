// `keepalived.*` settings: read from the client, defaults filled in, bad values ignored.
import type { Connection } from "vscode-languageserver/node";

export type SeverityOverride = "error" | "warning" | "info" | "hint" | "off";

export interface KeepalivedSettings {
  /** Folders that stand for `/` when an include names an absolute path (relative ones: to the first workspace folder). */
  includeRoots: string[];
  /** keepalived release to check against, e.g. "2.2.7"; "" for the newest. */
  targetVersion: string;
  /** Which workspace files are keepalived configs, even when not open. */
  files: string[];
  severityOverrides: Record<string, SeverityOverride>;
  /** "nodeA/VI_1" → "nodeB/VI_1": kept for the cluster analysis when automatic pairing guesses wrong. */
  peerPairing: Record<string, string>;
  /** Inlay hints: effective priority beside `priority`, the holder beside each VIP. */
  inlayHints: boolean;
}

/** The common names of a cluster's configs: keepalived-master.conf, keepalived_backup.conf,
 *  keepalived.conf.master, keepalived.conf-backup, lb1.keepalived, anything .conf under keepalived/.
 *  Templates (keepalived.conf.j2 ...) are left out by the index, not by this glob. */
export const DEFAULT_FILES = "**/{*keepalived*.conf,keepalived.conf.*,keepalived.conf-*,*.keepalived,keepalived/**/*.conf,conf.d/*.conf}";

export const DEFAULT_SETTINGS: KeepalivedSettings = {
  includeRoots: [],
  targetVersion: "",
  files: [DEFAULT_FILES],
  severityOverrides: {},
  peerPairing: {},
  inlayHints: true,
};

const SEVERITIES = new Set(["error", "warning", "info", "hint", "off"]);

function stringRecord(v: unknown): Record<string, string> {
  if (!v || typeof v !== "object" || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => typeof x === "string")) as Record<string, string>;
}

export function normalizeSettings(raw: unknown): KeepalivedSettings {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" && v ? [v] : undefined);
  return {
    includeRoots: strings(r.includeRoots) ?? DEFAULT_SETTINGS.includeRoots,
    targetVersion: typeof r.targetVersion === "string" ? r.targetVersion.trim() : "",
    files: strings(r.files) ?? DEFAULT_SETTINGS.files,
    severityOverrides: Object.fromEntries(Object.entries(stringRecord(r.severityOverrides)).filter(([, s]) => SEVERITIES.has(s))) as Record<string, SeverityOverride>,
    peerPairing: stringRecord(r.peerPairing),
    inlayHints: (r.inlayHints as { enabled?: unknown } | undefined)?.enabled !== false,
  };
}

/** Pulls the settings when the client can answer `workspace/configuration`; else uses what was pushed. */
export async function fetchSettings(connection: Connection, canPull: boolean, pushed?: unknown): Promise<KeepalivedSettings> {
  if (!canPull) return normalizeSettings((pushed as { keepalived?: unknown } | undefined)?.keepalived ?? pushed);
  try {
    return normalizeSettings(await connection.workspace.getConfiguration({ section: "keepalived" }));
  } catch {
    return DEFAULT_SETTINGS;
  }
}
