#!/usr/bin/env bash
# LanguageTool for copylint: fetch the pinned server jars from Maven Central, start/stop a local HTTP server.
# Shipped inside the copylint package (with the pom and the overlay beside it); run it as
# `copylint languagetool fetch|start|stop|status`, or from a checkout as `bash scripts/languagetool.sh ...`.
#
#   languagetool.sh fetch    # mvn dependency:copy-dependencies into $LANGUAGETOOL_HOME/lib-VERSION (once)
#   languagetool.sh start    # fetch if needed, start on 127.0.0.1:$LANGUAGETOOL_PORT, warm it with a real check
#   languagetool.sh status   # exit 0 when the server answers, 1 when not
#   languagetool.sh stop     # stop the server started by this script (pid file)
#
# Environment: LANGUAGETOOL_HOME (default $XDG_DATA_HOME/copylint/languagetool, i.e. ~/.local/share/...; a
# checkout's scripts/languagetool.sh uses <repo>/.languagetool), LANGUAGETOOL_PORT (default 8081),
# LANGUAGETOOL_HEAP (default 1g), JAVA (default java), MVN (default mvn). Needs Java 17+ and mvn.
# Every command is idempotent: fetch skips a complete download, start leaves a running server alone.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="6.8"   # keep in step with <languagetool.version> in languagetool-pom.xml beside this script
POM="$HERE/languagetool-pom.xml"
OVERLAY="$HERE/languagetool-overlay"
LT_HOME="${LANGUAGETOOL_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/copylint/languagetool}"
LIB="$LT_HOME/lib-$VERSION"
PORT="${LANGUAGETOOL_PORT:-8081}"
HEAP="${LANGUAGETOOL_HEAP:-1g}"
JAVA="${JAVA:-java}"
MVN="${MVN:-mvn}"
PIDFILE="$LT_HOME/server-$PORT.pid"
LOG="$LT_HOME/server-$PORT.log"
URL="http://127.0.0.1:$PORT"

say() { echo "languagetool: $*" >&2; }
# A first check loads LanguageTool's rules and dictionaries (a minute or more on a small machine): start does it,
# so copylint's first check does not. The text has a typo and a grammar slip so the speller and the rules load.
WARM_TEXT="The goverment said on Tuesday that the the new bridge will open in March. Its a important step for the region, officials said."

answers() {  # true when /v2/languages answers on our port
  if command -v curl >/dev/null 2>&1; then
    curl -sf --max-time 2 "$URL/v2/languages" >/dev/null 2>&1
  else
    python3 - "$URL/v2/languages" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=2).read()
PY
  fi
}

our_pid() {  # the pid in the pid file when that process is still alive
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch() {
  if [[ -f "$LIB/.complete" ]]; then
    say "LanguageTool $VERSION already fetched in $LIB"
    return 0
  fi
  command -v "$MVN" >/dev/null 2>&1 || { say "mvn not found: install Maven (apt-get install maven)"; exit 2; }
  mkdir -p "$LT_HOME"
  local tmp="$LIB.partial"
  rm -rf "$tmp"
  say "fetching LanguageTool $VERSION (server + English) from Maven Central into $LIB"
  "$MVN" -q -B -Dstyle.color=never -f "$POM" \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp"
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  touch "$LIB/.complete"
  say "fetched $(ls "$LIB" | wc -l) jars ($(du -sh "$LIB" | cut -f1))"
}

start() {
  if answers; then
    say "already running at $URL"
    warm
    return 0
  fi
  fetch
  command -v "$JAVA" >/dev/null 2>&1 || { say "java not found: install a Java 17+ runtime"; exit 2; }
  mkdir -p "$LT_HOME"
  # Server-side result cache and pipeline reuse keep repeated checks of the same text cheap.
  local conf="$LT_HOME/server.properties"
  printf 'cacheSize=2000\ncacheTTLSeconds=3600\npipelineCaching=true\nmaxPipelinePoolSize=50\nmaxTextLength=500000\n' > "$conf"
  say "starting LanguageTool $VERSION on $URL (heap $HEAP, log $LOG)"
  # The overlay folder comes first so its replace_custom.txt wins over the one inside language-en.
  nohup "$JAVA" -Xmx"$HEAP" -Xss2m -cp "$OVERLAY:$LIB/*" org.languagetool.server.HTTPServer \
    --port "$PORT" --config "$conf" >"$LOG" 2>&1 </dev/null &
  echo $! > "$PIDFILE"
  local i
  for i in $(seq 1 120); do
    if answers; then
      say "answering after ${i}s (pid $(cat "$PIDFILE"))"
      warm
      say "ready at $URL"
      return 0
    fi
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      say "server exited during start-up; last lines of $LOG:"
      tail -n 20 "$LOG" >&2
      rm -f "$PIDFILE"
      exit 1
    fi
    sleep 1
  done
  say "server did not answer within 120s; see $LOG"
  exit 1
}

stop() {
  local pid
  if pid="$(our_pid)"; then
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    say "stopped (pid $pid)"
  else
    say "no server started by this script on port $PORT"
  fi
  rm -f "$PIDFILE"
}

post() {  # post FORM-DATA to /v2/check (a long timeout: the first check is the slow one)
  if command -v curl >/dev/null 2>&1; then
    curl -sf --max-time 600 "$@" "$URL/v2/check" >/dev/null
  else
    python3 - "$URL/v2/check" "$@" <<'PY' >/dev/null
import sys, urllib.parse, urllib.request
url, args = sys.argv[1], sys.argv[2:]
fields = [a.split("=", 1) for flag, a in zip(args[::2], args[1::2])]
urllib.request.urlopen(url, urllib.parse.urlencode(fields).encode(), timeout=600).read()
PY
  fi
}

warm() {
  # Through copylint itself when it is installed: the same requests (curated rules, the en-GB second opinion) as a
  # copylint run, so LanguageTool builds its pipeline for exactly those settings now. Else the same checks by hand.
  local t0=$SECONDS py="${COPYLINT_PYTHON:-python3}"
  say "warming up with a first check (loads rules and dictionaries once; can take a minute)..."
  if "$py" -c "import copylint" >/dev/null 2>&1 &&
      LANGUAGETOOL_URL="$URL" "$py" -m copylint languagetool warm --url "$URL"; then
    :
  elif post --data-urlencode "language=en-US" --data-urlencode "text=$WARM_TEXT" &&
      post --data-urlencode "language=en-GB" --data-urlencode "enabledRules=MORFOLOGIK_RULE_EN_GB" \
        --data-urlencode "enabledOnly=true" --data-urlencode "text=$WARM_TEXT"; then
    :
  else
    say "the warm-up check failed; see $LOG"
    return 1
  fi
  say "warm after $((SECONDS - t0))s"
}

status() {
  if answers; then
    local pid
    if pid="$(our_pid)"; then say "running at $URL (pid $pid, LanguageTool $VERSION)"; else say "running at $URL (not started by this script)"; fi
    return 0
  fi
  say "not running at $URL; start it with: copylint languagetool start"
  return 1
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 fetch|start|stop|status|url" >&2; exit 2 ;;
esac
