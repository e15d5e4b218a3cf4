#!/usr/bin/env bash
# Runs the platform on this machine: ./run.sh [up|down|status]  (up is the default).
# PostgreSQL and RabbitMQ come from Debian packages (installed on first use) and run on loopback;
# everything lives under .local/run/.
set -euo pipefail
cd "$(dirname "$0")"

if ! build_output=$(dotnet build src/Platform.Launcher/Platform.Launcher.csproj -nologo -v q 2>&1); then
  echo "$build_output" >&2
  exit 1
fi
exec dotnet src/Platform.Launcher/bin/Debug/net10.0/Platform.Launcher.dll "$@"
