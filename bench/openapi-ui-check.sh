#!/usr/bin/env bash
# Signs in to a service's OpenAPI UI in headless Chromium (as a newcomer would: Authorize, the local
# Keycloak's sign-in page, Try it out) and saves a screenshot of the signed-in call. Needs the local
# stack (./msaair up). Installs Debian's chromium and chromium-driver with apt if missing.
#   bench/openapi-ui-check.sh [service port, default 9082] [demo user, default minji] [screenshot]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bench/target/bench.classpath ] || ./mvnw -B -q install -DskipTests
exec java -Dmsaair.root="$PWD" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" com.msaair.bench.OpenApiUiCheck "$@"
