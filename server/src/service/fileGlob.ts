// The `keepalived.files` setting (`**`, `*`, `?`, `{a,b}`, `[...]`) as a matcher of workspace-relative
// paths. picomatch's regular expression for `*a*a*a*a*a*a*a*b.conf` backtracks for minutes beside one
// long file name, so the pattern is matched a segment at a time instead: braces expanded first, each
// name segment by the include matcher (core/config/glob.ts: picomatch for the fixed-width pieces, the
// `*`s placed greedily, linear in the name), and `**` by a table of (pattern segment, path segment)
// states, so many `**/` cost their number times the path's depth (docs/decisions/bounds.md).
// A pattern that can match nothing (a reversed range `[z-a]`) is reported instead of throwing.
import { expandBraces, MAX_BRACE_ALTERNATIVES, segmentMatches, segmentProblem } from "../core/config/glob";

/** picomatch's own limit; a longer setting is a paste accident. */
const MAX_PATTERN_LENGTH = 65536;

/** One brace alternative split at `/`, with runs of `**` made one (they match the same paths). */
type Segments = string[];

function segmentsOf(alternative: string): Segments {
  const out: string[] = [];
  for (const s of alternative.replace(/^\.\//, "").split("/")) if (s !== "**" || out[out.length - 1] !== "**") out.push(s);
  return out;
}

function compile(glob: string): Segments[] | undefined {
  if (glob.length > MAX_PATTERN_LENGTH) return undefined;
  const alternatives = expandBraces(glob, MAX_BRACE_ALTERNATIVES).map(segmentsOf);
  if (alternatives.some((segs) => segs.some((s) => s !== "**" && segmentProblem(s)))) return undefined;
  return alternatives;
}

function segmentMatch(segment: string, name: string): boolean {
  // `*` (like picomatch) stands for one name or more characters, never for an empty segment.
  if (!name) return segment === "";
  return segmentMatches(segment, name, true);
}

/** Whether the path's segments match the pattern's; `**` matches any number of whole segments. */
function matchesSegments(pattern: Segments, path: string[]): boolean {
  const width = path.length + 1;
  // reach[i * width + j]: the first i pattern segments can match the first j path segments.
  const reach = new Uint8Array((pattern.length + 1) * width);
  reach[0] = 1;
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i];
    for (let j = 0; j <= path.length; j++) {
      if (!reach[i * width + j]) continue;
      if (seg === "**") {
        reach[(i + 1) * width + j] = 1;
        if (j < path.length) reach[i * width + j + 1] = 1;
      } else if (j < path.length && segmentMatch(seg, path[j])) reach[(i + 1) * width + j + 1] = 1;
    }
  }
  return reach[pattern.length * width + path.length] === 1;
}

export function fileMatcher(globs: string[]): (relativePath: string) => boolean {
  const compiled = globs.flatMap((g) => compile(g) ?? []);
  return (p) => {
    const path = p.split("\\").join("/").split("/");
    return compiled.some((segs) => matchesSegments(segs, path));
  };
}

/** Messages for the patterns of the setting that can match nothing. */
export function globProblems(globs: string[]): string[] {
  return globs.filter((g) => !compile(g)).map((g) => `keepalived.files: '${g}' is not a valid glob (a reversed range such as [z-a]?); it matches no file`);
}
