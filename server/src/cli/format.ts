// `keepalived-lint format`: prints the formatted text, or with --check lists the files that would
// change (exit 1), or with --write rewrites them in place.
import * as fs from "fs";
import { isUtf8 } from "buffer";
import { UsageError, parseArgs, InputError } from "./args";
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
    throw new InputError(`cannot read ${(e as NodeJS.ErrnoException).path ?? args.paths.join(" ")}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  let changed = 0;
  // Bytes in, bytes out: latin1 maps each byte to one character and back, so a BOM, a no-break space
  // or bytes that are not UTF-8 are written back exactly as read (the formatter moves only blanks).
  const print = (s: string) => {
    const bytes = Buffer.from(s, "latin1");
    if (isUtf8(bytes)) out(bytes.toString("utf8"));
    else process.stdout.write(bytes);
  };
  // A file that cannot be read or written is named on stderr and the others go on: exit 2 at the end.
  let failed = false;
  const failure = (verb: string, file: string, e: unknown) => {
    failed = true;
    err(`keepalived-lint: cannot ${verb} ${displayPath(file)}: ${(e as NodeJS.ErrnoException).code ?? e}\n`);
  };
  for (const file of files.sort()) {
    let text: string;
    try {
      text = fs.readFileSync(file, "latin1");
    } catch (e) {
      failure("read", file, e);
      continue;
    }
    const formatted = formatText(text, { indent });
    if (formatted !== text) changed++;
    if (args.flags.has("check")) {
      if (formatted !== text) out(`${displayPath(file)}: would be reformatted\n`);
    } else if (args.flags.has("write")) {
      if (formatted !== text) {
        try {
          fs.writeFileSync(file, formatted, "latin1");
          err(`formatted ${displayPath(file)}\n`);
        } catch (e) {
          failure("write", file, e);
        }
      }
    } else print(files.length > 1 ? `==> ${Buffer.from(displayPath(file), "utf8").toString("latin1")} <==\n${formatted}${formatted.endsWith("\n") ? "" : "\n"}` : formatted);
  }
  if (failed) return 2;
  return args.flags.has("check") && changed ? 1 : 0;
}
