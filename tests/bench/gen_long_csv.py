#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic long-format sweep: run,params,tokens,step,loss (one row per logged point).

Usage: gen_long_csv.py OUT.csv [ROWS] [RUNS]   (defaults: 8,000,000 rows over 400 runs)
Deterministic (fixed seed). Losses follow a Chinchilla-like law with noise.
"""
import random
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 8_000_000
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 400
per_run = rows // runs
rng = random.Random(20261128)
with open(out, "w", buffering=1 << 20) as f:
    f.write("run,params,tokens,step,loss\n")
    for r in range(runs):
        n = int(10 ** (7 + 3 * r / runs))
        tokens_per_step = 2 ** 19
        lines = []
        for s in range(1, per_run + 1):
            d = s * tokens_per_step
            loss = 1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28 + rng.gauss(0, 0.01)
            lines.append(f"run_{r:04d},{n},{d},{s},{loss:.7f}\n")
        f.write("".join(lines))
