// A firewall-mark virtual_server matches packets by mark, whatever their protocol: keepalived
// ignores `protocol` there ("protocol specified for fwmark - protocol will be ignored").
import type { NodeRule } from "../check/rule";

export const fwmarkProtocolRule: NodeRule = {
  code: "fwmark-protocol",
  perStatement: true,
  checkNode({ annotated, report }) {
    // Indexed: a for-of, before the optimizer steps in, makes an iterator result per step (this runs per top-level statement).
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      if (a.spec?.name !== "virtual_server" || a.statement.args[0]?.text !== "fwmark") continue;
      for (const c of a.statement.children ?? []) {
        if (c.keyword.text !== "protocol") continue;
        report({
          file: c.keyword.file,
          range: c.keyword.range,
          severity: "warning",
          code: "fwmark-protocol",
          message: "A fwmark virtual_server ignores 'protocol': the firewall mark alone selects the packets",
        });
      }
    }
  },
};
