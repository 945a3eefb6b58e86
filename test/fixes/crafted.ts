// Small configurations that each make the core offer a fix, including the shapes that once produced
// a config keepalived reads differently (a deprecated keyword with no in-place successor, a
// global_defs misspelt or nested in a misspelt block).
import type { FixCase } from "./recheck";

const instance = (name: string, state: string, prio: number, extra = "", vips = "192.0.2.10/24") =>
  `vrrp_instance ${name} {\n    state ${state}\n    interface eth0\n    virtual_router_id 51\n    priority ${prio}\n    advert_int 1\n${extra}    virtual_ipaddress {\n        ${vips}\n    }\n}\n`;

const script = `vrrp_script chk_nginx {\n    script "/usr/bin/pgrep nginx"\n    interval 2\n    weight -20\n}\n`;
const tracked = "    track_script {\n        chk_nginx\n    }\n";
const security = "global_defs {\n    router_id lb-a\n    script_user root\n    enable_script_security\n}\n";

const one = (name: string, text: string, codes?: string[]): FixCase => ({ name, files: { "keepalived.conf": text }, codes });
const pair = (name: string, a: string, b: string): FixCase => ({ name, files: { "lb-a/keepalived.conf": a, "lb-b/keepalived.conf": b } });

export const CRAFTED: FixCase[] = [
  one("lvs_sync_daemon_interface, no global_defs", instance("VI_1", "MASTER", 100, "    lvs_sync_daemon_interface eth0\n")),
  one("lvs_sync_daemon_interface, with global_defs", "global_defs {\n    router_id lb-a\n}\n" + instance("VI_1", "MASTER", 100, "    lvs_sync_daemon_interface eth0\n")),
  one("lvs_sync_daemon_interface, one-line global_defs", "global_defs { router_id lb-a }\n" + instance("VI_1", "MASTER", 100, "    lvs_sync_daemon_interface eth0 # the sync link\n")),
  one("script security, no global_defs", "! Configuration File for keepalived\n\n" + script + instance("VI_1", "MASTER", 100, tracked)),
  one("script security, global_defs exists", "global_defs {\n    router_id lb-a\n}\n" + script + instance("VI_1", "MASTER", 100, tracked)),
  one("script security, misspelt global_def block", "global_def {\n    router_id lb-a\n}\n" + script + instance("VI_1", "MASTER", 100, tracked)),
  one("script security, global_defs inside a misspelt block", "vrrp_instanc VI_0 {\n    global_defs {\n        router_id lb-a\n    }\n}\n" + script + instance("VI_1", "MASTER", 100, tracked), ["script-security"]),
  one("script security, global_defs holding a misspelt block", "global_defs {\n    router_id lb-a\n    notification_emai {\n        ops@example.com\n    }\n}\n" + script + instance("VI_1", "MASTER", 100, tracked)),
  one("script security, global_defs on one line", "global_defs { router_id lb-a }\n" + script + instance("VI_1", "MASTER", 100, tracked)),
  one("misspelt keyword in an instance", security + instance("VI_1", "MASTER", 100, "    priorty 100\n")),
  one("misspelt block keyword", security + "vrrp_scrpt chk_nginx {\n    script \"/usr/bin/pgrep nginx\"\n}\n" + instance("VI_1", "MASTER", 100)),
  one("misspelt reference", security + script + instance("VI_1", "MASTER", 100, "    track_script {\n        chk_ngnix\n    }\n")),
  one("auth_pass longer than 8", instance("VI_1", "MASTER", 100, "    authentication {\n        auth_type PASS\n        auth_pass s3cretpassword\n    }\n")),
  one("route with gw", instance("VI_1", "MASTER", 100, "    virtual_routes {\n        10.1.0.0/16 gw 192.0.2.1\n    }\n")),
  one("static route not tracked", "static_routes {\n    10.2.0.0/16 via 192.0.2.1\n}\n" + instance("VI_1", "MASTER", 100)),
  one("AH authentication with MASTER", instance("VI_1", "MASTER", 100, "    authentication {\n        auth_type AH\n        auth_pass secret1\n    }\n")),
  pair("equal priorities", instance("VI_1", "MASTER", 100), instance("VI_1", "BACKUP", 100)),
  pair("VIP on one node only", instance("VI_1", "MASTER", 150, "", "192.0.2.10/24\n        192.0.2.11/24"), instance("VI_1", "BACKUP", 100)),
  pair("track weight too small", security + script + instance("VI_1", "MASTER", 150, tracked), security + instance("VI_1", "BACKUP", 100)),
  pair(
    "unicast peer missing",
    instance("VI_1", "MASTER", 150, "    unicast_src_ip 192.0.2.1\n    unicast_peer {\n        192.0.2.2\n    }\n"),
    instance("VI_1", "BACKUP", 100, "    unicast_src_ip 192.0.2.2\n"),
  ),
  pair("weak auth_pass", instance("VI_1", "MASTER", 150, "    authentication {\n        auth_type PASS\n        auth_pass 1111\n    }\n"), instance("VI_1", "BACKUP", 100, "    authentication {\n        auth_type PASS\n        auth_pass 1111\n    }\n")),
];
