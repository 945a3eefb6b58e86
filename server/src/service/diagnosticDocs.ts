// Where each diagnostic code is explained: the docs/diagnostics.md shipped with the extension (and
// beside dist/ in a checkout), opened at the code's heading. A file URI with `#L<line>` opens in any
// editor, and VS Code puts the cursor on that line; a web address would need a site we do not have.
import * as fs from "fs";
import * as path from "path";
import { pathToUri } from "./uris";

/** dist/server.js → <extension>/docs/diagnostics.md */
export const DIAGNOSTICS_DOC = path.resolve(__dirname, "..", "docs", "diagnostics.md");

let headings: Map<string, number> | undefined;

function headingLines(): Map<string, number> {
  if (headings) return headings;
  headings = new Map();
  try {
    const stat = fs.statSync(DIAGNOSTICS_DOC);
    if (!stat.isFile() || stat.size > 2_000_000) return headings;
    fs.readFileSync(DIAGNOSTICS_DOC, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const m = /^#+ ([a-z0-9-]+)\s*$/.exec(line);
        if (m && !headings!.has(m[1])) headings!.set(m[1], i + 1);
      });
  } catch {
    // No doc next to the server (a bare bundle): diagnostics go without a link.
  }
  return headings;
}

const links = new Map<string, string | undefined>();

/** The link for a code, or undefined when the shipped doc has no section for it (one string per code). */
export function diagnosticDocLink(code: string): string | undefined {
  if (links.has(code)) return links.get(code);
  const line = headingLines().get(code);
  const link = line === undefined ? undefined : `${pathToUri(DIAGNOSTICS_DOC)}#L${line}`;
  // Codes are a fixed set (an internal-error code is one more): the map stays small.
  if (links.size < 1000) links.set(code, link);
  return link;
}
