// Document URIs ↔ file paths. The core speaks paths; the protocol speaks URIs.
import { URI } from "vscode-uri";

/**
 * Each conversion is kept: a publication converts the file of every related location, and vscode-uri
 * takes microseconds per call (half a second for the 100,000s of a 1 MB file). Bounded, as the index is.
 */
const MAX_KEPT = 10_000;
const toPath = new Map<string, string>();
const toUri = new Map<string, string>();

function kept(cache: Map<string, string>, key: string, convert: (key: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_KEPT) cache.clear();
    cache.set(key, (value = convert(key)));
  }
  return value;
}

export function uriToPath(uri: string): string {
  return kept(toPath, uri, (u) => URI.parse(u).fsPath);
}

export function pathToUri(file: string): string {
  return kept(toUri, file, (f) => URI.file(f).toString());
}
