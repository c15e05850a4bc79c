#!/usr/bin/env bash
# Fuzzes the API from its own OpenAPI document with schemathesis (issue #13, ADR 0021), against a server started
# here on the loopback with a fresh data directory: once anonymous, once logged in as a Département agent (session
# cookie + X-CSRF-Token header, as the web app sends them). Every check runs (schemathesis.toml); tests/fuzz/gate.py
# fails the run on a 5xx, an answer that does not match its declared status, type or schema, a wrong answer to an
# undeclared method or auth not enforced, and prints the request-side findings without failing on them.
#
#   npm run build:server && npm run test:fuzz
#
# (One worker: hypothesis trips over a CPython 3.11 ast bug when two threads generate at once.)
# Environment: FUZZ_PORT (3199), FUZZ_SECONDS_ANONYMOUS (60), FUZZ_SECONDS_AGENT (120), FUZZ_SEED (random),
# SCHEMATHESIS (.tmp/fuzz-venv/bin/schemathesis: `python3 -m venv .tmp/fuzz-venv &&
# .tmp/fuzz-venv/bin/pip install -r tests/fuzz/requirements.txt`).
set -euo pipefail
cd "$(dirname "$0")/../.."
PATH="$PWD/node_modules/.bin:$PATH"

PORT="${FUZZ_PORT:-3199}"
BASE="http://127.0.0.1:${PORT}"
SCHEMATHESIS="${SCHEMATHESIS:-.tmp/fuzz-venv/bin/schemathesis}"
SEED="${FUZZ_SEED:-$RANDOM}"
REPORTS=".tmp/fuzz-reports"
[ -x "$SCHEMATHESIS" ] || { echo "schemathesis is missing: python3 -m venv .tmp/fuzz-venv && .tmp/fuzz-venv/bin/pip install -r tests/fuzz/requirements.txt" >&2; exit 1; }
[ -f apps/api/dist/main.js ] || { echo "build the server first: npm run build:server" >&2; exit 1; }

# Another server already on the port would be fuzzed instead of this build's: refuse.
if curl -s -o /dev/null "$BASE/api/health/live"; then echo "port ${PORT} is already taken: stop that server or set FUZZ_PORT" >&2; exit 1; fi
DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/carnet-fuzz-XXXXXX")"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
# Rate limits would turn most of a fuzzer's requests into 429s: off here (their own tests cover them).
PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$DATA_DIR" PUBLIC_RATE_LIMIT_PER_MINUTE=0 READ_WAIT_TIMEOUT_MS=1000 \
  node apps/api/dist/main.js > "$REPORTS/server.log" 2>&1 &
SERVER=$!
stop() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA_DIR"
}
trap stop EXIT
for _ in $(seq 1 120); do
  curl -fs "$BASE/api/health" > /dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$REPORTS/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/api/health" > /dev/null

# The hooks (tests/fuzz/hooks.py) read the money fields from the document this server serves.
curl -fs "$BASE/api/openapi.json" > "$DATA_DIR/openapi.json"
export FUZZ_OPENAPI_FILE="$DATA_DIR/openapi.json"
export SCHEMATHESIS_HOOKS=hooks
export PYTHONPATH="$PWD/tests/fuzz${PYTHONPATH:+:$PYTHONPATH}"

run() { # name seconds [schemathesis options…]
  local name="$1" seconds="$2"
  shift 2
  echo "--- schemathesis: ${name} (${seconds} s, seed ${SEED})"
  "$SCHEMATHESIS" --config-file tests/fuzz/schemathesis.toml run "$BASE/api/openapi.json" --url "$BASE" \
    --max-time "$seconds" --workers 1 --seed "$SEED" \
    --request-timeout 10 --request-retries 2 --suppress-health-check all --warnings off \
    --report junit,ndjson --report-dir "$REPORTS/${name}" "$@" || true
}

status=0
run anonymous "${FUZZ_SECONDS_ANONYMOUS:-60}"

# Log in as an agent, the way the web app does: the session cookie, and the CSRF cookie's value as a header.
JAR="$DATA_DIR/cookies.txt"
curl -fs -c "$JAR" -H 'Content-Type: application/json' -X POST "$BASE/api/auth/login" \
  -d '{"email":"sophie.bernard@demo.carnet.invalid","password":"demo-carnet-2026"}' > /dev/null
SESSION="$(awk '$6=="carnet_session"{print $7}' "$JAR")"
CSRF="$(awk '$6=="carnet_csrf"{print $7}' "$JAR")"
[ -n "$SESSION" ] && [ -n "$CSRF" ] || { echo "login as the agent failed" >&2; exit 1; }
# Logging out, or logging in again (the examples hold a demo account: a new session replaces the one the request
# carried), would end the session the rest of the run needs; the anonymous run covers them.
run agent "${FUZZ_SECONDS_AGENT:-120}" \
  -H "Cookie: carnet_session=${SESSION}; carnet_csrf=${CSRF}" -H "X-CSRF-Token: ${CSRF}" \
  --exclude-path-regex '^/api/auth/(logout|login)'
# The whole run was made logged in: the session is still valid.
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: carnet_session=${SESSION}" "$BASE/api/me")" != 200 ]; then
  echo "--- the agent's session ended during the run: the run was not made logged in" >&2
  status=1
fi

echo "--- verdict"
python3 tests/fuzz/gate.py "$REPORTS"/*/junit-*.xml || status=1
# Retried network errors must not hide a crash: the server is still there, and logged no error.
kill -0 "$SERVER" 2>/dev/null || { echo "--- the server stopped during the run" >&2; status=1; }
if grep -q 'ERROR' "$REPORTS/server.log"; then
  echo "--- the server logged errors:" >&2
  grep -A5 'ERROR' "$REPORTS/server.log" | head -60 >&2
  status=1
fi
exit "$status"
