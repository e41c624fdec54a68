# Sourced by the benchmarks' start-stack and stop-stack scripts (caller sets $run, PG* variables).

# Creates database $1 on the local PostgreSQL unless it exists.
ensure_database() {
  psql -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -q -d postgres -c "CREATE DATABASE $1"
}

# True when the process whose id file is $1 is alive.
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits (at most 120 s) for URL's /q/health/ready; fails pointing at LOG.
wait_ready() {
  local url=$1 name=$2 log=$3
  for _ in $(seq 1 120); do
    curl -fs "$url/q/health/ready" >/dev/null 2>&1 && { echo "$name ready: $url"; return 0; }
    sleep 1
  done
  echo "$name not ready; see $log" >&2; exit 1
}

# Stops each NAME's process recorded in $run/NAME.pid, by that id.
stop_recorded() {
  local name
  for name in "$@"; do
    if running "$run/$name.pid"; then kill "$(cat "$run/$name.pid")"; echo "stopped $name"; fi
    rm -f "$run/$name.pid"
  done
}
