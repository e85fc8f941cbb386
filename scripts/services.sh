#!/usr/bin/env bash
# Installs (when missing), starts and stops the real backends natively: RabbitMQ from Debian and
# FerretDB 1.24.2 (MongoDB wire protocol) on a PostgreSQL from Debian that this script runs itself
# or, with FERRETDB_BACKEND=sqlite, on SQLite. Idempotent; waits until each one answers.
# `up` also installs what the tests need besides the backends: Debian's docker-compose (checks
# docker-compose.yml), Debian's chromium (the browser tests; Playwright cannot download one here)
# and schemathesis from PyPI in var/schemathesis (the API contract test; scripts/schemathesis.sh).
#
# PostgreSQL is the default: with 10,000 members and 100,000 rows of other batches, listing a
# batch's rows took 0.3 s on it against 11 s on SQLite, and a whole import of 20,000 people ran
# as fast or faster, bar validation (1,485 against about 2,100 rows/s).
#
#   services.sh up|down [rabbitmq] [ferretdb]     (no name: both)
#
# FERRETDB_BACKEND  postgresql (default) or sqlite
# FERRETDB_PORT     FerretDB's port (27017)
# POSTGRES_PORT     PostgreSQL's port, postgresql backend only (5433)
# SERVICES_ENV_FILE where `up` writes MONGO_URL, AMQP_URL and FERRETDB_BACKEND (var/services.env,
#                   which the integration tests read), and each service's own broker URL:
#                   GATEWAY_AMQP_URL, MEMBERS_AMQP_URL, NOTIFICATIONS_AMQP_URL, EVENTS_AMQP_URL
#
# `up` gives each service its own RabbitMQ user (scripts/rabbitmq-users.tsv says who may do what),
# with a random password made once and kept in var/rabbitmq-users/ (readable by its owner only).
# AMQP_URL stays guest's, for tools and tests that inspect or delete any queue.
#
# Each backend has its own FerretDB process and pid file, so two can run side by side on two
# ports. `down` stops the FerretDB of FERRETDB_BACKEND (and PostgreSQL with it); without the
# variable, every FerretDB and the PostgreSQL this checkout started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR="$ROOT/var"
FERRETDB_VERSION="v1.24.2"
FERRETDB_BIN="$VAR/bin/ferretdb"
MONGO_PORT="${FERRETDB_PORT:-27017}"
POSTGRES_PORT="${POSTGRES_PORT:-5433}"
SERVICES_ENV_FILE="${SERVICES_ENV_FILE:-$VAR/services.env}"
# Where PostgreSQL keeps its data directory, log and socket: this directory, or a link to where
# the postgres user can reach it (see postgres_home).
POSTGRES_LINK="$VAR/postgres"

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# PostgreSQL refuses to run as root; from /, as the checkout may be closed to the postgres user.
as_postgres() { (cd / && as_root runuser -u postgres -- "$@"); }

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

# The browser tests drive Debian's Chromium through playwright-core (libs/testing/src/browser.ts).
install_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  log "installing chromium from Debian (the browser tests)"
  apt_install chromium
}

# The API contract test fuzzes the gateway with schemathesis, from PyPI, in var/schemathesis.
install_schemathesis() { bash "$ROOT/scripts/schemathesis.sh"; }

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

RABBITMQ_USERS_FILE="$ROOT/scripts/rabbitmq-users.tsv"
RABBITMQ_PASSWORDS="$VAR/rabbitmq-users"

# The lines of rabbitmq-users.tsv: user, password variable, configure, write, read.
rabbitmq_user_lines() { grep -v '^#' "$RABBITMQ_USERS_FILE" | grep -v '^$'; }

