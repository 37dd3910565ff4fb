// SPDX-License-Identifier: GPL-3.0-or-later
#include "OptimalCliOptions.h"

#include "core/io/NumberParser.h"

#include <algorithm>
#include <cmath>
#include <iterator>

tl::expected<bool, std::string>
OptimalCliOptions::consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value)
{
    static const char* const kFlags[] = {"--budget", "--target-loss", "--flops", "--inference-tokens", "--unique-tokens"};
    if (std::find(std::begin(kFlags), std::end(kFlags), flag) == std::end(kFlags))
        return false;
    anyGiven = true;
    auto v = value();
    if (!v)
        return tl::make_unexpected(v.error());
    if (flag == "--flops") {
        flops = *v;
        return true;
    }
    // Numbers accept size suffixes (5.76e23, 1e24, 2T) like the importers.
    auto positive = [&](const std::string& text, bool allowZero) -> tl::expected<double, std::string> {
        const auto x = core::parseNumber(text);
        if (!x || !std::isfinite(*x) || (allowZero ? *x < 0.0 : *x <= 0.0))
            return tl::make_unexpected(flag + ": expected a number " + (allowZero ? ">= 0" : "> 0") + ", found '" + text + "'");
        return *x;
    };
    if (flag == "--budget") {
        std::size_t start = 0;
        while (start <= v->size()) {
            const std::size_t comma = std::min(v->find(',', start), v->size());
            auto x = positive(v->substr(start, comma - start), false);
            if (!x)
                return tl::make_unexpected(x.error());
            budgets.push_back(*x);
            start = comma + 1;
        }
        return true;
    }
    auto x = positive(*v, flag != "--target-loss");
    if (!x)
        return tl::make_unexpected(x.error());
    if (flag == "--target-loss")
        targetLoss = *x;
    else if (flag == "--inference-tokens")
        inferenceTokens = *x;
    else
        uniqueTokens = *x;
    return true;
}
