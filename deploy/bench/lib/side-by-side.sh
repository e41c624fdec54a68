# Sourced by the side-by-side benchmarks (deploy/bench/dashboard/bench-api, deploy/bench/admin/bench-api): the same
# requests run raw against PostgreSQL with pgbench -M prepared, then through the API with LoadTest.java, with the
# CPU each side used. The caller sets: connections, seconds, BENCH_DB, sql_dir (NAME-*.sql pgbench scripts),
# pgbench_dir (per-transaction logs), api_url, token, app_pid, loadtest_cp (a classpath with Vert.x: the app's
# lib/main) and optionally LOADTEST_OPTS (java -D options of LoadTest, e.g. its warm-up) and PGBENCH_MODE (pgbench's
# query mode: prepared, the default, parses and plans once per connection; extended parses and plans every query).

bench_lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# "pid ticks" for every PostgreSQL backend of $BENCH_DB (process title "postgres: [cluster:] user db ...").
backend_ticks() {
  local pid
  for pid in $(pgrep -f "^postgres: (.*: )?[^ ]+ $BENCH_DB "); do
    awk -v pid="$pid" '{sub(/.*\) /, ""); print pid, $12 + $13}' "/proc/$pid/stat" 2>/dev/null || true
  done
}

# Watches the backends while command "$@" runs (every 0.2 s; a backend's last ticks before it exits count too,
# give or take one interval) and prints the CPU milliseconds they used during it (backends already there before
# count from their ticks then). The command's own output goes to stdout first.
with_backend_cpu() {
  local before
  before=$(backend_ticks)
  "$@" &
  local cmd=$! seen=""
  while kill -0 "$cmd" 2>/dev/null; do seen+=$(backend_ticks)$'\n'; sleep 0.2; done
  wait "$cmd"
  awk 'NR == FNR {base[$1] = $2; next} NF == 2 {if ($2 > last[$1]) last[$1] = $2}
       END {for (p in last) sum += last[p] - base[p]; printf "BACKEND_CPU_MS %d\n", sum * 10}' \
    <(printf '%s\n' "$before") <(printf '%s\n' "$seen")
}

# pgbench over $sql_dir/NAME-*.sql (5 s warm-up, then $seconds), extra pgbench options after NAME (e.g. -D p1=...):
# prints "rate p50 p99 cpu_cores db_ms_per_transaction" (latencies from its per-transaction log).
raw() {
  local name=$1 files=()
  shift
  for f in "$sql_dir/$name"-*.sql; do files+=(-f "$f"); done
  mkdir -p "$pgbench_dir"
  pgbench -n -M "${PGBENCH_MODE:-prepared}" -c "$connections" -j 2 -T 5 "$@" "${files[@]}" "$BENCH_DB" >/dev/null 2>&1
  rm -f "$pgbench_dir/$name".*
  local out
  out=$( { with_backend_cpu /usr/bin/time -f 'CPU %U %S' pgbench -n -M "${PGBENCH_MODE:-prepared}" -c "$connections" -j 2 \
    -T "$seconds" -l --log-prefix="$pgbench_dir/$name" "$@" "${files[@]}" "$BENCH_DB"; } 2>&1)
  local failed tps cpu db_ms
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$out")
  if [ "${failed:-0}" != 0 ] || ! grep -q '^tps' <<<"$out"; then echo "pgbench failed: $out" >&2; exit 2; fi
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p' <<<"$out")
  cpu=$(awk -v s="$seconds" '/^CPU/ {printf "%.2f", ($2 + $3) / s}' <<<"$out")
  db_ms=$(sed -n 's/^BACKEND_CPU_MS //p' <<<"$out")
  cat "$pgbench_dir/$name".* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v cpu="$cpu" -v db="$db_ms" \
    '{a[NR] = $1} END {printf "%.0f %.2f %.2f %s %.3f\n", tps, a[int(NR * 0.5)] / 1000, a[int(NR * 0.99)] / 1000, cpu, db / NR}'
}

# The API under PATH...: closed loop (RATE 0) or paced; prints LoadTest's RESULT line (with the app's CPU).
api() {
  local rate=$1; shift
  local out
  # shellcheck disable=SC2086 # LOADTEST_OPTS: several -D options
  out=$(java ${LOADTEST_OPTS:-} -Dapp.pid="$app_pid" -Ddb.name="$BENCH_DB" -cp "$loadtest_cp" \
      "$bench_lib/../dashboard/LoadTest.java" "$api_url" "$token" "$connections" "$seconds" "$rate" "$@") \
    || { echo "$out"; echo "API run failed: a request was not answered with a 2xx (see above)" >&2; exit 2; }
  grep '^RESULT' <<<"$out"
}

# The value of KEY=... in a RESULT line.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

# 100 * API / raw, rounded.
ratio() { awk -v a="$1" -v r="$2" 'BEGIN {printf "%.0f", 100 * a / r}'; }
