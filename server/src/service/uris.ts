// Document URIs ↔ file paths. The core speaks paths; the protocol speaks URIs.
import { URI } from "vscode-uri";

export function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

export function pathToUri(file: string): string {
  return URI.file(file).toString();
}
