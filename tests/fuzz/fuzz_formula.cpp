// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the user-formula law (`--law formula --formula EXPR`, FormulaLaw over
// muparser). The input's first line lists the parameters, comma-separated, each optionally
// "name=start" (start read with strtod); the rest is the expression. When it parses, the law is
// evaluated, and its gradient taken, at three points. Oracle: create() returns an Error with a
// message or a law; eval() and gradient() never throw (an uncaught exception aborts).
#include "SweepInvariants.h"
#include "core/fit/FormulaLaw.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

std::vector<std::pair<std::string, double>> parameters(std::string_view line)
{
    std::vector<std::pair<std::string, double>> out;
    std::size_t start = 0;
    while (start <= line.size() && out.size() < 16) {
        std::size_t end = line.find(',', start);
        if (end == std::string_view::npos)
            end = line.size();
        const std::string item(line.substr(start, end - start));
        start = end + 1;
        const std::size_t eq = item.find('=');
        const double value = eq == std::string::npos ? 1.0 : std::strtod(item.c_str() + eq + 1, nullptr);
        out.emplace_back(item.substr(0, eq), value);
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    const std::string_view first = text.substr(0, newline);
    const std::string expression(newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1));
    auto law = core::FormulaLaw::create(expression, parameters(first));
    if (!law) {
        fuzz::check(law.error());
        return 0;
    }
    std::vector<double> params;
    for (const core::ParameterSpec& spec : (*law)->parameters())
        params.push_back(spec.start);
    std::vector<double> grad(params.size());
    for (const core::LawPoint& point : {core::LawPoint{1e9, 2e10, 1.2e20, 0.5, 0},
                                        core::LawPoint{1, 1, 6, -3, 0}, core::LawPoint{0, 0, 0, 0, 0}}) {
        (void)(*law)->eval(params, point);
        (*law)->gradient(params, point, grad);
    }
    return 0;
}
