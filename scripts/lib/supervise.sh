# shellcheck shell=bash
# supervise LABEL LOGFILE COMMAND...: runs COMMAND (output appended to LOGFILE) and starts it again
# whenever it exits, after a backoff that doubles from STEWARD_RESTART_BACKOFF_INITIAL_MS (1000)
# up to STEWARD_RESTART_BACKOFF_MAX_MS (30000) and starts over once a run has lasted a minute.
# Each exit and restart is said on the console. SIGTERM or SIGINT stops the command (SIGTERM, so
# it drains) and the supervisor. Run it in the background: ( supervise … ) &
declare -F log >/dev/null || log() { printf '\033[36m[steward]\033[0m %s\n' "$*" >&2; }

supervise() {
  local label="$1" logfile="$2"; shift 2
  local initial_ms="${STEWARD_RESTART_BACKOFF_INITIAL_MS:-1000}" max_ms="${STEWARD_RESTART_BACKOFF_MAX_MS:-30000}"
  local delay_ms="$initial_ms" child="" pause="" stopping="" started code runs=0
  trap 'stopping=1; if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; fi; if [ -n "$pause" ]; then kill "$pause" 2>/dev/null || true; fi' TERM INT
  while [ -z "$stopping" ]; do
    started=$SECONDS
    runs=$((runs + 1))
    if [ "$runs" -gt 1 ]; then log "$label: restarting (run $runs)"; fi
    "$@" >>"$logfile" 2>&1 &
    child=$!
    code=0
    # (stderr of `wait` off: bash's own "Killed" job notice; the line below says it better.)
    { wait "$child" || code=$?; } 2>/dev/null
    # A trapped signal ends `wait` early: wait again until the command itself has stopped.
    while kill -0 "$child" 2>/dev/null; do code=0; { wait "$child" || code=$?; } 2>/dev/null; done
    child=""
    if [ -n "$stopping" ]; then break; fi
    if [ $((SECONDS - started)) -ge 60 ]; then delay_ms="$initial_ms"; fi
    log "$label exited with status $code; restarting in $((delay_ms / 1000)).$((delay_ms % 1000 / 100)) s (log: $logfile)"
    sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))" &
    pause=$!
    wait "$pause" 2>/dev/null || true
    pause=""
    delay_ms=$((delay_ms * 2 > max_ms ? max_ms : delay_ms * 2))
  done
  log "$label stopped"
}
