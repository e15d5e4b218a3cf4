#!/usr/bin/env bash
# Runs every test of the solution against real PostgreSQL, RabbitMQ and identity provider servers on loopback and
# ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
# On a fresh Debian machine it first installs the packages the tests need (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests start as real servers or peers; add one word when a test needs another.
TEST_PACKAGES="postgresql rabbitmq-server python3-grpcio python3-protobuf python3-grpc-tools chromium"
# Node.js runs the local identity provider (infra/identity). A node already on PATH, from whatever source,
# is used as it is; Debian's is installed only when there is none (it would clash with NodeSource's package).
command -v node >/dev/null 2>&1 || TEST_PACKAGES="$TEST_PACKAGES nodejs npm"
RESULTS_DIR=.local/test-results
LAUNCHER=src/Platform.Launcher/bin/Debug/net10.0/Platform.Launcher.dll

step() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "Missing packages need root: sudo apt-get install -y $TEST_PACKAGES" >&2
    exit 1
  fi
}

install_missing_packages() {
  local missing=() package
  for package in $TEST_PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    step "Packages present: $TEST_PACKAGES"
    return
  fi
  step "Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

stop_test_servers() {
  if [ -f "$LAUNCHER" ]; then
    step "Stopping the test servers"
    dotnet "$LAUNCHER" down --test || true
  fi
}

# Sums one counter of every TRX file (Visual Studio test results) in the results folder.
count() {
  local attribute=$1 total=0 value file
  for file in "$RESULTS_DIR"/*.trx; do
    [ -e "$file" ] || continue
    value=$(grep -o '<Counters [^>]*>' "$file" | head -n 1 | sed -n "s/.* $attribute=\"\([0-9]*\)\".*/\1/p")
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

install_missing_packages

step "Building Platform.sln"
if ! build_output=$(dotnet build Platform.sln -nologo -v minimal 2>&1); then
  echo "$build_output" >&2
  echo "Build failed: no tests ran." >&2
  exit 1
fi

rm -rf "$RESULTS_DIR"
trap stop_test_servers EXIT
step "Running the tests"
test_status=0
dotnet test Platform.sln --no-build --logger trx --results-directory "$RESULTS_DIR" || test_status=$?
stop_test_servers
trap - EXIT

passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
# A skipped test counts in the total but is not executed.
skipped=$(( $(count total) - $(count executed) ))
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"

if [ "$failed" -gt 0 ] || [ "$test_status" -ne 0 ]; then
  exit 1
fi
