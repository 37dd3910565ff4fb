// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtTest>

#include <cmath>
#include <vector>

/// Epoch AI's published refit of Chinchilla's approach 3 (domain.md section C), in the order of
/// the `chinchilla` law: E, A, B, alpha, beta. An independent source for allocation tests.
inline const std::vector<double> kEpoch{1.8172, 482.01, 2085.43, 0.3478, 0.3658};

/// |value - expected| / |expected|.
inline double relErr(double value, double expected)
{
    return std::abs(value - expected) / std::abs(expected);
}

/// Checks a relative error and prints both values to 17 digits when it fails.
#define VERIFY_REL(value, expected, tol)                                                                       \
    QVERIFY2(relErr((value), (expected)) <= (tol),                                                             \
             qPrintable(QStringLiteral("%1 vs %2 (rel %3)").arg((value), 0, 'g', 17).arg((expected), 0, 'g', 17) \
                            .arg(relErr((value), (expected)), 0, 'g', 3)))
