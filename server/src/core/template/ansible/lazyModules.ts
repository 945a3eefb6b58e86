// yaml (260 KB bundled) and nunjucks (190 KB) serve Ansible projects only: loaded on first use, so a
// check of plain configs (and every short CLI run) neither compiles nor initialises them. In the CLI's
// and the server's bundles they are a file of their own, dist/ansible-libs.js (scripts/build.mjs).
import type * as Yaml from "yaml";
import type * as Nunjucks from "nunjucks";

let libs: typeof import("./ansibleLibs") | undefined;
const load = () => (libs ??= require("./ansibleLibs") as typeof import("./ansibleLibs"));

export function yaml(): typeof Yaml {
  return load().yaml;
}

export function nunjucks(): typeof Nunjucks {
  return load().nunjucks;
}
