// The server's one Workspace: open buffers in front of the disk, plus every file of the workspace
// folders that matches `keepalived.files`, so a peer that is not open still takes part in checks.
import * as fs from "fs";
import * as path from "path";
import { FileChangeType, FileEvent } from "vscode-languageserver/node";
import { Workspace, WorkspaceOptions, ConfigNode } from "../core/check/workspace";
import { DEFAULT_SETTINGS, KeepalivedSettings } from "./settings";
import { fileMatcher, globProblems } from "./fileGlob";
import { isTemplateName } from "../core/config/configNames";
import { uriToPath } from "./uris";

const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", "out", "dist"]);
/** A workspace with more candidate files than this is not a keepalived tree: stop walking. */
const MAX_INDEXED_FILES = 5000;
/** A file not open in the editor and larger than this is not checked in the background (bounds.md). */
export const MAX_INDEXED_FILE_BYTES = 4 * 1024 * 1024;
/** Directory entries looked at while indexing, so a huge clone cannot stall the start. */
const MAX_WALKED_ENTRIES = 200_000;

export class WorkspaceIndex {
  workspace: Workspace;
  settings: KeepalivedSettings = DEFAULT_SETTINGS;
  private folders: string[] = [];
  private readonly buffers = new Map<string, string>();
  private readonly indexed = new Set<string>();
  private matches: (relativePath: string) => boolean = fileMatcher(DEFAULT_SETTINGS.files);
  /** Called after anything that can change diagnostics. */
  onChange: () => void = () => {};
  /** A setting that cannot work, or a file left out of the index: for the log (and the user). */
  onProblem: (message: string, severe: boolean) => void = () => {};

  constructor() {
    this.workspace = this.createWorkspace();
  }

  setFolders(uris: string[]): void {
    this.folders = uris.map(uriToPath);
  }

  /** New settings: the include roots and target version shape every check, so start over. */
  applySettings(settings: KeepalivedSettings): void {
    this.settings = settings;
    for (const message of globProblems(settings.files)) this.onProblem(message, true);
    this.matches = fileMatcher(settings.files);
    this.workspace = this.createWorkspace();
    this.indexed.clear();
    this.scanFolders();
    for (const [file, text] of this.buffers) this.workspace.setText(file, text);
    this.workspace.addFiles(this.buffers.keys());
    this.onChange();
  }

  private createWorkspace(): Workspace {
    const base = this.folders[0] ?? process.cwd();
    const options: WorkspaceOptions = {
      includeRoots: this.settings.includeRoots.map((r) => path.resolve(base, r)),
      targetVersion: this.settings.targetVersion || undefined,
      peerPairing: this.settings.peerPairing,
      // Advice for every node stays out of Problems unless the user grades it (severity policy).
      firewallHints: (this.settings.severityOverrides["vrrp-firewall-hint"] ?? "off") !== "off",
    };
    return new Workspace(options);
  }

  private scanFolders(): void {
    const found: string[] = [];
    let walked = 0;
    const walk = (root: string, dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (found.length >= MAX_INDEXED_FILES || ++walked > MAX_WALKED_ENTRIES) return;
        const p = path.join(dir, e.name);
        // Symbolic links are not followed and FIFOs, devices and sockets are not files: only regular files count.
        if (e.isDirectory()) {
          if (!e.name.startsWith(".") && !SKIP_DIRS.has(e.name)) walk(root, p);
        } else if (e.isFile() && this.matches(path.relative(root, p)) && !isTemplateName(e.name)) {
          if (sizeOf(p) > MAX_INDEXED_FILE_BYTES) this.onProblem(`${p}: not checked in the background, it is larger than ${MAX_INDEXED_FILE_BYTES / 1024 / 1024} MB (open it to check it)`, false);
          else found.push(p);
        }
      }
    };
    for (const folder of this.folders) walk(folder, folder);
    found.forEach((f) => this.indexed.add(f));
    this.workspace.addFiles(found);
  }

  isIndexed(file: string): boolean {
    return this.indexed.has(file) || (!isTemplateName(path.basename(file)) && this.folders.some((f) => this.matches(path.relative(f, file))));
  }

  open(file: string, text: string): void {
    this.buffers.set(file, text);
    this.workspace.setText(file, text);
    this.workspace.addFiles([file]);
    this.onChange();
  }

  edit(file: string, text: string): void {
    this.buffers.set(file, text);
    this.workspace.setText(file, text);
    this.onChange();
  }

  /** A closed file falls back to its disk copy; it stays checked only if the workspace indexes it. */
  close(file: string): void {
    this.buffers.delete(file);
    this.workspace.setText(file, undefined);
    if (!this.isIndexed(file) || !fs.existsSync(file)) this.workspace.removeFile(file);
    this.onChange();
  }

  isOpen(file: string): boolean {
    return this.buffers.has(file);
  }

  /** workspace/didChangeWatchedFiles: disk changes to files that are not open. */
  filesChanged(events: FileEvent[]): void {
    for (const e of events) {
      const file = uriToPath(e.uri);
      if (e.type === FileChangeType.Deleted) {
        this.indexed.delete(file);
        if (!this.buffers.has(file)) this.workspace.removeFile(file);
        else this.workspace.changed(file);
        continue;
      }
      if (e.type === FileChangeType.Created && this.isIndexed(file)) {
        this.indexed.add(file);
        this.workspace.addFiles([file]);
      }
      if (!this.buffers.has(file)) this.workspace.changed(file);
    }
    this.onChange();
  }

  /** The nodes (machines) whose configuration reads this file. */
  nodesWith(file: string): ConfigNode[] {
    return this.workspace.nodes().filter((n) => n.root === file || n.config.files.includes(file));
  }

  text(file: string): string | undefined {
    return this.buffers.get(file) ?? this.workspace.read(file);
  }

  folderList(): string[] {
    return [...this.folders];
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return Infinity;
  }
}
