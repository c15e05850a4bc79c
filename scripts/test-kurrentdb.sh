#!/usr/bin/env bash
# The event-store contract suite and the API end-to-end suites against a real KurrentDB server.
#   npm run test:kurrentdb                      starts the compose server (Docker) if KURRENTDB_URL is unset
#   KURRENTDB_URL='kurrentdb://host:2113?tls=false' npm run test:kurrentdb    any other server
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${KURRENTDB_URL:-}" ]; then
  if ! command -v docker >/dev/null 2>&1; then
    echo "KURRENTDB_URL is not set and Docker is not available: start a KurrentDB server and set KURRENTDB_URL." >&2
    exit 1
  fi
  docker compose up -d --wait kurrentdb
  export KURRENTDB_URL='kurrentdb://127.0.0.1:2113?tls=false'
fi
echo "KurrentDB: $KURRENTDB_URL"
npm run build:server
NODE_OPTIONS=--experimental-vm-modules npx jest libs/event-store --selectProjects int
NODE_OPTIONS=--experimental-vm-modules npx jest --selectProjects e2e
