// Health checkers that live inside a real_server block, and their sub-blocks.
// Facts follow keepalived/check/check_api.c (common keywords) and check_{http,tcp,misc,smtp,dns,udp,ping,file,bfd}.c;
// docs are ours.
import { KeywordSpec } from "../types";
import { optBool, seconds, UINT_MAX, INT_MAX } from "./common";


const WEIGHT_MAX = INT_MAX;

const RS = "real_server";
const HTTP = "HTTP_GET";
const SSL = "SSL_GET";
const TCP = "TCP_CHECK";
const MISC = "MISC_CHECK";
const SMTP = "SMTP_CHECK";
const SMTP_HOST = "SMTP_CHECK/host";
const DNS = "DNS_CHECK";
const UDP = "UDP_CHECK";
const PING = "PING_CHECK";
const FILE = "FILE_CHECK";
const BFD = "BFD_CHECK";
/** The url body of HTTP_GET is "url"; SSL_GET's differs (it also takes tls_compliant). */
const HTTP_URL = "url";
const SSL_URL = "SSL_GET/url";
const URLS = [HTTP_URL, SSL_URL];

/** Blocks that take the connection keywords (install_checker_common_keywords(true)). */
const CONN_BLOCKS = [HTTP, SSL, TCP, SMTP, SMTP_HOST, DNS, UDP, PING];
/** Blocks that take the timing/retry keywords; MISC_CHECK gets those but not the connection ones. */
const COMMON_BLOCKS = [...CONN_BLOCKS, MISC];

