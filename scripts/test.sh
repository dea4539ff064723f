#!/usr/bin/env bash
# Install copylint with its test dependencies, fetch and start a local LanguageTool server, run the whole suite.
# Used by the README quick start and by .ci/run. Exit status is pytest's (and non-zero when no test ran).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 -m pip install -q -e '.[test]'
bash scripts/languagetool.sh start
set +e
python3 -m pytest -q -p no:cacheprovider "$@"
status=$?
set -e
if [[ $status -eq 5 ]]; then
  echo "test.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit $status
