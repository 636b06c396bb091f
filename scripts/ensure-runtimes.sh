#!/usr/bin/env bash
# Installs the language runtimes the snippet execution tests use (PHP with curl, a JDK, Python 3
# with requests), where Debian has them.
set -euo pipefail
missing=()
command -v php >/dev/null 2>&1 && php -m 2>/dev/null | grep -qx curl || missing+=(php-cli php-curl)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || missing+=(default-jdk-headless)
command -v python3 >/dev/null 2>&1 && python3 -c 'import requests' 2>/dev/null || missing+=(python3 python3-requests)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing snippet runtimes: ${missing[*]}" >&2
  apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
else
  echo "Not installing ${missing[*]} (not root on Debian); those snippet runs will be skipped." >&2
fi
