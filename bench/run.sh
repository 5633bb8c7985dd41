#!/usr/bin/env bash
# The booking benchmark. Starts its own stack (ports 29081-29086, Kafka 29092, data in
# target/bench-data), so a development stack may keep running; it competes for the CPU though.
#   ./bench/run.sh [--mode standard|cost|surge] [--concurrency 16] [--duration 60] [--warmup 60] [--customers 1000] [--flights 200]
#                  [--database derby|postgresql]
#     standard: [--profile true]
#     cost:     [--rates LOW,HIGH] [--idle-seconds 30] [--settle-seconds 15] [--sustained-seconds 30]
#     surge:    [--rate BOOKINGS_PER_S] [--sustained-seconds 30]
# An option it does not know, or one of another mode, stops it before anything starts.
# Results: target/bench/result-<time>.json and a new section at the end of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
exec java -Xmx512m -Djava.awt.headless=true -Dmsaair.root="$PWD" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" com.msaair.bench.Benchmark "$@"
