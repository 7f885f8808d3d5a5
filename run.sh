#!/usr/bin/env bash
# The run command: installs what the web page's build needs (Node.js and npm), then runs Carlos in one process on
# http://localhost:5080. Arguments go to the gateway, for example ./run.sh --urls http://localhost:5090.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "run.sh: installing nodejs and npm (the web page is bundled by Vite when the gateway is built)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
fi

read -r major minor <<<"$(node -p 'process.versions.node.split(".").map(Number).slice(0, 2).join(" ")')"
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  echo "run.sh: Node.js $(node --version) is too old for the web page's build (Vite 8 needs 20.19 or later)." >&2
  echo "run.sh: install a newer Node.js, or run the API alone: dotnet run --project Carlos.Gateway -p:CarlosSkipWebPage=true" >&2
  exit 1
fi

exec dotnet run --project Carlos.Gateway -- "$@"
