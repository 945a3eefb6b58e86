// Every cluster of ../shared/corpus/real-world/clusters/<repo>/<node>/keepalived.conf, checked as its
// own workspace, as an operator would open that repository. For each: which instances pair, and
// every cross-file finding (the codes of cluster/rules), each justified from the files themselves.
// Single-node findings (invalid values, unknown keywords ...) are the single-node tests' business.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { sharedDir } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { CLUSTER_RULES, CROSS_CLUSTER_RULES } from "../../server/src/core/cluster/rules";

const CLUSTER_CODES = new Set([...CLUSTER_RULES, ...CROSS_CLUSTER_RULES].map((r) => r.code));

interface Expected {
  /** Clusters as "node/instance + node/instance", node = the folder. */
  clusters: string[];
  /** Cross-file findings as "node:line code", 1-based lines. */
  findings: string[];
}

// Where a cluster expects `weak-auth-pass`, it is once per cluster on the expected master's auth_pass
// (1111, 1234, 123456, letmein, secret, iap, 1066, 2222: example, short or digits-only PASS passwords,
// sent in clear text): real, and said once rather than on every file.
const EXPECTED: Record<string, Expected> = {
  // Master/backup pairs whose instances agree on everything (VRID, VIPs, auth, advert_int), unicast
  // peers pointing at each other where used, and distinct priorities: nothing to say across files.
  "Anonymouscn+docker-nginx-keepalived-quick-build": { clusters: ["master/VI_1 + slave/VI_1"], findings: [] },
  "AnthoAnton+High-Availability-Load-Balancer-HAProxy-y-Keepalived": { clusters: ["backup/VI_1 + master/VI_1"], findings: [] },
  "Aydonl+KnowledgeBase": { clusters: ["backup/VI_1 + master/VI_1"], findings: [] },
  "Psize+Disaster-Recovery.-FHRP-Keepalived": { clusters: ["backup/VI_1 + master/VI_1"], findings: [] },
  "bagustyo92+skripsi": { clusters: ["master/VI_1 + slave/VI_1"], findings: [] },
  "bagustyo92+skripsi-fix": { clusters: ["master/VI_1 + slave/VI_1"], findings: [] },
  "qbm+lizardfs-failover": { clusters: ["master/vrrp_lizardfs_master_failover + metalogger/vrrp_lizardfs_master_failover"], findings: [] },
  // AH authentication (no clear-text password), unicast addresses that point at each other.
  "raydenl+keepalived": { clusters: ["backup/pihole + master/pihole"], findings: [] },
  "salehhoushangi+egroup": { clusters: ["master/VI_1 + slave/VI_1"], findings: [] },
  // Both nodes say `state backup` (lower case) with priorities 100/90: the higher one wins, as meant.
  "shsjdcbg+mysql_keepalived": { clusters: ["master/MySQL_HA + slave/MySQL_HA"], findings: [] },
  // auth_type NO_AUTH is not PASS: no password to judge (the invalid type is a single-node matter).
  "youroldmangaming+HighlyAvailableWebServer": { clusters: ["backup/VI_1 + master/VI_1"], findings: [] },

  // A template with placeholders ([virtual_ip], [main_ip], [password]): keepalived skips every address,
  // so nothing identifies the router and nothing is compared. Pairing them would invent findings.
  "HippoProgrammer+Redundant-PiHole-Servers": { clusters: ["backup/pihole", "main/pihole"], findings: [] },
  // The VIP is a placeholder (XXX.XXX.XXX.XXX, skipped by keepalived) and neither side has
  // unicast_src_ip, so the peers 10.0.0.1/10.0.0.2 name no member: no evidence links the two files,
  // and the two instances (same VRID, AH, priorities 110/100) would have nothing to report anyway.
  "chris2k20+keepalived-hcloud": { clusters: ["backup/VI_1", "master/VI_1"], findings: [] },

  // Pairs that agree, with a weak PASS password (see above).
  "HeddaMarie+scripts": { clusters: ["backup/LB_1 + master/LB_1"], findings: ["master:9 weak-auth-pass"] },
  // Both nodes keep the default router_id LVS_DEVEL: still two nodes, named by their folder.
  "JoelFernandes01+Estudo-Proxmox-Terraform-Ansible-ClusterKubernets": { clusters: ["backup/VI_1 + master/VI_1"], findings: ["master:20 weak-auth-pass"] },
  "adisuryadin051+mysql-cluster": { clusters: ["cluster-1/VI_1 + cluster-2/VI_1 + cluster-3/VI_1"], findings: ["cluster-1:9 weak-auth-pass"] },
  "doracl+nginx-keepalived": { clusters: ["master/VI_1 + slave/VI_1"], findings: ["master:19 weak-auth-pass"] },
  // VI_1 on web01 and VI_2 on web02 share VRID 51 and the VIP: one router (keepalived never compares
  // instance names). Both say MASTER, but priorities 110/100 decide.
  "hanajava+apache": { clusters: ["web01/VI_1 + web02/VI_2"], findings: ["web01:19 weak-auth-pass"] },
  "icepopfh+rabbitmq-haproxy-keepalived": { clusters: ["backup1/HAPROXY_HA + backup2/HAPROXY_HA + master/HAPROXY_HA"], findings: ["master:46 weak-auth-pass"] },
  // `state SLAVE` on the slave is a single-node error; across files the pair agrees.
  "kiam123+docker-nginx-backup-server-and-loadblance": { clusters: ["master/VI_1 + slave/VI_1"], findings: ["master:19 weak-auth-pass"] },
  "teamk8s+ha-config": { clusters: ["backup/VI_1 + master/VI_1"], findings: ["master:21 weak-auth-pass"] },
  // Two virtual routers (VI_1: 1111, VI_2: 2222), each weak, each said once.
  "wXingHe+KeepalivedForNginxAndMysql-mysql": {
    clusters: ["master/VI_1 + slave/VI_1", "master/VI_2 + slave/VI_2"],
    findings: ["master:24 weak-auth-pass", "master:42 weak-auth-pass"],
  },
  "wXingHe+KeepalivedForNginxAndMysql-nginx": { clusters: ["master/VI_1 + slave/VI_1"], findings: ["master:23 weak-auth-pass"] },
  "xianth123+learn_keepalived": { clusters: ["master/VI_1 + slave/VI_1"], findings: ["master:24 weak-auth-pass"] },

  // Three unicast nodes: master (255, 10.128.0.23) and two backups at priority 200.
  // - host2:5/host3:5 duplicate-priority: when the master goes, two backups at 200 tie and the higher
  //   IP address decides: an operator wanted an order.
  // - host2:9 unicast-peer-mismatch: host2 lists only the master (10.128.0.23), not host3
  //   (10.128.0.44); with the master gone, host2 and host3 never hear each other and both become MASTER.
  // - master:28 / host3:5 track-weight-ineffective: the master's priority 255 (address owner) ignores
  //   the track_file weight, so the file never hands the VIP over (said on the master's track_file and
  //   on the backup that would take over).
  "deadwhitepunk+hw-HA-01": {
    clusters: ["host2/VI_1 + host3/VI_1 + master/VI_1"],
    findings: ["host2:5 duplicate-priority", "host2:9 unicast-peer-mismatch", "host3:5 duplicate-priority", "host3:5 track-weight-ineffective", "master:28 track-weight-ineffective"],
  },
  // The slave's unicast block is the master's, copied: both send from 10.129.0.34 to 10.129.0.7.
  // - slave:13 unicast-peer-mismatch: one error on the copied unicast_src_ip (not four about peer lists
  //   built on it, and never "add your own address as a peer").
  // - master:33 / slave:5 track-weight-ineffective: the master is 49 + 2 (haproxy) = 51; haproxy
  //   failing leaves 49, equal to the slave's 49 (the slave tracks an undefined `haproxy`, weight 0),
  //   so the VIP does not reliably move.
  // - master:23 weak-auth-pass: 1066, 4 characters.
  "iphizic+haproxy-rebrain": {
    clusters: ["master/VRRP1 + slave/VRRP1"],
    // Both nodes also give the VIP 51.250.13.185/24 `brd 51.224.255.255`, which is not that subnet's
    // broadcast address (51.250.13.255): keepalived installs it as written (vip-odd-prefix).
    findings: ["master:23 weak-auth-pass", "master:30 vip-odd-prefix", "master:33 track-weight-ineffective", "slave:5 track-weight-ineffective", "slave:13 unicast-peer-mismatch", "slave:18 vip-odd-prefix"],
  },
  // Both nodes are BACKUP at 99 with the same +2 tracker (101 each, no nopreempt): equal priorities,
  // the higher IP address decides who is master: duplicate-priority on both, and 1111 is weak.
  "meishd+mkf": {
    clusters: ["master/VI_1 + slave/VI_1"],
    findings: ["master:21 duplicate-priority", "master:25 weak-auth-pass", "slave:20 duplicate-priority"],
  },
};

