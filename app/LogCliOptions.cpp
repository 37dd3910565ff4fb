// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogCliOptions.h"

#include "core/io/NumberParser.h"

#include <cmath>

namespace {

tl::expected<double, std::string> positive(const std::string& flag, const std::string& text)
{
    double v = 0;
    if (!core::parseNumber(text, v) || !std::isfinite(v) || v <= 0)
        return tl::make_unexpected(flag + ": expected a positive number, found '" + text + "'");
    return v;
}

} // namespace

tl::expected<bool, std::string>
LogCliOptions::consume(const std::string& flag, const std::function<tl::expected<std::string, std::string>()>& value,
                       core::RunMetadataOptions& options)
{
    if (flag != "--metric" && flag != "--key" && flag != "--name-pattern" && flag != "--join"
        && flag != "--join-column" && flag != "--tokens-per-step" && flag != "--batch-size" && flag != "--seq-len")
        return false;
    auto v = value();
    if (!v)
        return tl::make_unexpected(v.error());
    if (flag == "--metric") {
        options.metric = *v;
    } else if (flag == "--key") {
        const auto eq = v->find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == v->size())
            return tl::make_unexpected("--key: expected ROLE=KEY (e.g. N=model_size), found '" + *v + "'");
        const auto role = core::roleFromName(v->substr(0, eq));
        if (!role || *role == core::Role::Loss || *role == core::Role::Run || *role == core::Role::Step)
            return tl::make_unexpected("--key: the role must be N, D, C, budget or unique_tokens, found '"
                                       + v->substr(0, eq) + "'");
        options.keys[*role] = v->substr(eq + 1);
    } else if (flag == "--name-pattern") {
        options.namePattern = *v;
    } else if (flag == "--join") {
        options.joinTable = *v;
    } else if (flag == "--join-column") {
        options.joinColumn = *v;
    } else {
        auto number = positive(flag, *v);
        if (!number)
            return tl::make_unexpected(number.error());
        if (flag == "--tokens-per-step") {
            options.tokensPerStep = *number;
            tokensPerStepGiven = true;
        } else if (flag == "--batch-size") {
            batchSize = *number;
        } else {
            sequenceLength = *number;
        }
    }
    return true;
}

tl::expected<void, std::string> LogCliOptions::finish(core::RunMetadataOptions& options) const
{
    if ((batchSize > 0) != (sequenceLength > 0))
        return tl::make_unexpected(batchSize > 0 ? "--batch-size needs --seq-len (tokens per step = batch × seq len)"
                                                 : "--seq-len needs --batch-size (tokens per step = batch × seq len)");
    if (batchSize > 0 && tokensPerStepGiven)
        return tl::make_unexpected("give either --tokens-per-step or --batch-size with --seq-len, not both");
    if (batchSize > 0)
        options.tokensPerStep = batchSize * sequenceLength;
    return {};
}
