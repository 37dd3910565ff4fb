#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): load a long-format CSV of 8M rows with `scalelab-cli info` and with
# pandas.read_csv in the same run; prints wall time and peak RSS of each (best of 3).
# Usage: tests/bench/bench_load.sh [BUILD_DIR] [CSV]
# Needs: python3-pandas (SCALELAB_DEV_TOOLS=1 .ci/setup) and GNU time (/usr/bin/time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release}
csv=${2:-/tmp/scalelab-bench-8M.csv}
cli="$build/app/scalelab-cli"
[[ -x $cli ]] || { echo "no $cli: build the release preset first" >&2; exit 2; }
if [[ ! -s $csv ]]; then
    echo "generating $csv ..."
    python3 "$here/gen_long_csv.py" "$csv"
fi
echo "file: $csv ($(stat -c %s "$csv") bytes, $(($(wc -l < "$csv") - 1)) rows)"
cat "$csv" > /dev/null # warm the page cache for both readers

best() { sort -n | head -1; }
measure() { # prints "seconds maxrss_kb" for one run of "$@"
    /usr/bin/time -f "%e %M" -o /tmp/scalelab-bench-time "$@" > /dev/null
    cat /tmp/scalelab-bench-time
}
echo "tool                      best_s  peak_rss_MiB"
for tool in cli pandas_process; do
    results=()
    for _ in 1 2 3; do
        case $tool in
        cli) results+=("$(measure "$cli" info "$csv" --format json)") ;;
        pandas_process) results+=("$(measure /usr/bin/python3 -c "import pandas as pd; pd.read_csv('$csv')")") ;;
        esac
    done
    printf '%s\n' "${results[@]}" | sort -n | head -1 | awk -v t=$tool '{printf "%-25s %6.2f  %8.1f\n", t, $1, $2/1024}'
done
# pandas.read_csv alone (interpreter start and import excluded), best of 3.
/usr/bin/python3 - "$csv" <<'PY'
import sys, time
import pandas as pd
best = min((lambda t0: (pd.read_csv(sys.argv[1]), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3))
print(f"{'pandas.read_csv (in-process)':<25} {best:6.2f}")
PY
