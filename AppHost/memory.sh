#!/usr/bin/env bash
# Memory of the running platform: the AppHost, DCP (which detaches from it) and everything they run.
# RSS counts shared pages (PostgreSQL's shared buffers, the DCP binary) once per process; PSS shares them out.
set -euo pipefail
apphost=$(pgrep -f 'bin/Debug/net10.0/AppHost( |$)' | head -1)
dcp=$(pgrep -f "dcp start-apiserver --monitor $apphost" | head -1)
descendants() { local child; for child in $(pgrep -P "$1"); do echo "$child"; descendants "$child"; done; }
rss=0 pss=0 count=0
for pid in $( { echo "$apphost"; descendants "$apphost"; echo "$dcp"; descendants "$dcp"; } | sort -u); do
  rss=$((rss + $(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
  pss=$((pss + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
  count=$((count + 1))
done
echo "$count processes: RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB"
