// Find references: every place a script, tracked file/process, instance or `$NAME` is used.
import type { Location, ReferenceParams } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { occurrencesOf, targetAt } from "./occurrences";
import { pathToUri, uriToPath } from "./uris";

export function references(index: WorkspaceIndex, params: ReferenceParams): Location[] {
  const file = uriToPath(params.textDocument.uri);
  const target = targetAt(index, file, params.position);
  if (!target) return [];
  return occurrencesOf(index, file, target)
    .filter((o) => params.context.includeDeclaration || !o.isDefinition)
    .map((o) => ({ uri: pathToUri(o.file), range: o.range }));
}
