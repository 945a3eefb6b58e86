#!/usr/bin/env bash
# Regenerates the README's VS Code pictures (docs/images/vscode-*.png) from the end-to-end run:
# Problems with the peer linked (step 2), the failover topology after lb-a fails (step 5) and the
# comparison with the mismatch highlighted (step 6), the editor with inlay hints, status bar and hover
# (step 8), the enum quick fix (step 9), the topology under a dark theme (step 11) and the Getting
# Started walkthrough (step 14).
#
#   bash scripts/screenshots.sh            # installs code-server if needed, runs npm run test:e2e, copies
#   bash scripts/screenshots.sh --no-run   # copies the artifacts of the last e2e run
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-run" ]; then
  bash scripts/install-code-server.sh >/dev/null
  # A failed step would leave a stale or missing picture: only a green run updates the README.
  npm run test:e2e || { echo "screenshots: npm run test:e2e failed; docs/images left as they were" >&2; exit 1; }
fi

mkdir -p docs/images
copy() {
  local from="test-artifacts/$1" to="docs/images/$2"
  [ -s "$from" ] || { echo "screenshots: $from missing (run npm run test:e2e)" >&2; exit 1; }
  cp "$from" "$to"
  echo "$to ($(wc -c <"$to") bytes) from $from"
}
copy e2e-problems.png vscode-problems.png
copy e2e-topology-failover.png vscode-topology.png
copy e2e-compare.png vscode-compare.png
copy e2e-editor.png vscode-editor.png
copy e2e-quickfix.png vscode-quickfix.png
copy e2e-walkthrough.png vscode-walkthrough.png
copy e2e-topology-dark.png vscode-topology-dark.png
