// yaml (260 KB bundled) and nunjucks (190 KB) serve Ansible projects only: loaded on first use, so a
// check of plain configs (and every short CLI run) neither compiles nor initialises them.
import type * as Yaml from "yaml";
import type * as Nunjucks from "nunjucks";

let yamlModule: typeof Yaml | undefined;
let nunjucksModule: typeof Nunjucks | undefined;

export function yaml(): typeof Yaml {
  return (yamlModule ??= require("yaml") as typeof Yaml);
}

export function nunjucks(): typeof Nunjucks {
  return (nunjucksModule ??= require("nunjucks") as typeof Nunjucks);
}
