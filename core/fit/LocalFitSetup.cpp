// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/LocalFitSetup.h"

#include "core/fit/FitDataCheck.h"

namespace core {

tl::expected<LocalFitSetup, Error> LocalFitSetup::prepare(const FitData& data, const FitRequest& request)
{
    if (request.law == nullptr)
        return tl::make_unexpected(Error::forParameter("--law", "no law given"));
    auto map = ParameterMap::create(*request.law, request);
    if (!map)
        return tl::make_unexpected(map.error());
    if (auto ok = checkFitData(data, request, map->freeCount()); !ok)
        return tl::make_unexpected(ok.error());
    std::vector<double> start;
    const auto specs = request.law->parameters();
    for (std::size_t i = 0; i < specs.size(); ++i)
        start.push_back(request.start.empty() ? specs[i].start : request.start[i]);
    start = map->normalise(start);
    return LocalFitSetup{std::move(*map), std::move(start),
                         ResidualLoss{request.objective, request.delta, request.overestimatePenalty}};
}

} // namespace core
