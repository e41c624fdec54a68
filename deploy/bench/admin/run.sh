#!/usr/bin/env bash
# Operator analytics over 1,000,000 calls: p50/p95/p99 over HTTP. Results in admin-api/target/bench/.
# Needs what the tests need: the local PostgreSQL server; the build starts Kafka and the OIDC test server.
set -euo pipefail
cd "$(dirname "$0")/../../.."
./mvnw -B -q -pl admin-api -am verify -Dbench=true -Dtest=AnalyticsBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.calls="${BENCH_CALLS:-1000000}" -Dbench.requests="${BENCH_REQUESTS:-200}"
cat admin-api/target/bench/admin-analytics.txt
