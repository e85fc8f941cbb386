#!/usr/bin/env bash
# RabbitMQ for docker-compose.yml: the image's own entrypoint, then, once the node is up, Roster's
# users of scripts/rabbitmq-users.tsv made (or their passwords and permissions set again), each
# with the password of its variable (ROSTER_GATEWAY_AMQP_PASSWORD…). Passwords reach rabbitmqctl
# on stdin, never on a command line, and none (nor any hash) is kept in the repository. The admin
# of the management UI is RABBITMQ_DEFAULT_USER; guest, which the image lets in from anywhere, is
# deleted. The compose health check passes only once this is done (the ready file).
#
# ROSTER_RABBITMQ_USERS  the users file (/roster/rabbitmq-users.tsv)
# ROSTER_RABBITMQ_READY  written once the users are in place (/tmp/roster-users-ready)
set -euo pipefail

USERS_FILE="${ROSTER_RABBITMQ_USERS:-/roster/rabbitmq-users.tsv}"
READY_FILE="${ROSTER_RABBITMQ_READY:-/tmp/roster-users-ready}"
rm -f "$READY_FILE"

say() { printf 'rabbitmq-entrypoint: %s\n' "$*" >&2; }
user_lines() { grep -v -e '^#' -e '^$' "$USERS_FILE"; }

# Every password is needed before anything starts.
missing=0
for variable in RABBITMQ_DEFAULT_USER RABBITMQ_DEFAULT_PASS $(user_lines | cut -f2); do
  if [ -z "${!variable:-}" ]; then say "$variable is not set"; missing=1; fi
done
[ "$missing" = 0 ] || exit 64

docker-entrypoint.sh rabbitmq-server &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true; wait "$server"; exit $?' TERM INT

until rabbitmqctl -q await_startup --timeout 5 </dev/null >/dev/null 2>&1; do
  if ! kill -0 "$server" 2>/dev/null; then wait "$server"; exit $?; fi
  sleep 1
done

existing="$(rabbitmqctl -q list_users --no-table-headers </dev/null | cut -f1)"
set_user() { # user, password, configure, write, read
  if grep -qxF "$1" <<<"$existing"; then
    printf '%s' "$2" | rabbitmqctl -q change_password "$1" >/dev/null
  else
    say "adding user $1"
    printf '%s' "$2" | rabbitmqctl -q add_user "$1" >/dev/null
  fi
  rabbitmqctl -q set_permissions -p / "$1" "$3" "$4" "$5" </dev/null >/dev/null
}

# The admin exists from the node's first start on; a node that started before it did has guest.
set_user "$RABBITMQ_DEFAULT_USER" "$RABBITMQ_DEFAULT_PASS" '.*' '.*' '.*'
rabbitmqctl -q set_user_tags "$RABBITMQ_DEFAULT_USER" administrator </dev/null >/dev/null
while IFS=$'\t' read -r user variable configure write read; do
  set_user "$user" "${!variable}" "$configure" "$write" "$read"
done < <(user_lines)
if [ "$RABBITMQ_DEFAULT_USER" != guest ] && grep -qxF guest <<<"$existing"; then
  say "deleting guest"
  rabbitmqctl -q delete_user guest </dev/null >/dev/null
fi
touch "$READY_FILE"
say "the users of rabbitmq-users.tsv are ready"
wait "$server"
