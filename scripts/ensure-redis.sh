#!/usr/bin/env bash
# Makes sure redis-server exists for the shared-store tests (installs Debian's package as root).
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is missing: installing Debian's redis-server package…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  exit 0
fi
echo "redis-server is missing: install Redis or Valkey (redis-server on the PATH) to run the tests." >&2
exit 1
