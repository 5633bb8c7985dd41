#!/usr/bin/env bash
# Signs in to a service's OpenAPI UI in headless Chromium (as a newcomer would: Authorize, the local
# Keycloak's sign-in page, Try it out) and saves a screenshot of the signed-in call. Needs the local
# stack (./msaair up). Installs Debian's chromium and chromium-driver with apt if missing.
#   bench/openapi-ui-check.sh [service port, default 9082] [demo user, default minji] [screenshot]
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt..."
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f bench/target/bench.classpath ] || ./mvnw -B -q install -DskipTests
exec java -Dmsaair.root="$PWD" -cp "bench/target/classes:$(cat bench/target/bench.classpath)" com.msaair.bench.OpenApiUiCheck "$@"
