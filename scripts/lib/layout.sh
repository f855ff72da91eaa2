# shellcheck shell=bash
# Where each service of a region listens locally and which database it owns. Shared by the dev
# script and the README table so they cannot disagree.
STEWARD_SERVICES=(intake agreement approval-routing notification assessment)

# region_index service -> port; the county region is 0, city 1. STEWARD_DEV_PORT_OFFSET moves every
# port of the local platform, so a second checkout can run its own beside this one.
STEWARD_DEV_PORT_OFFSET="${STEWARD_DEV_PORT_OFFSET:-0}"
http_port() { echo $((8100 + STEWARD_DEV_PORT_OFFSET + 10 * $1 + $(service_index "$2"))); }
grpc_port() { echo $((9100 + STEWARD_DEV_PORT_OFFSET + 10 * $1 + $(service_index "$2"))); }
service_index() {
  local i
  for i in "${!STEWARD_SERVICES[@]}"; do [ "${STEWARD_SERVICES[$i]}" = "$1" ] && { echo "$i"; return; }; done
  echo "unknown service $1" >&2; return 1
}
database_name() { echo "${1//-/_}_${2//-/_}"; }
