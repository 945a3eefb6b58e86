// Every cross-file rule: per-cluster ones are cached with their cluster, cross-cluster ones always run.
import type { ClusterRule, CrossClusterRule } from "../rule";
import { vridMismatchRule } from "./vrid-mismatch";
import { authMismatchRule } from "./auth-mismatch";
import { vipMismatchRule } from "./vip-mismatch";
import { duplicatePriorityRule } from "./duplicate-priority";
import { advertIntMismatchRule } from "./advert-int-mismatch";
import { versionMismatchRule } from "./version-mismatch";
import { unicastPeerMismatchRule } from "./unicast-peer-mismatch";
import { multipleAddressOwnersRule } from "./multiple-address-owners";
import { trackWeightIneffectiveRule } from "./track-weight-ineffective";
import { vridConflictRule } from "./vrid-conflict";
import { weakAuthPassRule, sharedAuthPassRule } from "./weak-auth-pass";
import { nopreemptBlocksFailoverRule } from "./nopreempt-blocks-failover";
import { vipIsNodeAddressRule } from "./vip-is-node-address";
import { vipOutsideSubnetRule } from "./vip-outside-subnet";
import { vipOddPrefixRule } from "./vip-odd-prefix";
import { preemptDelayNeverUsedRule } from "../../rules/preempt-delay-ignored";

export const CLUSTER_RULES: ClusterRule[] = [
  vridMismatchRule,
  authMismatchRule,
  vipMismatchRule,
  duplicatePriorityRule,
  advertIntMismatchRule,
  versionMismatchRule,
  unicastPeerMismatchRule,
  multipleAddressOwnersRule,
  trackWeightIneffectiveRule,
  weakAuthPassRule,
  nopreemptBlocksFailoverRule,
  vipIsNodeAddressRule,
  vipOutsideSubnetRule,
  vipOddPrefixRule,
  preemptDelayNeverUsedRule,
];

export const CROSS_CLUSTER_RULES: CrossClusterRule[] = [vridConflictRule, sharedAuthPassRule];
