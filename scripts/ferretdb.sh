#!/usr/bin/env bash
# Starts FerretDB 1.24 (a MongoDB-wire server) on a loopback port with its SQLite handler, for the
# MongoDB read-store contract suite. No MongoDB or Docker is needed.
#
#   scripts/ferretdb.sh [port]          start (default port 27018), print MONGO_URL, exit 0 once it answers
#   scripts/ferretdb.sh stop [port]     stop the server started for that port
#
# Environment: FERRETDB_BIN (binary to use), FERRETDB_DIR (data + state directory, default a temp dir).
# The pid goes to ${TMPDIR:-/tmp}/ferretdb-<port>.pid so CI can stop it: kill "$(cat that-file)".
set -euo pipefail

VERSION=v1.24.2
command="start"
if [[ "${1:-}" == "stop" || "${1:-}" == "start" ]]; then command="$1"; shift; fi
PORT="${1:-27018}"
PIDFILE="${TMPDIR:-/tmp}/ferretdb-${PORT}.pid"

if [[ "$command" == "stop" ]]; then
  if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill "$(cat "$PIDFILE")"
    echo "FerretDB on port ${PORT} stopped"
  fi
  rm -f "$PIDFILE"
  exit 0
fi

GOBIN_DIR="$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
BIN="${FERRETDB_BIN:-$GOBIN_DIR/ferretdb}"

# `go install` builds FerretDB without build/version/version.txt (a generated file that is not in the
# module), and such a binary panics at start. Rebuild it from the module source with that file.
usable() { "$1" --version >/dev/null 2>&1; }
if ! usable "$BIN"; then
  if [[ ! -x "$BIN" ]]; then
    echo "Installing FerretDB ${VERSION} (go install)…" >&2
    go install "github.com/FerretDB/FerretDB/cmd/ferretdb@${VERSION}"
  fi
  if ! usable "$BIN"; then
    echo "Rebuilding FerretDB ${VERSION} with its version file…" >&2
    src="$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@${VERSION}"
    work="$(mktemp -d)"
    cp -r "$src" "$work/ferretdb"
    chmod -R u+w "$work/ferretdb"
    echo "$VERSION" >"$work/ferretdb/build/version/version.txt"
    (cd "$work/ferretdb" && go build -o "$BIN" ./cmd/ferretdb)
    rm -rf "$work"
    usable "$BIN" || { echo "FerretDB binary at $BIN does not start" >&2; exit 1; }
  fi
fi

if [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "FerretDB already running on port ${PORT} (pid $(cat "$PIDFILE"))" >&2
  echo "MONGO_URL=mongodb://127.0.0.1:${PORT}/"
  exit 0
fi

DIR="${FERRETDB_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/ferretdb-${PORT}.XXXXXX")}"
mkdir -p "$DIR/data"
LOG="$DIR/ferretdb.log"

# --debug-addr would otherwise take 127.0.0.1:8088 for every instance: give each its own port.
nohup "$BIN" \
  --handler=sqlite \
  --sqlite-url="file:${DIR}/data/" \
  --state-dir="$DIR" \
  --listen-addr="127.0.0.1:${PORT}" \
  --debug-addr="127.0.0.1:$((PORT + 1000))" \
  --telemetry=disable \
  --log-level=WARN \
  >"$LOG" 2>&1 &
pid=$!
echo "$pid" >"$PIDFILE"

# Ready when the port accepts connections (bash's /dev/tcp: no client tool needed).
for _ in $(seq 1 100); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "FerretDB exited at start; log:" >&2
    cat "$LOG" >&2
    rm -f "$PIDFILE"
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
    echo "FerretDB ${VERSION} listening on 127.0.0.1:${PORT} (pid ${pid}, data ${DIR}, pid file ${PIDFILE})" >&2
    echo "MONGO_URL=mongodb://127.0.0.1:${PORT}/"
    exit 0
  fi
  sleep 0.1
done
echo "FerretDB did not accept connections within 10 s; log:" >&2
cat "$LOG" >&2
kill "$pid" 2>/dev/null || true
rm -f "$PIDFILE"
exit 1
