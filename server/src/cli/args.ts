// Command-line arguments of keepalived-lint: `--name value`, `--name=value`, bare flags and paths.
export class UsageError extends Error {}

/** A path named that cannot be read: said in one line, without the usage (the command line was right). */
export class InputError extends UsageError {}

export interface ParsedArgs {
  command: string;
  options: Map<string, string[]>;
  flags: Set<string>;
  paths: string[];
}

/** `--name value`, `--name=value` and bare `--flag`; `valued` lists the options that take a value. */
export function parseArgs(argv: string[], valued: string[], flagNames: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("--") || a === "--") {
      paths.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else if (flagNames.includes(name)) flags.add(name);
    else throw new UsageError(`unknown option --${name}`);
  }
  return { command, options, flags, paths };
}
