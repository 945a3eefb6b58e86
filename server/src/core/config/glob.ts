// `include` patterns the way keepalived expands them: glob(3) with GLOB_BRACE. Braces are expanded
// first and each alternative is globbed on its own, results appended in that order (each sorted);
// `*`, `?` and `[...]` never match a leading `.`; a backslash quotes the next character.
//
// picomatch decides what a fixed-width piece of a name segment matches (`?`, classes, ranges,
// POSIX classes, escapes). The `*`s between pieces are placed here, greedily and leftmost, which is
// exact for fixed-width pieces and linear in the name's length: a regular expression for
// `*a*a*a*a*a*a*a*b.conf` backtracks for minutes beside one long file name.
import * as path from "path";
import type Picomatch from "picomatch";
import type { FileAccess } from "./files";

/** picomatch loads when a pattern has a wildcard piece: most runs read no include glob. */
let picomatchModule: typeof Picomatch | undefined;
const picomatch = (): typeof Picomatch => (picomatchModule ??= require("picomatch") as typeof Picomatch);

/** More alternatives than this from one pattern's braces is a typo, not a configuration. */
export const MAX_BRACE_ALTERNATIVES = 1024;
/** Linux's PATH_MAX: no file has a longer name, and braces in a longer pattern multiply long strings. */
export const MAX_PATTERN_LENGTH = 4096;
/** Matches per pattern: keepalived would read them all; we stop here and say so. */
export const MAX_GLOB_MATCHES = 10000;

export function hasGlob(p: string): boolean {
  return /[*?[{]/.test(p);
}

/** `{a,b}c` → `ac`, `bc`, left to right, nested braces included; an unbalanced `{` is literal. */
export function expandBraces(pattern: string, limit = MAX_BRACE_ALTERNATIVES): string[] {
  const open = findBraceOpen(pattern);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      close = i;
      break;
    } else if (c === "," && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length && out.length < limit; k++) {
    for (const alt of expandBraces(head + pattern.slice(bounds[k] + 1, bounds[k + 1]) + tail, limit - out.length)) out.push(alt);
  }
  return out;
}

function findBraceOpen(p: string): number {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === "\\") i++;
    else if (p[i] === "{") return i;
  }
  return -1;
}

type Piece = { width: number; re: RegExp; leadingDotLiteral: boolean };

/** One segment split at its `*`s into fixed-width pieces, or a problem that makes it match nothing. */
interface SegmentMatcher {
  pieces: Piece[];
  /** Number of `*` (pieces.length - 1 when there is any). */
  stars: number;
  problem?: string;
}

const PIECE_OPTIONS = { dot: true, noextglob: true, nobrace: true, posix: true, nonegate: true, noglobstar: true };
const matcherCache = new Map<string, SegmentMatcher>();

function compileSegment(segment: string): SegmentMatcher {
  const cached = matcherCache.get(segment);
  if (cached) return cached;
  const pieces: Piece[] = [];
  let problem: string | undefined;
  let source = "";
  let width = 0;
  let firstIsDot: boolean | undefined;
  const flush = () => {
    let re: RegExp;
    try {
      re = source ? picomatch().makeRe(source, PIECE_OPTIONS) : /^$/;
    } catch {
      re = /$^/; // picomatch refuses patterns over 64 KB: no file name is that long
    }
    // picomatch answers an expression it cannot build (a reversed range) with one that matches nothing.
    if (re.source === "$^") problem ??= `'${segment}' is not a valid pattern (a reversed range such as [z-a] matches no name)`;
    pieces.push({ width, re, leadingDotLiteral: firstIsDot === true });
    source = "";
    width = 0;
    firstIsDot = undefined;
  };
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") {
      flush();
      continue;
    }
    if (c === "[") {
      const close = bracketEnd(segment, i);
      if (close > 0) {
        const body = segment.slice(i + 1, close);
        source += "[" + body.replace(/^!/, "^") + "]";
        firstIsDot ??= false;
        width++;
        i = close;
        continue;
      }
    }
    if (c === "\\" && i + 1 < segment.length) {
      source += "\\" + segment[++i];
      firstIsDot ??= segment[i] === ".";
      width++;
      continue;
    }
    source += c === "?" ? "?" : /[A-Za-z0-9_]/.test(c) ? c : "\\" + c;
    firstIsDot ??= c === ".";
    width++;
  }
  flush();
  const matcher = { pieces, stars: pieces.length - 1, problem };
  if (matcherCache.size > 1000) matcherCache.clear();
  matcherCache.set(segment, matcher);
  return matcher;
}

