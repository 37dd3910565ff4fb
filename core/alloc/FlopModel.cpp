// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/alloc/FlopModel.h"

#include "core/util/NumberText.h"

#include <cmath>
#include <vector>

namespace core {

namespace {

bool positiveFinite(double v)
{
    return std::isfinite(v) && v > 0.0;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

} // namespace

tl::expected<double, Error> FlopModel::flopsPerToken(double N, const ArchitectureColumns& columns) const
{
    const std::string model(id());
    if (usesN() && !positiveFinite(N))
        return tl::unexpected(Error::forParameter(
            "--flops", "FLOP model '" + model + "' needs the parameter count N as a finite number > 0, got " + shortestText(N)));
    std::vector<std::string> missing, invalid;
    for (const std::string_view name : requiredColumns()) {
        const auto it = columns.find(name);
        if (it == columns.end())
            missing.emplace_back(name);
        else if (!positiveFinite(it->second))
            invalid.push_back(std::string(name) + " = " + shortestText(it->second));
    }
    if (!missing.empty())
        return tl::unexpected(Error::forParameter(
            "--flops", "FLOP model '" + model + "' needs the architecture column" + (missing.size() > 1 ? "s " : " ") +
                           joined(missing) + ", missing from the run"));
    if (!invalid.empty())
        return tl::unexpected(Error::forParameter(
            "--flops", "FLOP model '" + model + "' needs finite values > 0 in its columns, got " + joined(invalid)));
    return perToken(N, columns);
}

tl::expected<FlopCount, Error> FlopModel::count(double N, double D, const ArchitectureColumns& columns) const
{
    if (!positiveFinite(D))
        return tl::unexpected(Error::forParameter(
            "--flops", "FLOP model '" + std::string(id()) + "' needs the token count D as a finite number > 0, got " + shortestText(D)));
    auto perTok = flopsPerToken(N, columns);
    if (!perTok)
        return tl::unexpected(perTok.error());
    return FlopCount{std::string(id()), std::string(formula()), *perTok, *perTok * D};
}

} // namespace core
