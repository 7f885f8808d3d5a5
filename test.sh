#!/usr/bin/env bash
# The test command: installs what the tests need (Redis), then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "test.sh: installing redis-server (the Redis tests start their own servers on free ports)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq redis-server >/dev/null
fi

# The Terraform parser tests compare Carlos's HCL parser with HashiCorp's (npm @cdktf/hcl2json, run by Node).
if ! command -v node >/dev/null 2>&1; then
  echo "test.sh: installing nodejs and npm (the HCL oracle of the parser tests runs on Node)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
fi
# The web page (Carlos.Web) is bundled by Vite 8 during the gateway's build, which needs Node.js 20.19 or later.
node_major=$(node -p 'process.versions.node.split(".").map(Number).slice(0, 2).join(" ")')
read -r major minor <<<"$node_major"
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  echo "test.sh: Node.js $(node --version) is too old for the web page's build (Vite 8 needs 20.19 or later)" >&2
  exit 1
fi

# The web page tests drive Debian's chromium headless (Playwright without a browser download).
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium (the web page tests run it headless)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

if [ ! -d Carlos.Tests/HclOracle/node_modules ]; then
  (cd Carlos.Tests/HclOracle && npm ci --no-audit --no-fund --loglevel=error)
fi

# The tests start their own redis-server processes; the packaged service is not needed.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Carlos.sln --configuration Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "N passed, N failed, N skipped".
count() { grep -E "^ +$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
web() { grep -cE "^ +$1 Carlos\.Tests\.Web\." "$log" || true; }
echo "Browser tests of the web page (Carlos.Tests.Web; screenshots in artifacts/web): $(web Passed) of \
$(( $(web Passed) + $(web Failed) )) passed"
echo "$(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
exit "$status"
