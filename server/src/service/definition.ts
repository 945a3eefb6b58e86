// Go to definition: from a track_script line, a sync-group member or a `$NAME` to where it is defined.
import type { DefinitionParams, Location } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { occurrencesOf, targetAt } from "./occurrences";
import { pathToUri, uriToPath } from "./uris";

export function definition(index: WorkspaceIndex, params: DefinitionParams): Location[] {
  const file = uriToPath(params.textDocument.uri);
  const target = targetAt(index, file, params.position);
  if (!target) return [];
  return occurrencesOf(index, file, target)
    .filter((o) => o.isDefinition)
    .map((o) => ({ uri: pathToUri(o.file), range: o.range }));
}
