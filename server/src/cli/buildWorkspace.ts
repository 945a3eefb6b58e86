// The workspace a CLI command checks: the files named or found in the folders named, with the
// options every command shares. Its own file so subcommands need not import main.ts (no cycle).
import * as fs from "fs";
import * as path from "path";
import { Workspace } from "../core/check/workspace";
import { diskAccess, FileAccess } from "../core/config/files";
import { tuningForLargeCheck } from "./largeCheck";
import { collectConfigFiles, SkippedFile } from "./findConfigs";
import { UsageError, ParsedArgs, InputError } from "./args";

/** `--inventory INV`: role templates are rendered per host of INV. */
function inventoryOption(args: ParsedArgs): string | undefined {
  const inv = args.options.get("inventory")?.[0];
  if (inv === undefined) return undefined;
  try {
    fs.statSync(inv);
  } catch {
    throw new InputError(`cannot read ${inv}: ENOENT`);
  }
  return path.resolve(inv);
}

export function buildWorkspace(args: ParsedArgs, access?: FileAccess, files = configFilesOf(args)): Workspace {
  const ws = new Workspace({
    includeRoots: args.options.get("include-root") ?? [],
    targetVersion: args.options.get("target-version")?.[0],
    firewallHints: args.flags.has("firewall-hints"),
    inventory: inventoryOption(args),
    access: tuningForLargeCheck(access ?? diskAccess),
  });
  ws.addFiles(files);
  return ws;
}

export function configFilesOf(args: ParsedArgs, err?: (s: string) => void): string[] {
  if (!args.paths.length) throw new UsageError("no PATH given");
  const skipped: SkippedFile[] = [];
  try {
    const files = collectConfigFiles(args.paths, skipped);
    // --verbose: what the folder walk left out, and why (not keepalived, binary, another project's template).
    if (args.flags.has("verbose") && err) for (const s of skipped) err(`skipped ${s.file}: ${s.why}\n`);
    return files;
  } catch (e) {
    throw new InputError(`cannot read ${(e as NodeJS.ErrnoException).path ?? args.paths.join(" ")}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}
