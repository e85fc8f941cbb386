#!/usr/bin/env bash
# Installs schemathesis (the API fuzzer of test/api-contract.e2e-spec.ts), when missing or at
# another version, into a virtualenv of this checkout: var/schemathesis/bin/schemathesis.
# `npm run services:up` runs it; so can anyone, any number of times.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="4.32.5"
VENV="$ROOT/var/schemathesis"

log() { printf '[schemathesis] %s\n' "$*"; }

if [ -x "$VENV/bin/schemathesis" ] && [ "$("$VENV/bin/schemathesis" --version 2>/dev/null)" = "schemathesis, version $VERSION" ]; then
  exit 0
fi
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Debian ships venv's bootstrap (ensurepip) apart from python3 itself.
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  log "installing python3 and python3-venv from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3 python3-venv >/dev/null
fi
log "installing schemathesis $VERSION from PyPI into var/schemathesis"
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
"$VENV/bin/schemathesis" --version
