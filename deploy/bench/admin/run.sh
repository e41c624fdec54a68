#!/usr/bin/env bash
# Operator analytics over 1,000,000 calls, side by side with PostgreSQL (docs/benchmarks/admin.md): starts admin-api
# on database $BENCH_DB (bench_admin) seeded with BENCH_CALLS calls (start-stack), runs bench-api (each report's
# SQL raw with pgbench -M prepared, then the API, same connections; ratio and p99s), stops the app.
# Needs the local PostgreSQL and admin-api packaged (./mvnw -B -o -q -pl admin-api -am package -DskipTests).
#   deploy/bench/admin/run.sh [CONNECTIONS] [SECONDS] [REPORT...]
# The older in-process variant (one sequential client, p50/p95/p99; asserts p99 < 100 ms):
#   ./mvnw -B -o -q -pl admin-api -am verify -Dbench=true -Dtest=AnalyticsBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/start-stack"
trap '"$here/stop-stack"' EXIT
"$here/bench-api" "$@"
