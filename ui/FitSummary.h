// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace core {
struct FitJobResult;
struct FitJobSpec;
}

namespace ui {

/// Words for a finished fit, as the fit panel shows them. Pure formatting of core values (numbers
/// are printed, never changed); stateless, any thread.
class FitSummary {
    Q_DECLARE_TR_FUNCTIONS(FitSummary)

public:
    /// Rich text: points fitted (and how many were excluded or out of range), objective and its
    /// value, RMSE and R^2 of log loss, AIC/BIC (least squares), iterations, convergence and the
    /// multi-start tally, and the backtest's mean/max relative error when there is one.
    [[nodiscard]] static QString statistics(const core::FitJobResult& result, const core::FitJobSpec& spec);
    /// The distinct optima the starts found, best first, one line each: objective and parameters
    /// (at most `limit`).
    [[nodiscard]] static QStringList optima(const core::FitJobResult& result, int limit = 5);
    /// Every warning of the fit, the bootstrap and the backtest, in that order.
    [[nodiscard]] static QStringList warnings(const core::FitJobResult& result);
};

} // namespace ui
