// Commands that write files or run programs, and why each waits for workspace trust. package.json
// hides them in Restricted Mode (`isWorkspaceTrusted`) and trust.ts refuses them if invoked anyway.
export const COMMANDS_NEEDING_TRUST = {
  "keepalived.createPeerConfig": "Create Peer Config writes a new file",
  "keepalived.whatWillThisChangeDo": "What Will This Change Do? runs git to read the committed version",
} as const;
