// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/FormulaLaw.h"

#include <muParser.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::array<const char*, 4> kInputs{"x", "N", "D", "C"};

double arctan(double v)
{
    return std::atan(v);
}

Error formulaError(std::string message)
{
    Error e;
    e.parameter = "--formula";
    e.message = std::move(message);
    return e;
}

bool validName(const std::string& name)
{
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

} // namespace

/// A muparser Parser bound to its own variable storage: the parameters, then x, N, D, C.
/// Not thread-safe; FormulaLaw hands each one to a single thread at a time.
class FormulaLaw::Evaluator {
public:
    /// Parses `expression`; throws mu::Parser::exception_type on any parser error.
    Evaluator(const std::string& expression, const std::vector<ParameterSpec>& specs)
        : m_values(specs.size() + kInputs.size(), 1.0), m_count(specs.size())
    {
        m_parser.DefineConst("pi", std::numbers::pi);
        m_parser.DefineFun("arctan", arctan);
        for (std::size_t i = 0; i < specs.size(); ++i) {
            m_values[i] = specs[i].start;
            m_parser.DefineVar(specs[i].name, &m_values[i]);
        }
        for (std::size_t i = 0; i < kInputs.size(); ++i)
            m_parser.DefineVar(kInputs[i], &m_values[m_count + i]);
        m_parser.SetExpr(expression);
        (void)m_parser.Eval(); // muparser parses lazily: surface syntax errors now
    }

    /// Loads the parameters and the point; afterwards evalWith() varies one parameter.
    void load(std::span<const double> params, const LawPoint& point)
    {
        std::copy_n(params.begin(), m_count, m_values.begin());
        m_values[m_count] = point.x;
        m_values[m_count + 1] = point.N;
        m_values[m_count + 2] = point.D;
        m_values[m_count + 3] = point.C;
    }
    [[nodiscard]] double eval()
    {
        try {
            return m_parser.Eval();
        } catch (const mu::Parser::exception_type&) {
            return kNaN;
        }
    }
    /// The expression with parameter j set to `value` (restored afterwards).
    [[nodiscard]] double evalWith(std::size_t j, double value)
    {
        const double saved = m_values[j];
        m_values[j] = value;
        const double v = eval();
        m_values[j] = saved;
        return v;
    }

    /// d eval / d parameter j by Ridders' method (Numerical Recipes' dfridr): central differences
    /// at steps h, h/1.4, h/1.4^2, ... extrapolated to step 0 in a Neville tableau; returns the
    /// entry with the smallest error estimate and stops once the estimates grow.
    [[nodiscard]] double derivative(std::size_t j)
    {
        constexpr int kTab = 10;
        constexpr double kCon = 1.4, kCon2 = kCon * kCon, kSafe = 2.0;
        const double p = m_values[j];
        double h = 2e-3 * std::max(std::abs(p), 1e-6);
        auto central = [&](double step) {
            const double up = p + step, down = p - step; // exactly representable differences
            return (evalWith(j, up) - evalWith(j, down)) / (up - down);
        };
        std::array<std::array<double, kTab>, kTab> a{};
        a[0][0] = central(h);
        double best = a[0][0];
        double err = std::numeric_limits<double>::infinity();
        for (int i = 1; i < kTab; ++i) {
            h /= kCon;
            a[0][i] = central(h);
            if (!std::isfinite(best))
                best = a[0][i];
            double fac = kCon2;
            for (int k = 1; k <= i; ++k) {
                a[k][i] = (a[k - 1][i] * fac - a[k - 1][i - 1]) / (fac - 1.0);
                fac *= kCon2;
                const double e = std::max(std::abs(a[k][i] - a[k - 1][i]), std::abs(a[k][i] - a[k - 1][i - 1]));
                if (e <= err) {
                    err = e;
                    best = a[k][i];
                }
            }
            if (std::abs(a[i][i] - a[i - 1][i - 1]) >= kSafe * err)
                break;
        }
        return best;
    }

private:
    mu::Parser m_parser;
    std::vector<double> m_values; ///< never resized: the parser holds pointers into it
    std::size_t m_count;          ///< number of parameters
};

