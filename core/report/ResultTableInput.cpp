// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/ResultTableInput.h"

namespace core {

ResultTableInput resultTableInput(const FitResult& fit, Objective objective, const BootstrapResult* bootstrap)
{
    ResultTableInput in;
    in.names = fit.names;
    in.values = fit.params;
    in.stderrs = fit.stderrs;
    if (bootstrap) {
        in.lower = bootstrap->lower;
        in.upper = bootstrap->upper;
    }
    in.objectiveName = objectiveName(objective);
    in.objective = fit.objective;
    in.points = fit.residuals.size();
    in.rmseLog = fit.rmseLog;
    in.r2Log = fit.r2Log;
    return in;
}

} // namespace core
