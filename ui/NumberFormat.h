// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ui {

/// Text for numbers shown to people (table cells, tooltips, legend entries). Pure formatting:
/// no value is changed, only printed. NaN prints as an en dash. Thread-safe (no state).
class NumberFormat {
public:
    /// Counts with an SI-like suffix and 3 significant digits: 1.02B, 350M, 12.5K, 999.
    static QString count(double v);
    /// FLOPs in short scientific form with 2 significant digits: 1.8e20, 6e18.
    static QString flops(double v);
    /// A budget in FLOPs with 3 significant digits: 5.76e23, 1e24 (what the budget field shows).
    static QString budget(double v);
    /// A loss with 4 significant digits: 2.554, 3.045, 10.12.
    static QString loss(double v);
};

} // namespace ui