export const keywords: KeywordSpec[] = [
  // ---------------------------------------------------------------- checker blocks (in real_server)
  {
    name: "HTTP_GET",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: HTTP },
    repeatable: true,
    doc:
      "Health check that fetches one or more URLs over plain HTTP and compares the status code, and optionally an MD5 digest or a regular expression, of each answer. At least one `url` block is needed or the checker is dropped.",
  },
  {
    name: "SSL_GET",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: SSL },
    repeatable: true,
    doc:
      "Like HTTP_GET, but talks HTTPS. The TLS settings come from the top-level `SSL` block, or from a default context when there is none. At least one `url` block is needed.",
  },
  {
    name: "TCP_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: TCP },
    repeatable: true,
    doc: "Health check that only opens a TCP connection to the server (by default its own address and port) and closes it again; success means the port accepts connections.",
  },
  {
    name: "MISC_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: MISC },
    repeatable: true,
    doc:
      "Health check that runs an external program: exit status 0 means healthy, 1 means failed. With misc_dynamic, other exit codes adjust the server's weight. It has no connection settings of its own.",
  },
  {
    name: "SMTP_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: SMTP },
    repeatable: true,
    doc: "Health check that connects to an SMTP server, waits for its greeting, sends HELO and QUIT, and checks the reply codes.",
  },
  {
    name: "DNS_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: DNS },
    repeatable: true,
    doc: "Health check that sends a DNS query over UDP to the server and expects a valid answer. Unless set otherwise it asks for the SOA record of the root zone and retries three times.",
  },
  {
    name: "UDP_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: UDP },
    repeatable: true,
    doc:
      "Health check that sends a UDP datagram to the server. Without require_reply it fails only when an ICMP error (unreachable host, network or port) comes back, so connect_timeout must leave time for ARP to give up.",
  },
  {
    name: "PING_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: PING },
    repeatable: true,
    doc: "Health check that sends an ICMP (or ICMPv6) echo request and waits for the echo reply. keepalived may widen net.ipv4.ping_group_range so that it can open the ping socket.",
  },
  {
    name: "FILE_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: FILE },
    repeatable: true,
    doc:
      "Ties the real server to a file declared in a top-level `track_file` block. The number in the file, multiplied by the weight, is added to the server's IPVS weight; with weight 0 any non-zero number counts as a failure. Needs a `track_file` line.",
  },
  {
    name: "BFD_CHECK",
    blocks: [RS],
    args: [],
    body: { kind: "keywords", blockId: BFD },
    repeatable: true,
    doc: "Marks the real server down whenever the named `bfd_instance` session is down. Needs a `name` line.",
  },

  // ---------------------------------------------------------------- connection keywords
  {
    name: "connect_ip",
    blocks: CONN_BLOCKS,
    args: [{ label: "address", type: { kind: "ip" } }],
    doc: "Address the checker connects to instead of the real server's own address. It must be of the same family as `bindto` when both are set.",
  },
  {
    name: "connect_port",
    blocks: CONN_BLOCKS,
    args: [{ label: "port", type: { kind: "port" } }],
    doc: "Port the checker connects to instead of the real server's port.",
  },
  {
    name: "bindto",
    blocks: CONN_BLOCKS,
    args: [{ label: "address", type: { kind: "ip" } }],
    doc: "Local source address for the checker's packets. An IPv6 link-local source also needs `bind_if`.",
  },
  {
    name: "bind_port",
    blocks: CONN_BLOCKS,
    args: [{ label: "port", type: { kind: "port" } }],
    doc: "Local source port for the checker's connection.",
  },
  {
    name: "bind_if",
    blocks: CONN_BLOCKS,
    args: [{ label: "interface", type: { kind: "interface" } }],
    doc: "Interface the checker sends from. Required when the destination or source is an IPv6 link-local address.",
  },
  {
    name: "connect_timeout",
    blocks: CONN_BLOCKS,
    args: [seconds(0.000001, 4294.967295)],
    doc: "How long this checker waits for a connection (or reply) before counting the attempt as failed. Inherited from the real server or service when absent, 5 seconds by default.",
  },
  {
    name: "fwmark",
    blocks: CONN_BLOCKS,
    args: [{ label: "mark", type: { kind: "int", min: 0, max: UINT_MAX } }],
    doc: "Firewall mark (SO_MARK) put on the checker's outgoing packets, so that policy routing or netfilter rules can treat them specially.",
  },

  // ---------------------------------------------------------------- timing / retry keywords
  {
    name: "retry",
    blocks: COMMON_BLOCKS,
    args: [{ label: "count", type: { kind: "int", min: 0, max: UINT_MAX } }],
    doc:
      "Extra attempts made before a healthy server is declared failed. Inherited from the real server or service when absent; otherwise 1, except 3 for DNS_CHECK and 0 for MISC_CHECK.",
  },
  {
    name: "delay_before_retry",
    blocks: COMMON_BLOCKS,
    args: [seconds(0)],
    doc:
      "Pause between a failed attempt and its retry. Inherited when absent; otherwise 1 second, 3 seconds for HTTP_GET/SSL_GET, and the checker's delay_loop for DNS_CHECK.",
  },
  {
    name: "warmup",
    blocks: COMMON_BLOCKS,
    args: [seconds(0)],
    doc: "Upper bound of a random wait before the checker's first run, to avoid many checks starting at once. Defaults to the checker's delay_loop; 0 starts immediately.",
  },
  {
    name: "delay_loop",
    blocks: COMMON_BLOCKS,
    args: [seconds(0.000001)],
    doc: "Interval between two runs of this checker. Inherited from the real server or service when absent (60 seconds by default).",
  },
  {
    name: "alpha",
    blocks: COMMON_BLOCKS,
    args: [optBool()],
    doc: "Treat this checker as failed until it succeeds for the first time. Without a value it means on; when absent the real server's setting applies.",
  },
  {
    name: "log_all_failures",
    blocks: COMMON_BLOCKS,
    args: [optBool()],
    doc: "Log every failed attempt, including those on a server that is still considered up, rather than only state changes. Without a value it means on.",
  },

  // ---------------------------------------------------------------- HTTP_GET / SSL_GET
  {
    name: "nb_get_retry",
    blocks: [HTTP, SSL],
    args: [{ label: "count", type: { kind: "int", min: 0, max: UINT_MAX } }],
    deprecated: { replacement: "retry" },
    doc: "Old name for `retry` in HTTP and HTTPS checkers; keepalived still honours it but complains.",
  },
  {
    name: "virtualhost",
    blocks: [HTTP, SSL],
    args: [{ label: "host name", type: { kind: "text" } }],
    doc: "Host header (and SNI name) to send for all URLs of this checker, unless a url sets its own. Overrides the real server's and service's virtualhost.",
  },
  {
    name: "http_protocol",
    blocks: [HTTP, SSL],
    args: [{ label: "version", type: { kind: "enum", values: ["1.0", "1.1", "1.0C", "1.0c"] } }],
    default: "1.0",
    doc: "HTTP version written in the request line. `1.0C` is HTTP/1.0 plus a `Connection: close` header, which 1.1 requests send anyway.",
  },
  {
    name: "enable_sni",
    blocks: [HTTP, SSL],
    args: [optBool()],
    doc: "Send the Server Name Indication extension in the TLS handshake, using the virtualhost (or sni_name) as the name. Without a value it means on; off by default.",
  },
  {
    name: "sni_name",
    blocks: [HTTP, SSL],
    args: [{ label: "name", type: { kind: "text" }, optional: true }],
    doc: "Server name to put in the TLS SNI extension instead of the virtualhost; using it also switches SNI on.",
  },
  {
    name: "fast_recovery",
    blocks: [HTTP, SSL],
    args: [optBool()],
    doc:
      "Check all URLs back to back, without waiting delay_loop between them, when the server starts out failed or is recovering. The server can then come back as soon as every URL has passed. Without a value it means on.",
  },
  {
    name: "tls_compliant",
    blocks: [SSL],
    args: [optBool()],
    doc: "End each TLS session properly by sending a close_notify alert before closing, instead of just dropping the connection. Without a value it means on.",
  },
  {
    name: "url",
    blocks: [HTTP],
    args: [],
    body: { kind: "keywords", blockId: HTTP_URL },
    repeatable: true,
    required: true,
    doc: "One URL to fetch and the conditions its answer must meet. Repeat the block to test several URLs; all must pass. A url without `path` is dropped.",
  },
  {
    name: "url",
    blocks: [SSL],
    args: [],
    body: { kind: "keywords", blockId: SSL_URL },
    repeatable: true,
    required: true,
    doc: "One URL to fetch over HTTPS and the conditions its answer must meet. Repeat the block to test several URLs; all must pass. A url without `path` is dropped.",
  },
  {
    name: "path",
    blocks: URLS,
    args: [{ label: "path", type: { kind: "text" } }],
    required: true,
    doc: "Path (and query string, if any) to request, e.g. `/health`.",
  },
  {
    name: "digest",
    blocks: URLS,
    args: [{ label: "md5", type: { kind: "hex", length: 32 } }],
    doc: "Expected MD5 of the response body as 32 hex digits; a different body fails the check. The `genhash` tool computes it from a live server.",
  },
  {
    name: "status_code",
    blocks: URLS,
    args: [{ label: "code|range", type: { kind: "intRange", min: 100, max: 599 }, optional: true }],
    rest: { label: "code|range", type: { kind: "intRange", min: 100, max: 599 } },
    repeatable: true,
    default: "200-299",
    doc: "HTTP status codes counted as success: single codes or ranges like `200-299`, each between 100 and 599, separated by spaces. Without any, every 2xx answer passes.",
  },
  {
    name: "virtualhost",
    blocks: URLS,
    args: [{ label: "host name", type: { kind: "text" } }],
    doc: "Host header (and SNI name) for this URL only, overriding the checker's, real server's and service's virtualhost.",
  },
  {
    name: "regex",
    blocks: URLS,
    args: [{ label: "pattern", type: { kind: "text" } }],
    doc: "PCRE2 pattern that must be found in the response body for the check to pass. Quote it when it contains spaces.",
  },
  {
    name: "regex_no_match",
    blocks: URLS,
    args: [],
    doc: "Inverts `regex`: the check fails when the pattern is found.",
  },
  {
    name: "regex_options",
    blocks: URLS,
    args: [{ label: "option", type: { kind: "text" }, optional: true }],
    rest: { label: "option", type: { kind: "text" } },
    repeatable: true,
    doc:
      "PCRE2 compile flags for `regex`, e.g. `caseless`, `multiline`, `dotall`, `extended`, `ungreedy` or `utf`, written in lower case and separated by spaces. Unknown names are silently skipped.",
  },
  {
    name: "regex_min_offset",
    blocks: URLS,
    args: [{ label: "bytes", type: { kind: "int" } }],
    doc: "Skip this many bytes of the body before looking for the `regex` match, which saves work on large pages.",
  },
  {
    name: "regex_max_offset",
    blocks: URLS,
    args: [{ label: "bytes", type: { kind: "int" } }],
    doc: "Last position in the body at which a `regex` match may begin.",
  },
  {
    name: "regex_stack",
    blocks: URLS,
    args: [
      { label: "start bytes", type: { kind: "int" } },
      { label: "max bytes", type: { kind: "int" } },
    ],
    doc: "Initial and maximum size of the PCRE2 JIT stack, for patterns too complex for the default stack. The first value must not exceed the second.",
  },
  {
    name: "tls_compliant",
    blocks: [SSL_URL],
    args: [optBool()],
    doc: "Send a TLS close_notify alert before closing the connection for this URL. Without a value it means on.",
  },

  // ---------------------------------------------------------------- SMTP_CHECK
  {
    name: "helo_name",
    blocks: [SMTP],
    args: [{ label: "name", type: { kind: "text" } }],
    default: "smtpchecker.keepalived.org",
    doc: "Name the checker announces in its SMTP HELO command.",
  },
  {
    name: "host",
    blocks: [SMTP],
    args: [],
    body: { kind: "keywords", blockId: SMTP_HOST },
    repeatable: true,
    deprecated: { note: "Define a separate SMTP_CHECK block for each destination instead." },
    doc: "Old way to test extra SMTP destinations from one checker: each block holds its own connection settings and becomes a separate check. Prefer several SMTP_CHECK blocks.",
  },

  // ---------------------------------------------------------------- DNS_CHECK
  {
    name: "type",
    blocks: [DNS],
    args: [
      {
        label: "record type",
        type: { kind: "enum", values: ["A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY"], caseInsensitive: true },
      },
    ],
    default: "SOA",
    doc: "Record type the DNS query asks for.",
  },
  {
    name: "name",
    blocks: [DNS],
    args: [{ label: "domain", type: { kind: "text" } }],
    default: ".",
    doc: "Domain name to query. It must not contain empty labels (two dots in a row); the root zone is used when absent.",
  },

  // ---------------------------------------------------------------- MISC_CHECK
  {
    name: "misc_path",
    blocks: [MISC],
    args: [{ label: "command", type: { kind: "script" } }],
    required: true,
    doc: "Program to run as the check, with its arguments; quote the whole command line when it has spaces. Without it the checker is dropped.",
  },
  {
    name: "misc_timeout",
    blocks: [MISC],
    args: [{ label: "seconds", type: { kind: "int", min: 0, max: 4294 } }],
    doc: "Whole seconds the program may run before it is killed and the check counts as failed. When absent or 0, the service's delay_loop is used.",
  },
  {
    name: "misc_dynamic",
    blocks: [MISC],
    args: [],
    doc:
      "Let the program's exit code steer the weight: 0 means up with the weight unchanged, 1 means failed, and a code from 2 to 255 means up with weight set to code minus 2 (when it is the only dynamic checker of the server).",
  },
  {
    name: "user",
    blocks: [MISC],
    args: [
      { label: "user", type: { kind: "text" } },
      { label: "group", type: { kind: "text" }, optional: true },
    ],
    doc: "Account (and optionally group) to run the program as; without a group the user's primary group is used. Defaults to global_defs script_user.",
  },

  // ---------------------------------------------------------------- UDP_CHECK
  {
    name: "payload",
    blocks: [UDP],
    args: [{ label: "hex", type: { kind: "hex" } }],
    rest: { label: "hex", type: { kind: "hex" } },
    doc: "Data to send, as hex digits that may be split by spaces into groups (a one-digit group is one byte). Without it a random payload is sent.",
  },
  {
    name: "require_reply",
    blocks: [UDP],
    args: [{ label: "hex", type: { kind: "text" }, optional: true }],
    rest: { label: "hex", type: { kind: "text" } },
    doc:
      "Only count the check as passed when a reply arrives whose length lies within min/max_reply_length. If hex data is given, the reply must start with it; an `x` digit matches anything.",
  },
  {
    name: "min_reply_length",
    blocks: [UDP],
    args: [{ label: "bytes", type: { kind: "int", min: 0, max: 65535 } }],
    default: "0",
    doc: "Shortest reply accepted when require_reply is set.",
  },
  {
    name: "max_reply_length",
    blocks: [UDP],
    args: [{ label: "bytes", type: { kind: "int", min: 0, max: 65535 } }],
    default: "255",
    doc: "Longest reply accepted when require_reply is set.",
  },

  // ---------------------------------------------------------------- FILE_CHECK
  {
    name: "track_file",
    blocks: [FILE],
    args: [{ label: "track_file name", type: { kind: "name" } }],
    required: true,
    doc: "Name of the top-level `track_file` block whose file this checker follows. That block must be defined first, otherwise the checker is dropped.",
  },
  {
    name: "weight",
    blocks: [FILE],
    args: [
      { label: "multiplier", type: { kind: "int", min: -WEIGHT_MAX, max: WEIGHT_MAX } },
      { label: "reverse", type: { kind: "enum", values: ["reverse", "noreverse"] }, optional: true },
    ],
    doc:
      "Multiplier applied to the number read from the file before it is added to the server's weight; `reverse` makes a larger number lower the weight instead of raising it. When absent, the weight from the track_file block is used.",
  },

  // ---------------------------------------------------------------- BFD_CHECK
  {
    name: "name",
    blocks: [BFD],
    args: [{ label: "bfd_instance", type: { kind: "name" } }],
    required: true,
    doc: "Name of the `bfd_instance` whose session state this checker follows.",
  },
  {
    name: "alpha",
    blocks: [BFD],
    args: [optBool()],
    doc: "Consider the server failed until the BFD session has been seen up once. Without a value it means on.",
  },
];
