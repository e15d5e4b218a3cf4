#!/usr/bin/env bash
# Runs the platform under its Aspire AppHost, with the dashboard: ./run.sh [down | down --test]
# Where no container runtime answers, PostgreSQL, RabbitMQ and the local identity provider run as local programs
# (Debian packages and Node, installed on first use as root or through sudo), their data under .local/run/.
set -euo pipefail
cd "$(dirname "$0")"

PID_FILE=.local/run/apphost.pid

if [ "${1:-}" = "down" ] && [ "${2:-}" = "--test" ]; then
  # The servers the test suite shares, and any a killed test left behind.
  exec dotnet run --project src/Platform.Launcher -- down --test
fi

if [ "${1:-}" = "down" ]; then
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    # SIGTERM to the AppHost (the child of "dotnet run"): it stops every resource (DCP stops the programs it
    # started) and exits, and "dotnet run" with it.
    pid=$(cat "$PID_FILE")
    apphost=$(pgrep -P "$pid" -f AppHost || echo "$pid")
    # DCP outlives the AppHost by the seconds it takes to stop the programs; wait for it too.
    dcp=$(pgrep -f "dcp start-apiserver --monitor $apphost" || true)
    kill -TERM "$apphost"
    while kill -0 "$pid" 2>/dev/null || { [ -n "$dcp" ] && kill -0 "$dcp" 2>/dev/null; }; do sleep 0.5; done
    echo "The platform is stopped."
  else
    echo "The platform is not running."
  fi
  rm -f "$PID_FILE" .local/run/platform.json
  exit 0
fi

if [ "$#" -gt 0 ]; then
  echo "Usage: ./run.sh [down | down --test]" >&2
  exit 2
fi

mkdir -p .local/run
rm -f .local/run/platform.json
# Exec keeps this process id for "dotnet run", the AppHost's parent, so "./run.sh down" finds the AppHost from another shell.
echo $$ > "$PID_FILE"
exec dotnet run --project AppHost --launch-profile http
