// Rename a definition and all its references, across every file of the nodes that use it.
import { ResponseError, ErrorCodes } from "vscode-languageserver/node";
import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit, TextEdit } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { occurrencesOf, targetAt } from "./occurrences";
import { containsPosition } from "../core/util/range";
import { pathToUri, uriToPath } from "./uris";

export function prepareRename(index: WorkspaceIndex, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const file = uriToPath(params.textDocument.uri);
  const target = targetAt(index, file, params.position);
  if (!target) return null;
  const here = occurrencesOf(index, file, target).find((o) => o.file === file && containsPosition(o.range, params.position));
  return here ? { range: here.range, placeholder: target.name } : null;
}

export function rename(index: WorkspaceIndex, params: RenameParams): WorkspaceEdit | null {
  const file = uriToPath(params.textDocument.uri);
  const target = targetAt(index, file, params.position);
  if (!target) return null;
  // keepalived splits words on blanks and treats braces and comment marks specially.
  if (!/^[^\s{}"#!$]+$/.test(params.newName)) throw new ResponseError(ErrorCodes.InvalidParams, `'${params.newName}' is not a valid keepalived name`);
  if (target.kind === "variable" && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(params.newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `'${params.newName}' is not a valid variable name`);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrencesOf(index, file, target)) (changes[pathToUri(o.file)] ??= []).push({ range: o.range, newText: params.newName });
  return { changes };
}
