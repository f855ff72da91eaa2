# shellcheck shell=bash
# Loopback port helpers shared by stack.sh and faults.sh.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The first port from $1 up that nothing listens on.
free_port_from() {
  local port="$1"
  while port_busy "$port"; do port=$((port + 1)); done
  echo "$port"
}