/** Index of the `]` closing the class opened at `open`, or -1 (then `[` is a literal). */
function bracketEnd(s: string, open: number): number {
  let i = open + 1;
  if (s[i] === "!" || s[i] === "^") i++;
  if (s[i] === "]") i++;
  for (; i < s.length; i++) {
    if (s[i] === "[" && s[i + 1] === ":") {
      const end = s.indexOf(":]", i + 2);
      if (end > 0) {
        i = end + 1;
        continue;
      }
    }
    if (s[i] === "]") return i;
  }
  return -1;
}

function pieceAt(piece: Piece, name: string, at: number): boolean {
  return piece.width === 0 || piece.re.test(name.substr(at, piece.width));
}

/** A problem that makes one pattern segment match nothing (a reversed range), or undefined. */
export function segmentProblem(segment: string): string | undefined {
  return compileSegment(segment).problem;
}

/**
 * Whether a directory entry's name matches one pattern segment (glob(3): no leading dot by a
 * wildcard, unless `dot` says wildcards match it too, as in the `keepalived.files` setting).
 */
export function segmentMatches(segment: string, name: string, dot = false): boolean {
  const m = compileSegment(segment);
  if (m.problem) return false;
  const first = m.pieces[0];
  if (!dot && name.startsWith(".") && !(first.width > 0 && first.leadingDotLiteral)) return false;
  if (m.stars === 0) return name.length === first.width && pieceAt(first, name, 0);
  const last = m.pieces[m.pieces.length - 1];
  const end = name.length - last.width;
  if (end < first.width || !pieceAt(first, name, 0) || !pieceAt(last, name, end)) return false;
  let pos = first.width;
  for (let k = 1; k < m.pieces.length - 1; k++) {
    const piece = m.pieces[k];
    let found = -1;
    for (let at = pos; at + piece.width <= end; at++) {
      if (pieceAt(piece, name, at)) {
        found = at;
        break;
      }
    }
    if (found < 0) return false;
    pos = found + piece.width;
  }
  return true;
}

/** Why a pattern can match nothing whatever the disk holds, for the diagnostic; undefined when it is well formed. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `it is ${pattern.length} characters long, over the ${MAX_PATTERN_LENGTH} of the longest file name (PATH_MAX): it names no file`;
  const alternatives = expandBraces(pattern, MAX_BRACE_ALTERNATIVES + 1);
  if (alternatives.length > MAX_BRACE_ALTERNATIVES) return `its braces expand to more than ${MAX_BRACE_ALTERNATIVES} patterns; only the first ${MAX_BRACE_ALTERNATIVES} are read`;
  for (const alt of alternatives) {
    for (const seg of alt.split(/\/+/)) {
      if (!hasGlob(seg)) continue;
      const problem = compileSegment(seg).problem;
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A file a pattern names that is not read: a FIFO, a device, a directory, too large... */
export interface SkippedMatch {
  file: string;
  why: string;
}

/** Expands an absolute pattern into the regular files it names, in glob(3)'s order. */
export function expandGlob(pattern: string, access: FileAccess, skipped?: SkippedMatch[]): string[] {
  const out: string[] = [];
  // 1,024 brace alternatives of a 190 KB pattern took 20 s to build and look up (found by npm run fuzz).
  if (pattern.length > MAX_PATTERN_LENGTH) return out;
  for (const alt of hasGlob(pattern) ? expandBraces(pattern) : [pattern]) {
    for (const f of expandOne(alt, access, skipped)) {
      if (out.length >= MAX_GLOB_MATCHES) return out;
      out.push(f);
    }
  }
  return out;
}

function expandOne(pattern: string, access: FileAccess, skipped?: SkippedMatch[]): string[] {
  const readable = (file: string): boolean => {
    if (access.read(file) !== undefined) return true;
    const why = access.unreadable?.(file);
    if (why && skipped) skipped.push({ file, why });
    return false;
  };
  if (!/[*?[]/.test(pattern)) {
    const literal = pattern.replace(/\\(.)/g, "$1");
    return readable(literal) ? [literal] : [];
  }
  const root = path.parse(pattern).root;
  const segments = pattern.slice(root.length).split(/\/+/).filter(Boolean);
  let current = [root];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!/[*?[]/.test(seg)) {
        next.push(path.join(dir, seg.replace(/\\(.)/g, "$1")));
        continue;
      }
      for (const name of access.list(dir).sort()) {
        if (segmentMatches(seg, name)) next.push(path.join(dir, name));
        if (next.length >= MAX_GLOB_MATCHES) break;
      }
    }
    current = last ? next : next.filter((p) => access.isDirectory(p));
  }
  return current.filter((p) => !access.isDirectory(p) && readable(p));
}
