// BFD (RFC 5880) sessions: the top-level bfd_instance block and its keywords.
// Facts follow keepalived/bfd/bfd_parser.c (init_bfd_keywords and its handlers); docs are ours.
// The bfd_* process settings of global_defs are registered by core/global_parser.c and live elsewhere.
import { ArgSpec, KeywordSpec, TOP } from "../types";
import { optBool } from "./common";


/** Intervals are read in milliseconds with up to three decimals (microsecond resolution);
 *  the upper bound is UINT32_MAX / 1000. */
const INTERVAL_MAX_MS = 4294967;
const ms = (min: number): ArgSpec => ({ label: "milliseconds", type: { kind: "decimal", min, max: INTERVAL_MAX_MS } });

const BFD = "bfd_instance";

export const keywords: KeywordSpec[] = [
  {
    name: "bfd_instance",
    blocks: [TOP],
    args: [{ label: "name", type: { kind: "name" } }],
    body: { kind: "keywords", blockId: BFD },
    repeatable: true,
    doc:
      "Runs a Bidirectional Forwarding Detection session with one neighbour, so that link or peer failure is noticed within milliseconds. VRRP instances (track_bfd) and real servers (BFD_CHECK) refer to it by name, which must be unique and at most 31 characters. A neighbor_ip (or neighbour_ip) is required.",
  },
  {
    name: "neighbor_ip",
    blocks: [BFD],
    args: [{ label: "address", type: { kind: "ip" } }],
    doc: "Address of the BFD peer. Each neighbour (with a given source address) may appear in only one bfd_instance; without it the instance is disabled.",
  },
  {
    name: "neighbour_ip",
    blocks: [BFD],
    args: [{ label: "address", type: { kind: "ip" } }],
    doc: "British spelling of `neighbor_ip`, accepted with the same meaning.",
  },
  {
    name: "source_ip",
    blocks: [BFD],
    args: [{ label: "address", type: { kind: "ip" } }],
    doc: "Local address to send BFD packets from; it must belong to the same family as the neighbour. Setting it is advisable so that the local end of the session is well defined.",
  },
  {
    name: "min_rx",
    blocks: [BFD],
    args: [ms(1)],
    default: "10",
    doc: "Shortest interval, in milliseconds, at which this side is willing to receive BFD control packets. Fractions down to a microsecond are allowed; values above 10000 are accepted but logged as unusual.",
  },
  {
    name: "min_tx",
    blocks: [BFD],
    args: [ms(1)],
    default: "10",
    doc: "Interval, in milliseconds, at which this side would like to send BFD control packets while the session is up. Fractions down to a microsecond are allowed.",
  },
  {
    name: "idle_tx",
    blocks: [BFD],
    args: [ms(1000)],
    default: "1000",
    doc: "Slower sending interval, in milliseconds, used while the session is not up. Must be at least one second.",
  },
  {
    name: "multiplier",
    blocks: [BFD],
    args: [{ label: "count", type: { kind: "int", min: 1, max: 255 } }],
    default: "5",
    doc: "Detection multiplier: the number of consecutive control packets that may go missing before the peer is treated as lost.",
  },
  {
    name: "passive",
    blocks: [BFD],
    args: [],
    doc: "Wait for the peer to start the session instead of sending control packets first.",
  },
  {
    name: "ttl",
    blocks: [BFD],
    args: [{ label: "ttl", type: { kind: "int", min: 1, max: 255 } }],
    doc: "IPv4 TTL put on outgoing BFD packets (255 when absent). Same setting as `hoplimit`.",
  },
  {
    name: "hoplimit",
    blocks: [BFD],
    args: [{ label: "hops", type: { kind: "int", min: 1, max: 255 } }],
    doc: "IPv6 hop limit put on outgoing BFD packets (64 when absent). Same setting as `ttl`.",
  },
  {
    name: "max_hops",
    blocks: [BFD],
    args: [{ label: "hops", type: { kind: "int", min: -1, max: 255 } }],
    default: "0",
    doc: "How far the TTL/hop limit of received packets may have dropped below the sent value before they are discarded. 0 accepts only directly connected peers, while 255 switches the test off. It is capped at ttl/hoplimit.",
  },
  {
    name: "multihop",
    blocks: [BFD],
    args: [optBool()],
    doc: "Use the multi-hop BFD port 4784 (RFC 5883) instead of 3784. Routed paths usually also need a larger max_hops. Without a value it means on.",
  },
  {
    name: "weight",
    blocks: [BFD],
    args: [
      { label: "weight", type: { kind: "int", min: -253, max: 253 } },
      { label: "reverse", type: { kind: "enum", values: ["reverse"] }, optional: true },
    ],
    default: "0",
    doc:
      "Default priority change for VRRP instances that track this session without giving their own weight. Normally a positive value is added while the session is up and a negative one subtracted while it is down; `reverse` inverts that. Weight 0 puts a tracking instance into fault while the session is down (while it is up, with `reverse`).",
  },
  {
    name: "vrrp",
    blocks: [BFD],
    args: [],
    doc: "Send this session's state changes only to the VRRP process. With neither `vrrp` nor `checker`, both processes are told.",
  },
  {
    name: "checker",
    blocks: [BFD],
    args: [],
    doc: "Send this session's state changes only to the health-checker process (BFD_CHECK). With neither `vrrp` nor `checker`, both processes are told.",
  },
];