function clustersDir(): string | undefined {
  const shared = sharedDir();
  return shared && path.join(shared, "corpus", "real-world", "clusters");
}

test("every folder of real-world clusters/ has its expected findings written down here", (t) => {
  const dir = clustersDir();
  if (!dir || !fs.existsSync(dir)) return t.skip("../shared/corpus/real-world/clusters is absent");
  const folders = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory());
  assert.deepEqual(folders.sort(), Object.keys(EXPECTED).sort());
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`real-world cluster ${name}: pairs and cross-file findings as an operator would agree`, (t) => {
    const dir = clustersDir();
    if (!dir || !fs.existsSync(path.join(dir, name))) return t.skip("../shared/corpus/real-world/clusters is absent");
    const files = fs.readdirSync(path.join(dir, name)).map((node) => path.join(dir, name, node, "keepalived.conf"));
    const ws = new Workspace({});
    ws.addFiles(files);
    const folder = (file: string) => path.basename(path.dirname(file));
    const clusters = ws.clusters().clusters.map((c) => c.members.map((m) => `${folder(m.node.root)}/${m.name}`).join(" + "));
    assert.deepEqual(clusters.sort(), [...expected.clusters].sort(), "pairing");
    const findings = ws
      .diagnostics()
      .filter((d) => CLUSTER_CODES.has(d.code))
      .map((d) => `${folder(d.file)}:${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(findings.sort(), [...expected.findings].sort());
  });
}
