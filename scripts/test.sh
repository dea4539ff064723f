#!/usr/bin/env bash
# Install copylint with its test dependencies (and, in CI, Chromium), start a local LanguageTool server, run the suite.
# Used by the README quick start and by .ci/run. Exit status is pytest's (and non-zero when no test ran).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -m pip install -q -e '.[test]'
bash scripts/languagetool.sh start
# The HTML report's browser tests need headless Chromium (Debian's package; no browser download).
if ! command -v chromium >/dev/null 2>&1; then
  if [[ "${CI:-}" == "true" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  else
    echo "test.sh: chromium not found; the browser tests will skip (apt-get install -y chromium)" >&2
  fi
fi
set +e
python3 -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [[ $status -eq 5 ]]; then
  echo "test.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit $status
