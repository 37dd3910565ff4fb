// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FitData.h"

namespace core {

FitData FitData::rows(const std::vector<std::size_t>& rows) const
{
    FitData out;
    const auto n = static_cast<Eigen::Index>(rows.size());
    auto column = [&](const Eigen::VectorXd& src, Eigen::VectorXd& dst) {
        if (src.size() == 0)
            return;
        dst.resize(n);
        for (Eigen::Index k = 0; k < n; ++k)
            dst[k] = src[static_cast<Eigen::Index>(rows[static_cast<std::size_t>(k)])];
    };
    column(N, out.N);
    column(D, out.D);
    column(C, out.C);
    column(x, out.x);
    column(y, out.y);
    column(weight, out.weight);
    column(U, out.U);
    for (std::size_t i : rows)
        out.run.push_back(i < run.size() ? run[i] : i);
    return out;
}

} // namespace core
