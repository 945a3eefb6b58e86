// Which files of a folder are keepalived configurations.
import * as fs from "fs";
import * as path from "path";

const TOP_LEVEL = /^\s*(global_defs|vrrp_instance|vrrp_script|vrrp_sync_group|virtual_server|virtual_server_group|include|static_ipaddress|static_routes|vrrp_track_file|track_file|bfd_instance|linkbeat_interfaces|garp_group|net_namespace)\b/m;
const SKIP_DIRS = new Set(["node_modules", ".git", "out", "dist"]);

export function looksLikeKeepalived(file: string): boolean {
  const base = path.basename(file);
  // An Ansible role or playbook beside the templates (keepalived.yml, defaults/main.yml) is not a config.
  if (/\.(ya?ml|json|md|rst|py|sh|ini)$/i.test(base)) return false;
  if (/keepalived/i.test(base) || /\.conf$/.test(base)) return true;
  try {
    const fd = fs.openSync(file, "r");
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    const head = buf.subarray(0, n);
    if (head.includes(0)) return false;
    return TOP_LEVEL.test(head.toString("utf8"));
  } catch {
    return false;
  }
}

/** Files given are taken as they are; folders are walked for keepalived configs. Throws on a missing path. */
export function collectConfigFiles(paths: string[]): string[] {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIP_DIRS.has(entry.name)) walk(p);
      } else if (entry.isFile() && looksLikeKeepalived(p)) out.add(path.resolve(p));
    }
  };
  for (const p of paths) {
    const st = fs.statSync(p); // throws ENOENT for a missing path: the caller turns it into exit 2
    if (st.isDirectory()) walk(p);
    else out.add(path.resolve(p));
  }
  return [...out];
}
