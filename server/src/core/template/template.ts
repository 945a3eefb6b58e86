// A template read once: its dialect, its tags and its branch structure. Everything else
// (static views, variants, checks) derives from this.
import { Dialect, templateDialect } from "./dialect";
import { scanTags } from "./scan";
import { buildStructure, Structure } from "./structure";
import type { Tag } from "./tags";

export interface TemplateFile {
  file: string;
  text: string;
  dialect: Dialect;
  tags: Tag[];
  structure: Structure;
}

/** The template reading of a file, or undefined for plain keepalived. */
export function readTemplate(file: string, text: string): TemplateFile | undefined {
  const dialect = templateDialect(file, text);
  if (!dialect) return undefined;
  const tags = scanTags(text, dialect);
  return { file, text, dialect, tags, structure: buildStructure(dialect, tags) };
}
