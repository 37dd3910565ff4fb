// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FitSummary.h"

#include "core/fit/FitJobResult.h"
#include "core/fit/FitJobSpec.h"
#include "core/fit/Law.h"
#include "core/util/NumberText.h"

#include <cmath>

namespace ui {

namespace {

QString num(double v, int digits = 4)
{
    return std::isfinite(v) ? QString::fromStdString(core::significantText(v, digits)) : QStringLiteral("\u2013");
}

} // namespace

QString FitSummary::statistics(const core::FitJobResult& result, const core::FitJobSpec& spec)
{
    const core::FitResult& r = result.fit.result;
    QStringList lines;
    QString points = tr("<b>%1</b> points").arg(result.data.size());
    if (result.excludedPoints > 0)
        points += tr(", %1 excluded").arg(result.excludedPoints);
    if (result.outOfRangePoints > 0)
        points += tr(", %1 outside the fit range").arg(result.outOfRangePoints);
    lines << points;
    lines << tr("%1 = %2").arg(QString::fromUtf8(core::objectiveName(spec.objective)), num(r.objective, 6));
    lines << tr("RMSE log %1, R\u00b2 log %2").arg(num(r.rmseLog), num(r.r2Log, 5));
    if (std::isfinite(r.aic))
        lines << tr("AIC %1, BIC %2").arg(num(r.aic, 5), num(r.bic, 5));
    const core::MultiStartStats& st = result.fit.stats;
    lines << (r.converged ? tr("converged") : tr("<span style='color:#b00020'>not converged</span>"))
                 + tr(" (%1), %2 iterations").arg(QString::fromStdString(r.termination)).arg(r.iterations);
    if (st.starts > 1)
        lines << tr("%1 of %2 starts converged, %3 reached the best, %4 distinct optima")
                     .arg(st.converged)
                     .arg(st.starts)
                     .arg(st.reachedBest)
                     .arg(st.distinctOptima);
    if (result.backtest)
        lines << tr("Backtest above %1 = %2: %3 runs, mean |error| %4%, max %5%")
                     .arg(QChar::fromLatin1(result.backtest->split.quantity))
                     .arg(num(result.backtest->split.threshold, 3))
                     .arg(result.backtest->observed.size())
                     .arg(num(100.0 * result.backtest->meanAbsRelError, 3))
                     .arg(num(100.0 * result.backtest->maxAbsRelError, 3));
    if (result.bootstrap)
        lines << tr("Bootstrap: %1 of %2 resamples succeeded")
                     .arg(result.bootstrap->resamples - result.bootstrap->failed)
                     .arg(result.bootstrap->resamples);
    return lines.join(QStringLiteral("<br>"));
}

QStringList FitSummary::optima(const core::FitJobResult& result, int limit)
{
    QStringList out;
    const auto& names = result.fit.result.names;
    int shown = 0;
    for (const core::MultiStartOptimum& o : result.fit.stats.optima) {
        if (shown++ >= limit)
            break;
        QStringList params;
        for (std::size_t k = 0; k < o.params.size() && k < names.size(); ++k)
            params << QStringLiteral("%1 %2").arg(QString::fromStdString(names[k]), num(o.params[k], 4));
        out << tr("%1 (%2 starts): %3").arg(num(o.objective, 6)).arg(o.starts).arg(params.join(QStringLiteral(", ")));
    }
    return out;
}

QStringList FitSummary::warnings(const core::FitJobResult& result)
{
    QStringList out;
    for (const std::string& w : result.fit.result.warnings)
        out << QString::fromStdString(w);
    if (result.bootstrap)
        for (const std::string& w : result.bootstrap->warnings)
            out << tr("bootstrap: %1").arg(QString::fromStdString(w));
    if (result.backtest)
        for (const std::string& w : result.backtest->fit.result.warnings)
            out << tr("backtest fit: %1").arg(QString::fromStdString(w));
    return out;
}

} // namespace ui
