#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs fuzzing campaigns with the libFuzzer targets of the `fuzz` preset (docs/FUZZING.md), one
# target at a time on one core. Usage, from anywhere:
#
#   tests/fuzz/run_campaign.sh [SECONDS [TARGET...]]     (default 300 s each, every target)
#
# Per target, in build/fuzz/campaign/<target>/: new inputs in corpus/ (the committed seeds in
# tests/fuzz/corpus/<target> are read, never written), crash-*/timeout-*/leak-*/oom-* files, and
# fuzz-0.log (libFuzzer's output; its last lines hold executions, coverage and corpus size).
# Extra libFuzzer flags may be given in SCALELAB_FUZZ_FLAGS (e.g. -use_value_profile=1).
# Afterwards `tests/fuzz/run_campaign.sh merge [TARGET...]` adds the campaign inputs that reach new
# coverage to tests/fuzz/corpus/<target> (libFuzzer -merge=1), which CI replays.
set -euo pipefail
src="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$src/build/fuzz/tests/fuzz"
# The targets write every input to a scratch file; in memory that is about 4x faster than on disk.
if [[ -z "${TMPDIR:-}" && -w /dev/shm ]]; then export TMPDIR=/dev/shm; fi
all=(csv jsonl run_history wandb_csv tensorboard tensorboard_events tensorboard_dir hf_trainer_state
     run_json mlflow mlflow_sqlite folder import_file formula project_file)

mode=run
if [[ "${1:-}" == merge ]]; then
  mode=merge
  shift
  seconds=0
else
  seconds="${1:-300}"
  shift || true
fi
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

for t in "${targets[@]}"; do
  exe="$bin/fuzz_$t"
  [[ -x "$exe" ]] || { echo "no $exe: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 2; }
  work="$src/build/fuzz/campaign/$t"
  mkdir -p "$work/corpus"
  if [[ $mode == merge ]]; then
    "$exe" -merge=1 -use_counters=0 -timeout=10 -rss_limit_mb=2048 "$src/tests/fuzz/corpus/$t" "$work/corpus" \
      >"$work/merge.log" 2>&1
    tail -n 1 "$work/merge.log"
    continue
  fi
  echo "== $t: $seconds s ($(date -u +%FT%TZ))"
  (cd "$work" && "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -jobs=1 -workers=1 \
     -print_final_stats=1 ${SCALELAB_FUZZ_FLAGS:-} -artifact_prefix="$work/" "$work/corpus" "$src/tests/fuzz/corpus/$t" \
     >/dev/null 2>&1) || true
  grep -E "^#[0-9]+[[:space:]]+(DONE|INITED)|^Done|stat::|ERROR|SUMMARY" \
    "$work/fuzz-0.log" | tail -n 8 || true
  ls "$work" | grep -E "^(crash|timeout|leak|oom|slow-unit)-" || echo "no findings"
done
