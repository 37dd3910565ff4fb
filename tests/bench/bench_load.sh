#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): load a long-format CSV of 8M rows with `scalelab-cli info` (whole process,
# JSON output to /dev/null) and with pandas.read_csv (in-process, interpreter start and import
# excluded), alternating the two in each of PAIRS rounds so both see the same machine state.
# Prints each round's times and ratio, then the median ratio and the peak RSS of each tool.
# Usage: tests/bench/bench_load.sh [BUILD_DIR] [CSV] [PAIRS]
# Needs: python3-pandas and GNU time (SCALELAB_DEV_TOOLS=1 .ci/setup installs both).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/release}
csv=${2:-/tmp/scalelab-bench-8M.csv}
pairs=${3:-7}
cli="$build/app/scalelab-cli"
[[ -x $cli ]] || { echo "no $cli: build the release preset first" >&2; exit 2; }
if [[ ! -s $csv ]]; then
    echo "generating $csv ..."
    python3 "$here/gen_long_csv.py" "$csv"
fi
rows=$(($(wc -l < "$csv") - 1))
echo "file: $csv ($(stat -c %s "$csv") bytes, $rows rows); numeric payload $((rows * 4 * 8)) bytes"
cat "$csv" > /dev/null # warm the page cache for both readers

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-6s %10s %14s %7s\n' round cli_s pandas_read_s ratio
for ((i = 1; i <= pairs; i++)); do
    /usr/bin/time -f "%e %M" -o "$tmp/cli" "$cli" info "$csv" --format json > /dev/null
    /usr/bin/time -f "%e %M" -o "$tmp/py" /usr/bin/python3 -c "
import sys, time
import pandas as pd
t0 = time.perf_counter(); pd.read_csv(sys.argv[1]); print(time.perf_counter() - t0)" "$csv" > "$tmp/pyt"
    read -r cs crss < "$tmp/cli"
    read -r _ prss < "$tmp/py"
    ps=$(cat "$tmp/pyt")
    echo "$cs $ps $crss $prss" >> "$tmp/all"
    awk -v i="$i" -v c="$cs" -v p="$ps" 'BEGIN {printf "%-6d %10.2f %14.2f %6.1fx\n", i, c, p, p / c}'
done
sort -n -k1 "$tmp/all" | awk '{c[NR]=$1} END {printf "median cli %.2f s\n", c[int((NR+1)/2)]}'
sort -n -k2 "$tmp/all" | awk '{p[NR]=$2} END {printf "median pandas.read_csv %.2f s\n", p[int((NR+1)/2)]}'
awk '{print $2 / $1}' "$tmp/all" | sort -n | awk '{r[NR]=$1} END {printf "median ratio %.1fx (min %.1fx, max %.1fx)\n", r[int((NR+1)/2)], r[1], r[NR]}'
awk '{if ($3 > c) c = $3; if ($4 > p) p = $4} END {printf "peak RSS: cli %.1f MiB, python+pandas %.1f MiB\n", c / 1024, p / 1024}' "$tmp/all"
