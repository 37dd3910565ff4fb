// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/ParameterMap.h"

#include "core/util/NumberText.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace core {

namespace {

bool finite(double v)
{
    return std::isfinite(v);
}

} // namespace

tl::expected<ParameterMap, Error> ParameterMap::create(const Law& law, const FitRequest& request)
{
    const auto specs = law.parameters();
    const std::size_t n = specs.size();
    const std::string lawName(law.id());
    auto unknown = [&](const char* option, const std::string& name) {
        return tl::make_unexpected(Error::forParameter(option, "law " + lawName + " has no parameter '" + name + "'"));
    };
    if (!request.start.empty() && request.start.size() != n)
        return tl::make_unexpected(Error::forParameter("--start", "law " + lawName + " has " + std::to_string(n)
                                                       + " parameters but " + std::to_string(request.start.size())
                                                       + " start values were given"));
    ParameterMap m;
    m.m_source.assign(n, 0);
    m.m_fixed.assign(n, 0.0);
    for (const ParameterSpec& s : specs) {
        m.m_lower.push_back(s.lower);
        m.m_upper.push_back(s.upper);
    }
    for (const auto& [name, b] : request.bounds) {
        const auto i = law.parameterIndex(name);
        if (!i)
            return unknown("--bounds", name);
        if (!(b.lower < b.upper) || std::isnan(b.lower) || std::isnan(b.upper))
            return tl::make_unexpected(Error::forParameter("--bounds", name + ": the interval " + shortestText(b.lower)
                                                           + ":" + shortestText(b.upper) + " is empty"));
        m.m_lower[*i] = b.lower;
        m.m_upper[*i] = b.upper;
    }
    for (const auto& [name, value] : request.fixed) {
        const auto i = law.parameterIndex(name);
        if (!i)
            return unknown("--fix", name);
        if (!finite(value))
            return tl::make_unexpected(Error::forParameter("--fix", name + " must be a finite number"));
        m.m_source[*i] = -1;
        m.m_fixed[*i] = value;
    }
    std::vector<long> leaderOf(n, -1); // law index of a follower's leader
    for (const ParameterTie& t : request.ties) {
        const auto f = law.parameterIndex(t.follower);
        const auto l = law.parameterIndex(t.leader);
        if (!f)
            return unknown("--tie", t.follower);
        if (!l)
            return unknown("--tie", t.leader);
        if (*f == *l)
            return tl::make_unexpected(Error::forParameter("--tie", t.follower + " cannot be tied to itself"));
        if (m.m_source[*f] < 0 || m.m_source[*l] < 0)
            return tl::make_unexpected(Error::forParameter("--tie", t.follower + "=" + t.leader
                                                           + ": a tied parameter cannot also be fixed"));
        if (leaderOf[*f] >= 0)
            return tl::make_unexpected(Error::forParameter("--tie", t.follower + " is tied twice"));
        leaderOf[*f] = static_cast<long>(*l);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (leaderOf[i] >= 0 && leaderOf[static_cast<std::size_t>(leaderOf[i])] >= 0)
            return tl::make_unexpected(Error::forParameter("--tie", specs[i].name + " is tied to " +
                specs[static_cast<std::size_t>(leaderOf[i])].name + ", which is itself tied; tie both to one leader"));
    // Free variables, in law order of their leaders; followers share the intersection of intervals.
    for (std::size_t i = 0; i < n; ++i) {
        if (m.m_source[i] < 0 || leaderOf[i] >= 0)
            continue;
        m.m_source[i] = static_cast<long>(m.m_leader.size());
        m.m_leader.push_back(i);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (leaderOf[i] < 0)
            continue;
        const auto l = static_cast<std::size_t>(leaderOf[i]);
        m.m_source[i] = m.m_source[l];
        m.m_lower[l] = m.m_lower[i] = std::max(m.m_lower[l], m.m_lower[i]);
        m.m_upper[l] = m.m_upper[i] = std::min(m.m_upper[l], m.m_upper[i]);
        if (!(m.m_lower[l] < m.m_upper[l]))
            return tl::make_unexpected(Error::forParameter("--tie", specs[i].name + "=" + specs[l].name
                                                           + ": their bounds do not overlap"));
    }
    for (std::size_t i = 0; i < n; ++i)
        if (m.m_source[i] < 0 && (m.m_fixed[i] < m.m_lower[i] || m.m_fixed[i] > m.m_upper[i]))
            return tl::make_unexpected(Error::forParameter("--fix", specs[i].name + "=" + shortestText(m.m_fixed[i])
                + " is outside its bounds " + shortestText(m.m_lower[i]) + ":" + shortestText(m.m_upper[i])));
    if (m.m_leader.empty())
        return tl::make_unexpected(Error::forParameter("--fix", "every parameter of law " + lawName
                                                       + " is fixed; nothing is left to fit"));
    return m;
}

double ParameterMap::toP(std::size_t j, double q) const
{
    const std::size_t i = m_leader[j];
    const double lo = m_lower[i], hi = m_upper[i];
    if (finite(lo) && finite(hi))
        return lo + (hi - lo) / (1.0 + std::exp(-q));
    if (finite(lo))
        return lo + std::exp(q);
    if (finite(hi))
        return hi - std::exp(-q);
    return q;
}

double ParameterMap::dPdQ(std::size_t j, double q) const
{
    const std::size_t i = m_leader[j];
    const double lo = m_lower[i], hi = m_upper[i];
    if (finite(lo) && finite(hi)) {
        const double s = 1.0 / (1.0 + std::exp(-q));
        return (hi - lo) * s * (1.0 - s);
    }
    if (finite(lo))
        return std::exp(q);
    if (finite(hi))
        return std::exp(-q);
    return 1.0;
}

void ParameterMap::toParams(std::span<const double> q, std::span<double> p) const
{
    for (std::size_t i = 0; i < m_source.size(); ++i)
        p[i] = m_source[i] < 0 ? m_fixed[i] : toP(static_cast<std::size_t>(m_source[i]), q[static_cast<std::size_t>(m_source[i])]);
}

std::vector<double> ParameterMap::toSolver(std::span<const double> p) const
{
    std::vector<double> q(m_leader.size());
    for (std::size_t j = 0; j < m_leader.size(); ++j) {
        const std::size_t i = m_leader[j];
        const double lo = m_lower[i], hi = m_upper[i];
        double v = p[i];
        const double span = finite(lo) && finite(hi) ? hi - lo : std::max(1.0, std::abs(v));
        const double eps = 1e-9 * span;
        if (!finite(v))
            v = finite(lo) && finite(hi) ? 0.5 * (lo + hi) : (finite(lo) ? lo + 1.0 : (finite(hi) ? hi - 1.0 : 0.0));
        if (finite(lo))
            v = std::max(v, lo + eps);
        if (finite(hi))
            v = std::min(v, hi - eps);
        if (finite(lo) && finite(hi)) {
            const double s = (v - lo) / (hi - lo);
            q[j] = std::log(s / (1.0 - s));
        } else if (finite(lo)) {
            q[j] = std::log(v - lo);
        } else if (finite(hi)) {
            q[j] = -std::log(hi - v);
        } else {
            q[j] = v;
        }
    }
    return q;
}

std::vector<double> ParameterMap::normalise(std::span<const double> p) const
{
    std::vector<double> out(m_source.size());
    toParams(toSolver(p), out);
    return out;
}

void ParameterMap::chain(std::span<const double> q, std::span<const double> dFdp, std::span<double> dFdq) const
{
    std::fill(dFdq.begin(), dFdq.end(), 0.0);
    for (std::size_t i = 0; i < m_source.size(); ++i)
        if (m_source[i] >= 0)
            dFdq[static_cast<std::size_t>(m_source[i])] += dFdp[i];
    for (std::size_t j = 0; j < m_leader.size(); ++j)
        dFdq[j] *= dPdQ(j, q[j]);
}

void ParameterMap::collapse(std::span<const double> dFdp, std::span<double> dFdLeader) const
{
    std::fill(dFdLeader.begin(), dFdLeader.end(), 0.0);
    for (std::size_t i = 0; i < m_source.size(); ++i)
        if (m_source[i] >= 0)
            dFdLeader[static_cast<std::size_t>(m_source[i])] += dFdp[i];
}

} // namespace core
