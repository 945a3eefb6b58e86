// The `keepalived.files` setting (`**`, `*`, `?`, `{a,b}`, `[...]`) as a matcher of workspace-relative
// paths, by picomatch. A pattern picomatch cannot turn into an expression (a reversed range `[z-a]`)
// matches nothing and is reported, instead of throwing while the server starts.
import picomatch from "picomatch";

const OPTIONS = { dot: true };

function compile(glob: string): RegExp | undefined {
  try {
    const re = picomatch.makeRe(glob, OPTIONS);
    return re.source === "$^" ? undefined : re;
  } catch {
    return undefined;
  }
}

export function fileMatcher(globs: string[]): (relativePath: string) => boolean {
  const res = globs.map(compile).filter((r): r is RegExp => r !== undefined);
  return (p) => {
    const posix = p.split("\\").join("/");
    return res.some((r) => r.test(posix));
  };
}

/** Messages for the patterns of the setting that can match nothing. */
export function globProblems(globs: string[]): string[] {
  return globs.filter((g) => !compile(g)).map((g) => `keepalived.files: '${g}' is not a valid glob (a reversed range such as [z-a]?); it matches no file`);
}
