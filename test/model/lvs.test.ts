// The typed LVS/BFD model read from real configs: what an operator would look for in each service.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { workspaceOf, sharedDir } from "../helpers";
import { extractLvs } from "../../server/src/core/model/lvs";

function lvsOf(text: string) {
  return extractLvs(workspaceOf({ "keepalived.conf": text }).nodes()[0].config.statements);
}

test("virtual servers by address, fwmark and group, with real servers and checkers", () => {
  const m = lvsOf(`virtual_server_group WEB {
  10.0.0.1 80
  fwmark 7
}
virtual_server 192.0.2.1 443 {
  lvs_sched wrr
  lb_kind DR
  protocol TCP
  delay_loop 6
  sorry_server 10.0.0.99 443
  real_server 10.0.0.1 443 {
    weight 3
    SSL_GET {
      url {
        path /health
        status_code 200-299
      }
      connect_timeout 3
      retry 2
    }
  }
  real_server 10.0.0.2 443 {
    MISC_CHECK {
      misc_path "/usr/local/bin/check 10.0.0.2"
    }
  }
}
virtual_server fwmark 7 {
  real_server 10.0.0.3 80 {
  }
}
virtual_server group WEB {
}
bfd_instance B1 {
  neighbor_ip 10.0.0.2
  min_rx 100
}
`);
  assert.deepEqual(m.groups.map((g) => [g.name, g.entries]), [["WEB", ["10.0.0.1 80", "fwmark 7"]]]);
  assert.deepEqual(m.virtualServers.map((v) => [v.kind, v.address ?? v.fwmark ?? v.group, v.port]), [["address", "192.0.2.1", 443], ["fwmark", 7, undefined], ["group", "WEB", undefined]]);
  const vs = m.virtualServers[0];
  assert.equal(vs.scheduler?.value, "wrr");
  assert.equal(vs.method?.value, "DR", "the old lb_kind spelling is read too");
  assert.equal(vs.delayLoop?.value, 6);
  assert.deepEqual(vs.sorryServer && [vs.sorryServer.address, vs.sorryServer.port], ["10.0.0.99", 443]);
  const [rs1, rs2] = vs.realServers;
  assert.equal(rs1.weight?.value, 3);
  assert.equal(rs1.checkers[0].kind, "SSL_GET");
  assert.equal(rs1.checkers[0].urls[0].path?.value, "/health");
  assert.deepEqual(rs1.checkers[0].urls[0].statusCodes, ["200-299"]);
  assert.equal(rs1.checkers[0].connectTimeout?.value, 3);
  assert.equal(rs1.checkers[0].retry?.value, 2);
  assert.equal(rs2.checkers[0].miscPath?.value, "/usr/local/bin/check 10.0.0.2");
  assert.equal(rs1.weight?.word?.range.start.line, 11, "values keep the line they came from");
  assert.deepEqual(m.bfdInstances.map((b) => [b.name, b.neighbor?.value, b.minRx?.value]), [["B1", "10.0.0.2", 100]]);
});

test("every virtual_server of keepalived's own samples has its real servers and checkers", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent (a fresh clone): no corpus");
  const dir = path.join(shared, "corpus", "keepalived-samples");
  let services = 0;
  for (const name of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    const written = (text.match(/^\s*virtual_server\s/gm) ?? []).length;
    const m = lvsOf(text);
    assert.equal(m.virtualServers.length, written, name);
    for (const vs of m.virtualServers) {
      services++;
      for (const rs of vs.realServers) assert.ok(rs.address, `${name}: real_server without address`);
    }
  }
  assert.ok(services >= 10, `only ${services} services read`);
});
