#!/usr/bin/env bash
# Installs (when missing), starts and stops the real backends natively: RabbitMQ from Debian and
# FerretDB 1.24.2 (MongoDB wire protocol) on SQLite. Idempotent; waits until each one answers.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR="$ROOT/var"
FERRETDB_VERSION="v1.24.2"
FERRETDB_BIN="$VAR/bin/ferretdb"
FERRETDB_DATA="$VAR/ferretdb"
FERRETDB_PID="$VAR/ferretdb.pid"
FERRETDB_LOG="$VAR/log/ferretdb.log"
MONGO_PORT="${FERRETDB_PORT:-27017}"

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

rabbitmq_ping() { as_root rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  die "$what did not answer within ${seconds}s"
}

apt_updated=""
apt_install() { # package...
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

install_rabbitmq() {
  command -v rabbitmq-server >/dev/null && return 0
  log "installing rabbitmq-server from Debian"
  apt_install rabbitmq-server
  # Debian starts it as a system service where systemd runs; we manage it ourselves.
  as_root rabbitmqctl stop >/dev/null 2>&1 || true
}

# The test suite validates docker-compose.yml with Debian's docker-compose (no engine needed).
install_compose_validator() {
  command -v docker-compose >/dev/null && return 0
  log "installing docker-compose from Debian (validates docker-compose.yml in the tests)"
  apt_install docker-compose
}

rabbitmq_up() {
  install_rabbitmq
  if rabbitmq_ping; then
    log "rabbitmq already running"
  else
    log "starting rabbitmq"
    as_root rabbitmq-server -detached >/dev/null 2>&1 || true
    wait_for rabbitmq 90 rabbitmq_ping
  fi
  wait_for "rabbitmq amqp port" 60 port_open 5672
}

rabbitmq_down() {
  command -v rabbitmqctl >/dev/null || return 0
  if rabbitmq_ping; then
    log "stopping rabbitmq"
    as_root rabbitmqctl stop >/dev/null 2>&1 || true
  fi
}

# `go install …/ferretdb@v1.24.2` builds a binary that panics at start because the module zip lacks
# build/version/version.txt, so we build the same module source with that file written in.
install_ferretdb() {
  [ -x "$FERRETDB_BIN" ] && return 0
  command -v go >/dev/null || die "Go is needed to build FerretDB (apt-get install golang-go)"
  log "building FerretDB $FERRETDB_VERSION from the Go module proxy (about a minute the first time)"
  local src
  src="$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$src" ] || die "could not download github.com/FerretDB/FerretDB@$FERRETDB_VERSION"
  local build="$VAR/build/ferretdb"
  rm -rf "$build" && mkdir -p "$build" "$VAR/bin"
  cp -r "$src/." "$build" && chmod -R u+w "$build"
  echo "$FERRETDB_VERSION" > "$build/build/version/version.txt"
  (cd "$build" && go build -o "$FERRETDB_BIN" ./cmd/ferretdb)
  rm -rf "$build"
}

ferretdb_up() {
  install_ferretdb
  if port_open "$MONGO_PORT"; then
    log "something already listens on 127.0.0.1:$MONGO_PORT; using it as MongoDB"
    return 0
  fi
  mkdir -p "$FERRETDB_DATA" "$(dirname "$FERRETDB_LOG")"
  log "starting FerretDB on 127.0.0.1:$MONGO_PORT (SQLite in var/ferretdb)"
  nohup "$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$FERRETDB_DATA/" \
    --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr=- --telemetry=disable \
    --log-level=warn --log-format=json >>"$FERRETDB_LOG" 2>&1 &
  echo $! >"$FERRETDB_PID"
  wait_for ferretdb 30 port_open "$MONGO_PORT"
}

ferretdb_down() {
  [ -f "$FERRETDB_PID" ] || return 0
  local pid; pid="$(cat "$FERRETDB_PID")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping FerretDB"
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$FERRETDB_PID"
}

case "${1:-}" in
  up)
    install_compose_validator
    rabbitmq_up
    ferretdb_up
    # Read by the integration tests when MONGO_URL/AMQP_URL are not set.
    printf 'MONGO_URL=%s\nAMQP_URL=%s\n' "mongodb://127.0.0.1:$MONGO_PORT/roster" "amqp://guest:guest@127.0.0.1:5672" >"$VAR/services.env"
    log "ready; use:"
    sed 's/^/  /' "$VAR/services.env"
    ;;
  down)
    ferretdb_down
    rabbitmq_down
    rm -f "$VAR/services.env"
    log "stopped"
    ;;
  *) die "usage: services.sh up|down" ;;
esac
