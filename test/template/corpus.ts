// The real-world templates beside the repo (../shared), read in place; tests skip where absent.
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";
import type { Diagnostic } from "../../server/src/core/check/diagnostic";

export const TEMPLATE_CORPUS = path.resolve(REPO, "..", "shared", "corpus", "real-world", "templates");
export const HAVE_CORPUS = fs.existsSync(TEMPLATE_CORPUS);
export const SKIP_CORPUS = HAVE_CORPUS ? false : `the template corpus is not at ${TEMPLATE_CORPUS}`;

export function corpusTemplates(): { name: string; file: string; text: string }[] {
  if (!HAVE_CORPUS) return [];
  return fs
    .readdirSync(TEMPLATE_CORPUS)
    .sort()
    .map((name) => ({ name, file: path.join(TEMPLATE_CORPUS, name), text: fs.readFileSync(path.join(TEMPLATE_CORPUS, name), "utf8") }));
}

/** Checks one template text as the file `file` (in memory: scripts it names are not on this machine either way). */
export function checkOne(file: string, text: string): Diagnostic[] {
  const ws = new Workspace({ access: memoryAccess(new Map([[file, text]])) });
  ws.addFiles([file]);
  return ws.diagnostics();
}