tl::expected<std::unique_ptr<FormulaLaw>, Error>
FormulaLaw::create(std::string expression, std::vector<std::pair<std::string, double>> parametersWithStarts)
{
    std::vector<ParameterSpec> specs;
    for (const auto& [name, start] : parametersWithStarts) {
        if (!validName(name))
            return tl::make_unexpected(formulaError("invalid parameter name '" + name
                + "': use letters, digits and '_', not starting with a digit"));
        if (name == "pi" || name == "_pi" || name == "_e"
            || std::find(kInputs.begin(), kInputs.end(), name) != kInputs.end())
            return tl::make_unexpected(formulaError("parameter name '" + name
                + "' is reserved (x, N, D, C, pi, _pi, _e)"));
        // Compared by hand, not in a lambda: clang before 16 cannot capture a structured binding.
        bool twice = false;
        for (const ParameterSpec& earlier : specs)
            twice = twice || earlier.name == name;
        if (twice)
            return tl::make_unexpected(formulaError("parameter '" + name + "' is given twice"));
        ParameterSpec s;
        s.name = name;
        s.start = start;
        specs.push_back(std::move(s));
    }
    std::unique_ptr<Evaluator> first;
    try {
        first = std::make_unique<Evaluator>(expression, specs);
    } catch (const mu::Parser::exception_type& e) {
        const std::string where = " at character " + std::to_string(e.GetPos() + 1) + " of '" + expression + "'";
        std::string what;
        switch (e.GetCode()) {
        case mu::ecUNASSIGNABLE_TOKEN:
            what = "unknown variable or function '" + e.GetToken() + "'" + where
                 + " (the formula may use x, N, D, C and its parameters)";
            break;
        case mu::ecUNEXPECTED_EOF:
            what = "incomplete expression" + where;
            break;
        default:
            what = "syntax error" + where;
        }
        return tl::make_unexpected(formulaError(what + ": " + e.GetMsg()));
    }
    std::unique_ptr<FormulaLaw> law(new FormulaLaw(std::move(expression), std::move(specs)));
    law->m_pool.push_back(std::move(first));
    return law;
}

FormulaLaw::FormulaLaw(std::string expression, std::vector<ParameterSpec> specs)
    : m_expression(std::move(expression)), m_specs(std::move(specs))
{
}

FormulaLaw::~FormulaLaw() = default;

FormulaLaw::Lease::~Lease()
{
    if (!evaluator)
        return;
    const std::lock_guard lock(owner->m_poolMutex);
    owner->m_pool.push_back(std::move(evaluator));
}

FormulaLaw::Lease FormulaLaw::lease() const
{
    std::unique_ptr<Evaluator> pooled;
    {
        const std::lock_guard lock(m_poolMutex);
        if (!m_pool.empty()) {
            pooled = std::move(m_pool.back());
            m_pool.pop_back();
        }
    }
    if (pooled)
        return Lease{this, std::move(pooled)};
    try {
        return Lease{this, std::make_unique<Evaluator>(m_expression, m_specs)};
    } catch (...) { // the expression parsed in create(); out of memory is the only way here
        return Lease{this, nullptr};
    }
}

double FormulaLaw::eval(std::span<const double> params, const LawPoint& point) const
{
    const Lease l = lease();
    if (!l.evaluator)
        return kNaN;
    l.evaluator->load(params, point);
    return l.evaluator->eval();
}

void FormulaLaw::gradient(std::span<const double> params, const LawPoint& point, std::span<double> grad) const
{
    const Lease l = lease();
    for (std::size_t j = 0; j < m_specs.size(); ++j)
        grad[j] = kNaN;
    if (!l.evaluator)
        return;
    l.evaluator->load(params, point);
    for (std::size_t j = 0; j < m_specs.size(); ++j)
        grad[j] = l.evaluator->derivative(j);
}

} // namespace core
