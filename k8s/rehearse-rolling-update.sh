#!/usr/bin/env bash
# Rehearses a zero-downtime rolling update locally: two reservation servers sharing one database
# behind nginx, booked through continuously with wrk while each is restarted in turn (waiting for
# readiness in between); the load runs from 5 s before the first restart until 5 s after the last.
# Fails unless every request succeeded. Installs nginx and wrk with apt if missing (as the launcher does).
#   ./k8s/rehearse-rolling-update.sh [--no-build]   (--no-build: right after ./mvnw verify, as CI runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--no-build" ]; then
  [ -f bench/target/bench.classpath ] || { echo "Nothing built: run ./mvnw verify first, or leave out --no-build" >&2; exit 1; }
else
  ./mvnw -B -q install -DskipTests
fi
exec java -Dmsaair.root="$PWD" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" com.msaair.bench.RollingUpdateRehearsal
