// `keepalived-lint format`: prints the formatted text, or with --check lists the files that would
// change (exit 1), or with --write rewrites them in place.
import * as fs from "fs";
import { UsageError, parseArgs } from "./main";
import { collectConfigFiles } from "./findConfigs";
import { displayPath } from "./formats";
import { formatText } from "../core/format/format";

export const FORMAT_USAGE = "keepalived-lint format [--check|--write] [--indent N|tab] PATH...";

export function runFormat(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseArgs(argv, ["indent"], ["check", "write"]);
  if (!args.paths.length) throw new UsageError("no PATH given");
  if (args.flags.has("check") && args.flags.has("write")) throw new UsageError("--check and --write cannot be used together");
  const indentArg = args.options.get("indent")?.[0] ?? "4";
  if (indentArg !== "tab" && !/^[1-8]$/.test(indentArg)) throw new UsageError(`--indent wants 1 to 8 or 'tab', not '${indentArg}'`);
  const indent = indentArg === "tab" ? "\t" : " ".repeat(Number(indentArg));
  let files: string[];
  try {
    files = collectConfigFiles(args.paths);
  } catch (e) {
    throw new UsageError(`cannot read ${(e as NodeJS.ErrnoException).path ?? args.paths.join(" ")}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  let changed = 0;
  for (const file of files.sort()) {
    const text = fs.readFileSync(file, "utf8");
    const formatted = formatText(text, { indent });
    if (formatted !== text) changed++;
    if (args.flags.has("check")) {
      if (formatted !== text) out(`${displayPath(file)}: would be reformatted\n`);
    } else if (args.flags.has("write")) {
      if (formatted !== text) (fs.writeFileSync(file, formatted), err(`formatted ${displayPath(file)}\n`));
    } else out(files.length > 1 ? `==> ${displayPath(file)} <==\n${formatted}${formatted.endsWith("\n") ? "" : "\n"}` : formatted);
  }
  return args.flags.has("check") && changed ? 1 : 0;
}
