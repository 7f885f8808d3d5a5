#!/usr/bin/env bash
# A real Carlos cluster on one machine: Redis, two silos and a gateway, each its own process.
#   deploy/local-cluster.sh up      build, start everything, print one line per process
#   deploy/local-cluster.sh down    stop the gateway, then the silos (SIGTERM hands designs over), then Redis
#   deploy/local-cluster.sh status  show what is running
# Settings (environment): CARLOS_LOCAL_DIR (state, logs; default .local/cluster), CARLOS_BIN (built binaries; the
# script builds Release when unset), CARLOS_REDIS_PORT (6390), CARLOS_GATEWAY_PORT (5080), CARLOS_SILO_PORTS
# ("11111 11112"), CARLOS_SILO_GATEWAY_PORTS ("30000 30001"), CARLOS_SILO_HTTP_PORTS ("5091 5092"). Any Carlos__*
# variable is passed on to every process.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CARLOS_LOCAL_DIR:-$root/.local/cluster}
redis_port=${CARLOS_REDIS_PORT:-6390}
gateway_port=${CARLOS_GATEWAY_PORT:-5080}
read -r -a silo_ports <<<"${CARLOS_SILO_PORTS:-11111 11112}"
read -r -a silo_gateway_ports <<<"${CARLOS_SILO_GATEWAY_PORTS:-30000 30001}"
read -r -a silo_http_ports <<<"${CARLOS_SILO_HTTP_PORTS:-5091 5092}"

wait_ready() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "local-cluster: $1 not ready after $2 s (see $dir/logs)" >&2; return 1; }
    sleep 0.5
  done
}

start() { # name logfile command...
  local name=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 &
  echo $! >"$dir/$name.pid"
}

up() {
  command -v redis-server >/dev/null || { echo "local-cluster: install redis-server (apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$dir/logs" "$dir/redis"
  local bin=${CARLOS_BIN:-}
  if [ -z "$bin" ]; then
    dotnet build "$root/Carlos.sln" -c Release -v quiet -nologo >"$dir/logs/build.log"
    bin=$root/Carlos.Silo/bin/Release/net10.0
    gateway_bin=$root/Carlos.Gateway/bin/Release/net10.0
  else
    gateway_bin=$bin
  fi

  # Secrets of this local cluster, made once and kept with its state.
  if [ ! -f "$dir/secrets.env" ]; then
    pepper=$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')
    devkey=$(Carlos__Auth__Pepper=$pepper dotnet "$bin/Carlos.Silo.dll" new-key | sed -n 's/^key: *//p')
    admin=$(head -c 24 /dev/urandom | base64 | tr -d '\n=+/')
    printf 'Carlos__Auth__Pepper=%s\nCarlos__Development__ApiKey=%s\nCarlos__AdminApiKey=%s\n' "$pepper" "$devkey" "$admin" >"$dir/secrets.env"
    chmod 600 "$dir/secrets.env"
  fi
  set -a; . "$dir/secrets.env"; set +a
  export ASPNETCORE_ENVIRONMENT=Development
  export Carlos__Redis__ConnectionString="127.0.0.1:$redis_port"

  # AOF so that designs, keys and quotas survive a Redis restart (see the README).
  start redis "$dir/logs/redis.log" redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir/redis" \
    --appendonly yes --appendfsync everysec --save ''
  until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.2; done
  echo "redis pid=$(cat "$dir/redis.pid") port=$redis_port"

  for i in 0 1; do
    local n=$((i + 1))
    Urls="http://127.0.0.1:${silo_http_ports[$i]}" Carlos__Cluster__SiloPort=${silo_ports[$i]} \
      Carlos__Cluster__GatewayPort=${silo_gateway_ports[$i]} \
      start "silo-$n" "$dir/logs/silo-$n.log" dotnet "$bin/Carlos.Silo.dll"
    wait_ready "http://127.0.0.1:${silo_http_ports[$i]}/readyz" 60
    echo "silo-$n pid=$(cat "$dir/silo-$n.pid") http=${silo_http_ports[$i]} silo=${silo_ports[$i]} gateway=${silo_gateway_ports[$i]}"
  done

  Urls="http://localhost:$gateway_port" Carlos__Cluster__Mode=Client \
    start gateway "$dir/logs/gateway.log" dotnet "$gateway_bin/Carlos.Gateway.dll"
  wait_ready "http://localhost:$gateway_port/readyz" 60
  echo "gateway pid=$(cat "$dir/gateway.pid") http=$gateway_port"
  echo "development key: $Carlos__Development__ApiKey"
}

stop() { # name
  local file="$dir/$1.pid"
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
  echo "$1 stopped"
}

down() {
  stop gateway
  stop silo-2
  stop silo-1
  stop redis
}

status() {
  for name in redis silo-1 silo-2 gateway; do
    if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
      echo "$name pid=$(cat "$dir/$name.pid") running"
    else
      echo "$name stopped"
    fi
  done
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
