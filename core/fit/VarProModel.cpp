// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/VarProModel.h"

#include "core/fit/Law.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>

namespace core {

namespace {

constexpr std::size_t kMaxAxis = 100000;       ///< exponent values per axis
constexpr std::size_t kMaxGrid = 4000000;      ///< lattice points
constexpr std::size_t kMaxColumnValues = 1u << 26; ///< cached column entries (512 MiB)

tl::unexpected<Error> fail(const char* parameter, std::string message)
{
    return tl::unexpected(Error::forParameter(parameter, std::move(message)));
}

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

tl::expected<void, Error> VarProModel::reset(const FitData& data, const FitRequest& request, const VarProGrid& grid)
{
    if (request.law == nullptr)
        return fail("--law", "no law given");
    m_law = request.law;
    const std::string id(m_law->id());
    if (id != "power" && id != "chinchilla")
        return fail("--grid", "variable projection (--grid default) needs law power or chinchilla, not '" + id + "'");
    m_chinchilla = id == "chinchilla";
    if (request.objective == Objective::HuberLog && !(request.delta > 0.0 && std::isfinite(request.delta)))
        return fail("--delta", "the Huber delta must be finite and > 0");
    if (!(request.overestimatePenalty >= 1.0 && std::isfinite(request.overestimatePenalty)))
        return fail("overestimate-penalty", "the over-estimate penalty must be finite and >= 1");
    m_loss = ResidualLoss{request.objective, request.delta, request.overestimatePenalty};
    if (!(std::isfinite(grid.lower) && std::isfinite(grid.upper) && std::isfinite(grid.step) && grid.step > 0.0 &&
          grid.lower <= grid.upper))
        return fail("--grid", "the exponent grid needs finite lower <= upper and step > 0");
    if (grid.maxCandidates == 0)
        return fail("--grid", "at least one candidate must be asked for");
    if (auto ok = loadData(data, request.objective); !ok)
        return ok;
    return layout(request, grid);
}

tl::expected<void, Error> VarProModel::loadData(const FitData& data, Objective objective)
{
    const std::size_t n = data.size();
    const bool logObjective = objective != Objective::Lsq;
    const Eigen::VectorXd& xa = m_chinchilla ? data.N : data.x;
    const char* inputName = m_chinchilla ? "N, D" : "x";
    if (static_cast<std::size_t>(xa.size()) != n || (m_chinchilla && static_cast<std::size_t>(data.D.size()) != n))
        return fail(inputName, std::string("the fit needs ") + inputName + " for each of the " + std::to_string(n) +
                                   " points");
    if (data.weight.size() != 0 && static_cast<std::size_t>(data.weight.size()) != n)
        return fail("weights", "expected one weight per point");
    m_n = n;
    m_y.resize(n);
    m_logY.resize(logObjective ? n : 0);
    m_w.resize(n);
    m_w0.resize(n);
    m_ones.assign(n, 1.0);
    m_xA.resize(n);
    m_xB.resize(m_chinchilla ? n : 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<Eigen::Index>(i);
        const double a = xa[k], b = m_chinchilla ? data.D[k] : 1.0;
        if (!(a > 0.0 && std::isfinite(a) && b > 0.0 && std::isfinite(b)))
            return fail(inputName, "point " + std::to_string(i + 1) + " has a non-positive or non-finite input");
        const double y = data.y[k];
        if (!std::isfinite(y) || (logObjective && !(y > 0.0)))
            return fail("loss", "point " + std::to_string(i + 1) + " has loss " + num(y) +
                                    (logObjective ? "; a log objective needs finite loss > 0" : "; loss must be finite"));
        const double w = data.weightAt(i);
        if (!(w >= 0.0 && std::isfinite(w)))
            return fail("weights", "point " + std::to_string(i + 1) + " has an invalid weight");
        m_y[i] = y;
        m_w[i] = w;
        m_w0[i] = logObjective ? w / (y * y) : w;
        if (logObjective)
            m_logY[i] = std::log(y);
        m_xA[i] = std::log(a);
        if (m_chinchilla)
            m_xB[i] = std::log(b);
    }
    return {};
}

tl::expected<void, Error> VarProModel::layout(const FitRequest& request, const VarProGrid& grid)
{
    const Law& law = *m_law;
    const auto specs = law.parameters();
    const std::size_t np = specs.size(), nTerms = m_chinchilla ? 3 : 2, alpha = nTerms;
    const std::optional<std::size_t> beta = m_chinchilla ? std::optional<std::size_t>(nTerms + 1) : std::nullopt;
    std::array<double, 5> lo{}, hi{}, fixedValue{};
    std::array<bool, 5> fixed{};
    std::array<std::size_t, 5> leader{};
    for (std::size_t i = 0; i < np; ++i) {
        lo[i] = specs[i].lower;
        hi[i] = specs[i].upper;
        leader[i] = i;
    }
    auto index = [&](const std::string& name) { return law.parameterIndex(name); };
    const std::string lawName = "law " + std::string(law.id());
    for (const auto& [name, b] : request.bounds) {
        const auto i = index(name);
        if (!i)
            return fail("--bounds", lawName + " has no parameter '" + name + "'");
        if (!(b.lower <= b.upper))
            return fail("--bounds", "the interval for '" + name + "' is empty");
        lo[*i] = b.lower;
        hi[*i] = b.upper;
    }
    for (const auto& [name, value] : request.fixed) {
        const auto i = index(name);
        if (!i)
            return fail("--fix", lawName + " has no parameter '" + name + "'");
        if (!(value >= lo[*i] && value <= hi[*i]))
            return fail("--fix", "'" + name + "' = " + num(value) + " is outside its bounds [" + num(lo[*i]) + ", " +
                                     num(hi[*i]) + "]");
        fixed[*i] = true;
        fixedValue[*i] = value;
    }
    for (const ParameterTie& tie : request.ties) {
        const auto f = index(tie.follower), l = index(tie.leader);
        if (!f || !l)
            return fail("--tie", lawName + " has no parameter '" + (f ? tie.leader : tie.follower) + "'");
        if (*f == *l || fixed[*f] || fixed[*l] || leader[*f] != *f)
            return fail("--tie", "'" + tie.follower + "' cannot follow '" + tie.leader +
                                     "' (a parameter follows one other, free parameter)");
        if ((*f >= nTerms) != (*l >= nTerms))
            return fail("--tie", "variable projection ties coefficients to coefficients and exponents to exponents");
        leader[*f] = *l;
    }
    for (std::size_t i = 0; i < np; ++i) {
        if (leader[i] == i)
            continue;
        const std::size_t l = leader[i];
        if (leader[l] != l)
            return fail("--tie", "'" + specs[l].name + "' both follows and leads; chains of ties are not supported");
        lo[l] = std::max(lo[l], lo[i]);
        hi[l] = std::min(hi[l], hi[i]);
        if (!(lo[l] <= hi[l]))
            return fail("--tie", "the bounds of '" + specs[i].name + "' and '" + specs[l].name + "' do not overlap");
    }

    // Linear terms: unknowns, offset, shared columns.
    m_k = 0;
    m_hasOffset = m_shared = false;
    for (std::size_t t = 0; t < kTerms; ++t) {
        m_unknownOf[t] = -1;
        m_fixedValue[t] = t < nTerms && fixed[t] ? fixedValue[t] : 0.0;
        m_hasOffset = m_hasOffset || m_fixedValue[t] != 0.0;
        if (t < nTerms && !fixed[t] && leader[t] == t) {
            m_lo[m_k] = std::max(0.0, lo[t]);
            m_hi[m_k] = hi[t];
            if (!(m_lo[m_k] <= m_hi[m_k]))
                return fail("--bounds", "'" + specs[t].name + "' must be allowed values >= 0");
            m_unknownOf[t] = static_cast<int>(m_k++);
        }
    }
    for (std::size_t t = 0; t < nTerms; ++t)
        if (!fixed[t] && leader[t] != t) {
            m_unknownOf[t] = m_unknownOf[leader[t]];
            m_shared = true;
        }

    // Exponent axes.
    const double tol = 1e-9 * grid.step;
    const double span = (grid.upper - grid.lower) / grid.step;
    if (!(span < static_cast<double>(kMaxAxis)))
        return fail("--grid", "more than " + std::to_string(kMaxAxis) + " exponent values per axis");
    const auto steps = static_cast<std::size_t>(std::floor(span + 1e-9));
    auto axis = [&](std::size_t e, std::vector<double>& out) -> tl::expected<void, Error> {
        out.clear();
        if (fixed[e]) {
            out.push_back(fixedValue[e]);
            return {};
        }
        for (std::size_t j = 0; j <= steps; ++j) {
            const double v = grid.lower + static_cast<double>(j) * grid.step;
            if (v >= lo[e] - tol && v <= hi[e] + tol)
                out.push_back(std::clamp(v, lo[e], hi[e]));
        }
        if (out.empty())
            return fail("--grid", "no grid value of '" + specs[e].name + "' lies in [" + num(lo[e]) + ", " +
                                      num(hi[e]) + "]");
        return {};
    };
    m_diagonal = beta && (leader[*beta] != *beta || leader[alpha] != alpha);
    const std::size_t axisParam = m_diagonal ? leader[alpha] == alpha ? alpha : *beta : alpha;
    if (auto ok = axis(axisParam, m_alphas); !ok)
        return ok;
    if (m_diagonal)
        m_betas = m_alphas;
    else if (beta) {
        if (auto ok = axis(*beta, m_betas); !ok)
            return ok;
    } else
        m_betas.clear();
    m_rows = m_diagonal ? 1 : m_alphas.size();
    m_cols = m_diagonal ? m_alphas.size() : beta ? m_betas.size() : 1;

    std::size_t free = m_k;
    for (std::size_t e = alpha; e < np; ++e)
        free += !fixed[e] && leader[e] == e ? 1 : 0;
    if (free == 0)
        return fail("--fix", "every parameter is fixed; there is nothing to fit");
    if (m_n < free)
        return fail("--law", lawName + " has " + std::to_string(free) + " free parameters but the fit has " +
                                 std::to_string(m_n) + " points");
    if (gridSize() > kMaxGrid || (m_alphas.size() + m_betas.size()) * m_n > kMaxColumnValues)
        return fail("--grid", "the exponent grid is too fine for this many points");

    m_colA.resize(m_alphas.size() * m_n);
    for (std::size_t a = 0; a < m_alphas.size(); ++a)
        for (std::size_t i = 0; i < m_n; ++i)
            m_colA[a * m_n + i] = std::exp(-m_alphas[a] * m_xA[i]);
    m_colB.resize(m_betas.size() * m_n);
    for (std::size_t b = 0; b < m_betas.size(); ++b)
        for (std::size_t i = 0; i < m_n; ++i)
            m_colB[b * m_n + i] = std::exp(-m_betas[b] * m_xB[i]);
    return {};
}

std::size_t VarProModel::alphaIndex(std::size_t p) const
{
    return m_diagonal ? p : p / m_cols;
}

std::size_t VarProModel::betaIndex(std::size_t p) const
{
    return m_diagonal ? p : p % m_cols;
}

const double* VarProModel::column(std::size_t t, std::size_t p) const
{
    if (t == 0 || (t == 2 && !m_chinchilla))
        return m_ones.data();
    return t == 1 ? m_colA.data() + alphaIndex(p) * m_n : m_colB.data() + betaIndex(p) * m_n;
}

std::vector<double> VarProModel::params(std::size_t p, std::span<const double> coef) const
{
    const std::size_t nTerms = m_chinchilla ? 3 : 2;
    std::vector<double> out(m_law->parameters().size());
    for (std::size_t t = 0; t < nTerms; ++t)
        out[t] = m_unknownOf[t] >= 0 ? coef[static_cast<std::size_t>(m_unknownOf[t])] : m_fixedValue[t];
    out[nTerms] = m_alphas[alphaIndex(p)];
    if (m_chinchilla)
        out[nTerms + 1] = m_betas[betaIndex(p)];
    return out;
}

double VarProModel::objectiveAt(const FitData& data, std::span<const double> params) const
{
    double f = 0.0;
    for (std::size_t i = 0; i < m_n; ++i) {
        const double r = m_loss.residual(m_law->eval(params, data.point(i)), m_y[i]);
        f += m_loss.factor(r, m_w[i]) * m_loss.rho(r);
    }
    return std::isfinite(f) ? f : std::numeric_limits<double>::infinity();
}

bool VarProModel::sameLaw(std::size_t pa, std::span<const double> ca, std::size_t pb,
                          std::span<const double> cb) const
{
    for (std::size_t u = 0; u < m_k; ++u)
        if (std::abs(ca[u] - cb[u]) > 1e-9 * std::max(std::abs(ca[u]), std::abs(cb[u])))
            return false;
    auto termValue = [&](std::size_t t) {
        return m_unknownOf[t] >= 0 ? ca[static_cast<std::size_t>(m_unknownOf[t])] : m_fixedValue[t];
    };
    if (m_alphas[alphaIndex(pa)] != m_alphas[alphaIndex(pb)] && termValue(1) != 0.0)
        return false;
    if (m_chinchilla && m_betas[betaIndex(pa)] != m_betas[betaIndex(pb)] && termValue(2) != 0.0)
        return false;
    return true;
}

} // namespace core
