// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

namespace ui {

/// The fixed colours of what a fit adds to the charts (run colours come from ColorScale), chosen
/// to stay apart from the ColorScale palette and readable on a projector. Constant; any thread.
struct OverlayPalette {
    static QColor budget() { return {0xb0, 0x20, 0x30}; }    ///< the budget line and its optimum
    static QColor frontier() { return {0x30, 0x30, 0x30}; }  ///< the compute-optimal frontier
    static QColor band() { return {0x44, 0x77, 0xaa, 60}; }  ///< the frontier's 95% band
    static QColor nOpt() { return {0x1f, 0x77, 0xb4}; }      ///< N_opt lines (allocation view)
    static QColor dOpt() { return {0xd6, 0x5f, 0x0e}; }      ///< D_opt lines (allocation view)
    static QColor envelope() { return {0x80, 0x80, 0x80, 170}; } ///< the training curves' envelope
};

} // namespace ui
