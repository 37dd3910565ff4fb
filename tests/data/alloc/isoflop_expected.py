#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Expected IsoFLOP vertices for tst_IsoFlopProfiles, computed independently of ScaleLab.

For experiment ml_scalefit__massivetext__chinchilla of Open-Athena's transform/isoflops.csv,
rows with outlier == False, grouped by the `budget` column: a least-squares parabola of loss
(not log loss) in ln(params) by numpy.polyfit(deg=2), its vertex ln N* = -b / (2c), the loss at
the vertex, N* = exp(ln N*) and D* = budget / (6 N*).

Regenerate (from the repository root, with Debian's python3-numpy):
    /usr/bin/python3 tests/data/alloc/isoflop_expected.py \
        ../shared/data/openathena-isoflops/transform/isoflops.csv > tests/data/alloc/isoflop_expected.csv
"""
import csv
import math
import sys

import numpy as np

EXPERIMENT = "ml_scalefit__massivetext__chinchilla"


def main(path):
    groups = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["experiment"] != EXPERIMENT or row["outlier"] != "False":
                continue
            groups.setdefault(float(row["budget"]), []).append(
                (math.log(float(row["params"])), float(row["loss"])))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["budget", "points", "c2", "c1", "c0", "ln_n_opt", "n_opt", "d_opt", "loss_opt"])
    for budget in sorted(groups):
        x = np.array([p[0] for p in groups[budget]])
        y = np.array([p[1] for p in groups[budget]])
        c2, c1, c0 = np.polyfit(x, y, 2)
        v = -c1 / (2.0 * c2)
        n_opt = math.exp(v)
        loss = c0 + c1 * v + c2 * v * v
        out.writerow([repr(budget), len(x), repr(float(c2)), repr(float(c1)), repr(float(c0)),
                      repr(float(v)), repr(n_opt), repr(budget / (6.0 * n_opt)), repr(float(loss))])


if __name__ == "__main__":
    main(sys.argv[1])