# A user's password, made once at random; hex, so it needs no escaping in a URL.
rabbitmq_password() { # user
  local file="$RABBITMQ_PASSWORDS/$1"
  if [ ! -s "$file" ]; then
    (umask 077 && mkdir -p "$RABBITMQ_PASSWORDS" && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

# Idempotent: adds the users that are missing, sets every password and permission again (on
# vhost /). Passwords go to rabbitmqctl on stdin, never on its command line. Other users (guest)
# are left as they are.
rabbitmq_users() {
  local existing user _variable configure write read
  existing="$(as_root rabbitmqctl -q list_users --no-table-headers | cut -f1)"
  while IFS=$'\t' read -r user _variable configure write read; do
    if grep -qxF "$user" <<<"$existing"; then
      rabbitmq_password "$user" | as_root rabbitmqctl -q change_password "$user" >/dev/null
    else
      log "adding RabbitMQ user $user"
      rabbitmq_password "$user" | as_root rabbitmqctl -q add_user "$user" >/dev/null
    fi
    as_root rabbitmqctl -q set_permissions -p / "$user" "$configure" "$write" "$read" </dev/null >/dev/null
  done < <(rabbitmq_user_lines)
}

# GATEWAY_AMQP_URL=amqp://roster-gateway:…@127.0.0.1:5672 and so on, for the users that have a password.
rabbitmq_user_urls() {
  local user name
  while IFS=$'\t' read -r user _; do
    [ -s "$RABBITMQ_PASSWORDS/$user" ] || continue
    name="$(printf '%s' "${user#roster-}" | tr 'a-z-' 'A-Z_')_AMQP_URL"
    printf '%s=amqp://%s:%s@127.0.0.1:5672\n' "$name" "$user" "$(cat "$RABBITMQ_PASSWORDS/$user")"
  done < <(rabbitmq_user_lines)
}

rabbitmq_down() {
  command -v rabbitmqctl >/dev/null || return 0
  if rabbitmq_ping; then
    log "stopping rabbitmq"
    as_root rabbitmqctl stop >/dev/null 2>&1 || true
  fi
}

# --- PostgreSQL (for FERRETDB_BACKEND=postgresql) ---------------------------------------------

# The newest installed major version's binaries, e.g. /usr/lib/postgresql/15/bin.
postgres_bindir_newest() {
  local dir found=""
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && found="$dir"
  done
  printf '%s' "$found"
}

install_postgresql() {
  if [ -n "$(postgres_bindir_newest)" ] && id postgres >/dev/null 2>&1; then return 0; fi
  log "installing postgresql from Debian"
  apt_install postgresql
  # Debian creates and, where it can, starts a "main" cluster on 5432; we run our own.
  if command -v pg_lsclusters >/dev/null; then
    as_root pg_lsclusters -h 2>/dev/null | while read -r version name _ status _; do
      [ "$status" = online ] && as_root pg_ctlcluster "$version" "$name" stop >/dev/null 2>&1 || true
    done
  fi
  [ -n "$(postgres_bindir_newest)" ] || die "postgresql was installed but no pg_ctl was found under /usr/lib/postgresql"
}

# PostgreSQL's directory, created when missing: var/postgres when the postgres user can reach it;
# otherwise (a checkout under a directory closed to other users, such as /root in CI) a directory
# in the postgres user's home, named after this checkout, that var/postgres links to.
postgres_home() {
  if [ -L "$POSTGRES_LINK" ]; then
    local target; target="$(readlink "$POSTGRES_LINK")"
    as_root mkdir -p "$target" && as_root chown postgres:postgres "$target" && as_root chmod 700 "$target"
    printf '%s' "$target"
    return 0
  fi
  mkdir -p "$POSTGRES_LINK"
  as_root chown postgres:postgres "$POSTGRES_LINK" && as_root chmod 700 "$POSTGRES_LINK"
  if as_postgres test -w "$POSTGRES_LINK"; then
    printf '%s' "$POSTGRES_LINK"
    return 0
  fi
  [ -z "$(as_root ls -A "$POSTGRES_LINK")" ] || die "the postgres user cannot reach $POSTGRES_LINK (an ancestor directory is closed to other users) and it is not empty"
  local home elsewhere
  home="$(getent passwd postgres | cut -d: -f6)"
  [ -n "$home" ] && as_postgres test -w "$home" || die "the postgres user can reach neither $POSTGRES_LINK nor its home directory"
  elsewhere="$home/roster-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
  as_root mkdir -p "$elsewhere" && as_root chown postgres:postgres "$elsewhere" && as_root chmod 700 "$elsewhere"
  rmdir "$POSTGRES_LINK"
  ln -s "$elsewhere" "$POSTGRES_LINK"
  log "the postgres user cannot reach $ROOT; PostgreSQL lives in $elsewhere (linked from var/postgres)" >&2
  printf '%s' "$elsewhere"
}

# The major version that made a data directory, or nothing (the directory is closed to other users).
postgres_data_version() { as_root cat "$1/PG_VERSION" 2>/dev/null || true; }

# The binaries matching an existing data directory's version, else the newest installed.
postgres_bindir() { # data directory
  local version; version="$(postgres_data_version "$1")"
  if [ -n "$version" ]; then
    [ -x "/usr/lib/postgresql/$version/bin/pg_ctl" ] || die "$1 was made by PostgreSQL $version, which is not installed (apt-get install postgresql-$version, or remove var/postgres)"
    printf '%s' "/usr/lib/postgresql/$version/bin"
  else
    postgres_bindir_newest
  fi
}

postgres_ready() { as_postgres "$1/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -d postgres; }

postgres_up() {
  install_postgresql
  local home data bin
  home="$(postgres_home)"
  data="$home/data"
  bin="$(postgres_bindir "$data")"
  if [ -z "$(postgres_data_version "$data")" ]; then
    log "creating a PostgreSQL $(basename "$(dirname "$bin")") cluster in var/postgres"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres mkdir -p "$home/run"
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    local running_port; running_port="$(as_root sed -n 4p "$data/postmaster.pid")"
    [ "$running_port" = "$POSTGRES_PORT" ] || die "this checkout's PostgreSQL already runs on port $running_port; stop it first (FERRETDB_BACKEND=postgresql services.sh down ferretdb)"
    log "postgresql already running"
  else
    port_open "$POSTGRES_PORT" && die "something else listens on 127.0.0.1:$POSTGRES_PORT; set POSTGRES_PORT"
    log "starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
    # FerretDB holds up to pool_max_conns=200 connections (see ferretdb_postgresql_url).
    as_postgres "$bin/pg_ctl" -D "$data" -l "$home/postgres.log" -w -t 60 \
      -o "-p $POSTGRES_PORT -k '$home/run' -c listen_addresses=127.0.0.1 -c max_connections=250" start >/dev/null \
      || die "PostgreSQL did not start; see var/postgres/postgres.log"
  fi
  wait_for postgresql 60 postgres_ready "$bin"
  if [ "$(as_postgres "$bin/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'")" != 1 ]; then
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$POSTGRES_PORT" ferretdb
  fi
  # GIN companions of FerretDB's indexes, so that its equality reads use an index (see the file).
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -d ferretdb -X -q -v ON_ERROR_STOP=1 -c 'SET client_min_messages = warning' -f - \
    < "$ROOT/scripts/ferretdb-postgresql-indexes.sql" >/dev/null || die "could not give FerretDB's indexes their GIN companions"
}

postgres_down() {
  [ -e "$POSTGRES_LINK" ] || return 0
  local home data version bin
  home="$(readlink -f "$POSTGRES_LINK")"
  data="$home/data"
  version="$(postgres_data_version "$data")"
  [ -n "$version" ] || return 0
  bin="/usr/lib/postgresql/$version/bin"
  [ -x "$bin/pg_ctl" ] || return 0
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
  fi
}

# --- FerretDB --------------------------------------------------------------------------------

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

# The SQLite backend keeps the file names it always had.
ferretdb_pid_file() { if [ "$1" = sqlite ]; then echo "$VAR/ferretdb.pid"; else echo "$VAR/ferretdb-$1.pid"; fi; }
ferretdb_log_file() { if [ "$1" = sqlite ]; then echo "$VAR/log/ferretdb.log"; else echo "$VAR/log/ferretdb-$1.log"; fi; }

# The command line of the backend's FerretDB when it runs (a stale pid file may name another process).
ferretdb_args() { # backend
  local file; file="$(ferretdb_pid_file "$1")"
  [ -f "$file" ] || return 1
  ps -o args= -p "$(cat "$file")" 2>/dev/null | grep -- "--handler=$1"
}

ferretdb_running() { ferretdb_args "$1" >/dev/null; } # backend

ferretdb_listens_on() { ferretdb_args "$1" | grep -qE -- "--listen-addr=127.0.0.1:$2( |$)"; } # backend, port

# pool_max_conns: an update command holds a pooled connection per statement, and FerretDB hangs
# when they run out (50 by default); PostgreSQL's max_connections=250 leaves room above it.
ferretdb_postgresql_url() { echo "postgres://postgres@127.0.0.1:$POSTGRES_PORT/ferretdb?pool_max_conns=200"; }

ferretdb_up() { # backend
  local backend=$1 other
  install_ferretdb
  if [ "$backend" = postgresql ]; then postgres_up; fi
  if ferretdb_running "$backend"; then
    ferretdb_listens_on "$backend" "$MONGO_PORT" || die "FerretDB ($backend) already runs on another port; stop it first (FERRETDB_BACKEND=$backend services.sh down ferretdb)"
    log "FerretDB ($backend) already running on 127.0.0.1:$MONGO_PORT"
    return 0
  fi
  if port_open "$MONGO_PORT"; then
    for other in sqlite postgresql; do
      if [ "$other" != "$backend" ] && ferretdb_listens_on "$other" "$MONGO_PORT"; then
        die "FerretDB on $other already listens on 127.0.0.1:$MONGO_PORT; stop it or choose another FERRETDB_PORT"
      fi
    done
    log "something already listens on 127.0.0.1:$MONGO_PORT; using it as MongoDB"
    return 0
  fi
  local log_file pid_file
  log_file="$(ferretdb_log_file "$backend")"
  pid_file="$(ferretdb_pid_file "$backend")"
  mkdir -p "$(dirname "$log_file")"
  if [ "$backend" = sqlite ]; then
    mkdir -p "$VAR/ferretdb"
    log "starting FerretDB on 127.0.0.1:$MONGO_PORT (SQLite in var/ferretdb)"
    # With WAL (FerretDB's default), synchronous=NORMAL survives any process crash and only a
    # power loss may undo the last commits; concurrent small writes went from 4.6 ms to 0.5 ms.
    nohup "$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$VAR/ferretdb/?_pragma=synchronous(NORMAL)" --state-dir="$VAR/ferretdb" \
      --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr=- --telemetry=disable \
      --log-level=warn --log-format=json >>"$log_file" 2>&1 &
  else
    mkdir -p "$VAR/ferretdb-postgresql"
    log "starting FerretDB on 127.0.0.1:$MONGO_PORT (PostgreSQL on 127.0.0.1:$POSTGRES_PORT, database ferretdb)"
    nohup "$FERRETDB_BIN" --handler=postgresql --postgresql-url="$(ferretdb_postgresql_url)" \
      --state-dir="$VAR/ferretdb-postgresql" \
      --listen-addr="127.0.0.1:$MONGO_PORT" --debug-addr=- --telemetry=disable \
      --log-level=warn --log-format=json >>"$log_file" 2>&1 &
  fi
  echo $! >"$pid_file"
  wait_for ferretdb 30 port_open "$MONGO_PORT"
}

ferretdb_down() { # backend
  local pid_file; pid_file="$(ferretdb_pid_file "$1")"
  [ -f "$pid_file" ] || return 0
  local pid; pid="$(cat "$pid_file")"
  if ferretdb_running "$1"; then
    log "stopping FerretDB ($1)"
    kill "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$pid_file"
}

# --- main ------------------------------------------------------------------------------------

action="${1:-}"
[ $# -gt 0 ] && shift
components=("$@")
[ ${#components[@]} -gt 0 ] || components=(rabbitmq ferretdb)
for component in "${components[@]}"; do
  case "$component" in rabbitmq | ferretdb) ;; *) die "unknown service '$component' (rabbitmq, ferretdb)" ;; esac
done
wants() { [[ " ${components[*]} " == *" $1 "* ]]; }

BACKEND="${FERRETDB_BACKEND:-postgresql}"
case "$BACKEND" in sqlite | postgresql) ;; *) die "FERRETDB_BACKEND must be sqlite or postgresql, not '$BACKEND'" ;; esac

case "$action" in
  up)
    install_compose_validator
    install_chromium
    install_schemathesis
    if wants rabbitmq; then rabbitmq_up; rabbitmq_users; fi
    if wants ferretdb; then ferretdb_up "$BACKEND"; fi
    # Read by the integration tests when MONGO_URL/AMQP_URL are not set; it holds passwords.
    mkdir -p "$(dirname "$SERVICES_ENV_FILE")"
    (umask 077 && {
      printf 'MONGO_URL=%s\nAMQP_URL=%s\nFERRETDB_BACKEND=%s\n' "mongodb://127.0.0.1:$MONGO_PORT/roster" "amqp://guest:guest@127.0.0.1:5672" "$BACKEND"
      rabbitmq_user_urls
    } >"$SERVICES_ENV_FILE.new" && mv "$SERVICES_ENV_FILE.new" "$SERVICES_ENV_FILE")
    log "ready; use (passwords hidden):"
    sed -e 's/^/  /' -e 's#://\([^:@/]*\):[^@]*@#://\1:…@#' "$SERVICES_ENV_FILE"
    ;;
  down)
    if wants ferretdb; then
      if [ -n "${FERRETDB_BACKEND:-}" ]; then
        ferretdb_down "$BACKEND"
        if [ "$BACKEND" = postgresql ]; then postgres_down; fi
      else
        ferretdb_down sqlite
        ferretdb_down postgresql
        postgres_down
      fi
    fi
    if wants rabbitmq; then rabbitmq_down; fi
    # Kept when it names a FerretDB that is still running (another backend's, left up on purpose).
    recorded="$(sed -n 's/^FERRETDB_BACKEND=//p' "$SERVICES_ENV_FILE" 2>/dev/null || true)"
    if wants rabbitmq || [ -z "${FERRETDB_BACKEND:-}" ] || [ -z "$recorded" ] || [ "$recorded" = "$BACKEND" ]; then
      rm -f "$SERVICES_ENV_FILE"
    fi
    log "stopped"
    ;;
  *) die "usage: services.sh up|down [rabbitmq] [ferretdb]" ;;
esac
