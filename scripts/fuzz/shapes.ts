// Hostile and unlucky inputs, as files of a workspace (name → text). Each one once crashed or hung
// the server (issue 12); the robustness tests and `npm run fuzz` both use them.
export type Files = Record<string, string>;

const repeat = (s: string, n: number) => s.repeat(n);

export const SHAPES: Record<string, () => Files> = {
  fwmarkWithoutNumber: () => ({ "keepalived.conf": "virtual_server fwmark {\n  delay_loop 6\n}\n" }),
  deepNesting: () => ({ "keepalived.conf": "global_defs " + repeat("x {\n", 10000) + repeat("}\n", 10000) }),
  deepNestingUnclosed: () => ({ "keepalived.conf": repeat("vrrp_instance {\n", 10000) }),
  manyDiagnostics: () => ({ "keepalived.conf": repeat("vrrp_instance VI {\n virtual_router_id 300\n priority 999\n}\n", 50000) }),
  unknownKeywords: () => ({ "keepalived.conf": repeat("no_such_keyword 1\n", 200000) }),
  exponentialDefinitions: () => ({
    "keepalived.conf": Array.from({ length: 31 }, (_, i) => `$A${i}=$A${i + 1}$A${i + 1}`).join("\n") + "\nglobal_defs {\n  router_id $A0\n}\n",
  }),
  selfReference: () => ({ "keepalived.conf": "$A=$A x\nglobal_defs {\n  router_id $A\n}\n" }),
  // Found by the campaign (out of memory): each round triples the text, and every line holds 1 MB of it.
  triplingSelfReference: () => ({ "keepalived.conf": "$X=ab $X $X $X {\n" + "$X\n".repeat(50) }),
  // Found by the campaign: picomatch throws on patterns over 64 KB.
  longIncludePattern: () => ({ "keepalived.conf": "include " + repeat("x", 70000) + "*.conf\n" }),
  // Found by the campaign (21 s on 7 KB): a $VAR made one include pattern 190 KB long with ten braces.
  longBracePattern: () => ({ "keepalived.conf": "include \"" + repeat("{a,b}", 10) + repeat("x", 60_000) + ".conf\"\n" }),
  selfReferringBlock: () => ({ "keepalived.conf": "$B=global_defs { \\\n  $B \\\n}\n$B\n" }),
  sequenceOfIncludes: () => ({
    "keepalived.conf": "~SEQ(i,1,4096) include b.conf\n",
    "b.conf": "~SEQ(j,1,4096) vrrp_script s$j {\n  script /bin/true\n}\n",
  }),
  // 1 MB of ~SEQ lines: past the statement cap, each line still built its 4,096 bindings (40 s).
  manySequenceLines: () => ({ "keepalived.conf": repeat("~SEQ(i,1,4096) vrrp_script s$i {\n}\n", 30000) }),
  diamondIncludes: () => ({
    "keepalived.conf": repeat("include a.conf\n", 200),
    "a.conf": repeat("include b.conf\n", 200),
    "b.conf": repeat("vrrp_script s {\n  script /bin/true\n}\n", 200),
  }),
  sharedVrids: () => ({
    "keepalived.conf": Array.from({ length: 2000 }, (_, i) => `vrrp_instance VI_${i} {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.${i >> 8}.${i & 255}/24\n  }\n}\n`).join(""),
  }),
  // 1 MB of instances, each its own cluster: the topology filtered every diagnostic for every cluster.
  manyClusters: () => ({
    "keepalived.conf": Array.from({ length: 20000 }, (_, i) => `vrrp_instance V${i} {\n virtual_router_id 51\n bogus ${i}\n}\n`).join(""),
  }),
  reversedRangeInclude: () => ({ "keepalived.conf": "include [z-a].conf\n", "b.conf": "" }),
  backtrackingInclude: () => ({ "keepalived.conf": "include *a*a*a*a*a*a*a*b.conf\n", [repeat("a", 200) + ".conf"]: "" }),
  loneCarriageReturns: () => ({ "keepalived.conf": "global_defs {\r  router_id lb1\r  bogus 1\r}\r" }),
  nulAndBom: () => ({ "keepalived.conf": "\ufeffglobal_defs {\n  rou\u0000ter_id lb1\n}\n" }),
  blockInDefinition: () => ({ "keepalived.conf": "$B=vrrp_instance X { \\\n  state FOO \\\n  bogus_kw 1 \\\n}\n\n\n\n\n\n$B\n" }),
  longLine: () => ({ "keepalived.conf": "global_defs {\n router_id " + repeat("x", 2_000_000) + "\n}\n" }),
  manyWordsOnALine: () => ({ "keepalived.conf": "virtual_ipaddress " + repeat("10.0.0.1 ", 100000) + "\n" }),
  manyQuotes: () => ({ "keepalived.conf": repeat('"', 100000) }),
  manyBraces: () => ({ "keepalived.conf": repeat("{", 100000) + repeat("}", 100000) }),
  manyConditions: () => ({ "keepalived.conf": Array.from({ length: 2000 }, (_, i) => `@n${i} global_defs {\n router_id r${i}\n}\n`).join("") }),
  // Found by a CLI fuzz campaign (minutes on 7 MB): the tag scan searched again for an opener that never
  // comes after every tag, the variants compared every block with every branch, and each of the 16
  // variants is a whole check of the file.
  manyTemplateBlocks: () => ({
    "keepalived.conf.j2": Array.from(
      { length: 8000 },
      (_, i) => `{% if a${i} %}\nvrrp_script s${i} {\n{% elif b${i} %}\nvrrp_script t${i} {\n{% elif c${i} %}\nvrrp_script u${i} {\n{% else %}\nvrrp_script v${i} {\n{% endif %}\n  script /bin/true\n}\n`,
    ).join(""),
  }),
  longSequence: () => ({ "keepalived.conf": "~SEQ(i,1,1000000000) ~SEQ(j,1,1000000000) vrrp_script s$i$j {\n script /bin/true\n}\n" }),
};
