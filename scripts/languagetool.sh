#!/usr/bin/env bash
# From a checkout: the LanguageTool server script shipped in the package (copylint/server/languagetool.sh), with
# its jars, pid file and log under <repo>/.languagetool unless LANGUAGETOOL_HOME says otherwise.
#   bash scripts/languagetool.sh fetch|start|stop|status|url
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LANGUAGETOOL_HOME="${LANGUAGETOOL_HOME:-$REPO/.languagetool}"
exec bash "$REPO/copylint/server/languagetool.sh" "$@"
