// The 5,000-line file the timings are taken on, shared by scripts/bench-lsp.mjs and the e2e test
// (10 vrrp_scripts, then vrrp_instances of 17 lines each), so the e2e and protocol figures compare.
export function instance(i: number, state: string, priority: number): string[] {
  return [
    `vrrp_instance VI_${i} {`,
    `    state ${state}`,
    `    interface eth${Math.floor(i / 250)}`,
    `    virtual_router_id ${(i % 250) + 1}`,
    `    priority ${priority}`,
    `    advert_int 1`,
    `    authentication {`,
    `        auth_type PASS`,
    `        auth_pass pw${i}`,
    `    }`,
    `    virtual_ipaddress {`,
    `        10.${Math.floor(i / 250)}.${i % 250}.1/24`,
    `    }`,
    `    track_script {`,
    `        chk_${i % 10}`,
    `    }`,
    `}`,
    ``,
  ];
}

export function benchFile(lines: number): string {
  const out = ["! Configuration File for keepalived", "global_defs {", "    router_id bench", "}", ""];
  for (let s = 0; s < 10; s++) out.push(`vrrp_script chk_${s} {`, `    script "/bin/true"`, `    interval 2`, `}`, ``);
  for (let i = 0; out.length < lines; i++) out.push(...instance(i, "MASTER", 100));
  return out.slice(0, lines).join("\n") + "\n";
}
