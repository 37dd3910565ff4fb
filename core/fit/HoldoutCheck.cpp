// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/HoldoutCheck.h"

#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>

namespace core {


tl::expected<HoldoutResult, Error> holdoutCheck(const FitData& data, const FitRequest& request, const HoldoutSplit& split,
                                                const Progress& progress)
{
    if (split.quantity != 'N' && split.quantity != 'C')
        return tl::make_unexpected(Error::forParameter("--holdout-above", "expected N=VALUE or C=VALUE"));
    const Eigen::VectorXd& column = split.quantity == 'N' ? data.N : data.C;
    if (static_cast<std::size_t>(column.size()) != data.size())
        return tl::make_unexpected(Error::forParameter("--holdout-above", std::string("the data have no ") + split.quantity + " column"));
    std::vector<std::size_t> below, above;
    for (std::size_t i = 0; i < data.size(); ++i)
        (column[static_cast<Eigen::Index>(i)] > split.threshold ? above : below).push_back(i);
    const std::string where = std::string(1, split.quantity) + "=" + shortestText(split.threshold);
    if (above.empty() || below.empty())
        return tl::make_unexpected(Error::forParameter("--holdout-above", where + " leaves " + std::to_string(below.size())
            + " points to fit and " + std::to_string(above.size()) + " to predict; both must be non-empty"));
    auto fit = fitLaw(data.rows(below), request, progress);
    if (!fit)
        return tl::make_unexpected(fit.error());
    HoldoutResult out;
    out.split = split;
    out.fit = std::move(*fit);
    double sum = 0.0;
    for (std::size_t i : above) {
        const double y = data.y[static_cast<Eigen::Index>(i)];
        const double pred = request.law->eval(out.fit.result.params, data.point(i));
        out.observed.push_back(y);
        out.predicted.push_back(pred);
        const double err = std::abs(pred - y) / std::abs(y);
        sum += err;
        out.maxAbsRelError = std::max(out.maxAbsRelError, err);
    }
    out.meanAbsRelError = sum / static_cast<double>(above.size());
    return out;
}

} // namespace core
