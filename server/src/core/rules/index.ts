// Every single-node and single-file rule. Cross-file (cluster) rules live in cluster/.
import type { FileRule, NodeRule } from "../check/rule";
import { syntaxRule } from "./syntax";
import { unknownKeywordRule } from "./unknown-keyword";
import { invalidValueRule } from "./invalid-value";
import { missingRequiredRule } from "./missing-required";
import { duplicateNameRule } from "./duplicate-name";
import { duplicateKeywordRule, duplicateTopLevelKeywordRule } from "./duplicate-keyword";
import { deprecatedKeywordRule, deprecatedLvsSyncDaemonRule } from "./deprecated-keyword";
import { authPassTruncatedRule } from "./auth-pass-truncated";
import { undefinedReferenceRule } from "./undefined-reference";
import { unusedDefinitionRule } from "./unused-definition";
import { includeNotFoundRule } from "./include-not-found";
import { includeCycleRule } from "./include-cycle";
import { keywordNotInVersionRule } from "./keyword-not-in-version";
import { unmatchedBraceRule } from "./unmatched-brace";
import { routeNotTrackedRule } from "./route-not-tracked";
import { ruleNoPreferenceRule } from "./rule-no-preference";
import { strictModeConflictRule } from "./strict-mode-conflict";
import { addressOwnerRule } from "./address-owner";
import { authAhMasterRule } from "./auth-ah-master";
import { fwmarkProtocolRule } from "./fwmark-protocol";
import { noVirtualAddressRule } from "./no-virtual-address";
import { scriptSecurityRule } from "./script-security";
import { notifyScriptMissingRule } from "./notify-script-missing";
import { vrrpFirewallHintRule } from "./vrrp-firewall-hint";
import { tooManyVipsRule } from "./too-many-vips";
import { undefinedVariableRule } from "./undefined-variable";
import { nopreemptIgnoredRule } from "./nopreempt-ignored";
import { preemptDelayIgnoredRule } from "./preempt-delay-ignored";
import { expansionLimitRule } from "./expansion-limit";

export const FILE_RULES: FileRule[] = [syntaxRule];

export const NODE_RULES: NodeRule[] = [
  unknownKeywordRule,
  invalidValueRule,
  missingRequiredRule,
  duplicateNameRule,
  duplicateKeywordRule,
  duplicateTopLevelKeywordRule,
  deprecatedKeywordRule,
  deprecatedLvsSyncDaemonRule,
  authPassTruncatedRule,
  undefinedReferenceRule,
  unusedDefinitionRule,
  includeNotFoundRule,
  includeCycleRule,
  keywordNotInVersionRule,
  unmatchedBraceRule,
  routeNotTrackedRule,
  ruleNoPreferenceRule,
  strictModeConflictRule,
  addressOwnerRule,
  authAhMasterRule,
  fwmarkProtocolRule,
  noVirtualAddressRule,
  scriptSecurityRule,
  notifyScriptMissingRule,
  vrrpFirewallHintRule,
  tooManyVipsRule,
  undefinedVariableRule,
  nopreemptIgnoredRule,
  preemptDelayIgnoredRule,
  expansionLimitRule,
];
