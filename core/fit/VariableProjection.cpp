// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fit/VariableProjection.h"

#include "core/fit/VarProModel.h"
#include "core/fit/VarProSolver.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace core {

namespace {

constexpr std::size_t kCoarsePoints = 700;    ///< lattices up to this size are evaluated in full
constexpr std::size_t k1dFull = 32;           ///< 1-D lattices up to this length are evaluated in full
constexpr std::size_t kSeedsPerCandidate = 4; ///< descents started per candidate asked for
constexpr std::size_t kChunk = 8;             ///< lattice points per task
constexpr double kWorkPerThread = 2e4;        ///< (lattice points x data points) worth a thread
constexpr std::size_t kCoef = 3;              ///< stride of the stored coefficients
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Storage reused by the calls made from one thread (bootstrap calls this thousands of times).
struct Workspace {
    VarProModel model;
    VarProSolver solver;
    std::vector<double> objective;      ///< per lattice point; NaN = not evaluated yet
    std::vector<double> coef;           ///< kCoef per lattice point
    std::vector<std::size_t> batch, seeds, rowAxis, colAxis, minima;
    std::vector<unsigned char> queued;  ///< per lattice point
    std::vector<unsigned char> moving;  ///< per seed
    bool busy = false;
};

/// Marks a workspace busy for the duration of a call (a progress callback may call again).
class Lease {
public:
    explicit Lease(Workspace& w) : m_w(w) { m_w.busy = true; }
    ~Lease() { m_w.busy = false; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

private:
    Workspace& m_w;
};

/// How many of 0, s, 2s, ... and length - 1 there are.
std::size_t stridedCount(std::size_t length, std::size_t s)
{
    return (length + s - 1) / s + ((length - 1) % s != 0 ? 1 : 0);
}

/// Lattice indices 0, s, 2s, ... plus the last one.
void strided(std::size_t length, std::size_t s, std::vector<std::size_t>& out)
{
    out.clear();
    for (std::size_t i = 0; i < length; i += s)
        out.push_back(i);
    if (out.back() != length - 1)
        out.push_back(length - 1);
}

/// The (up to 8) lattice neighbours of p.
template <typename F>
void forNeighbours(std::size_t p, std::size_t rows, std::size_t cols, F&& f)
{
    const std::size_t r = p / cols, c = p % cols;
    for (std::size_t rr = r > 0 ? r - 1 : 0; rr <= std::min(r + 1, rows - 1); ++rr)
        for (std::size_t cc = c > 0 ? c - 1 : 0; cc <= std::min(c + 1, cols - 1); ++cc)
            if (rr != r || cc != c)
                f(rr * cols + cc);
}

/// Evaluates the lattice points of a batch on the calling thread and up to threads - 1 jthreads,
/// reporting progress (scaled to [from, to]) from the calling thread. Every point's solve depends
/// on that point alone, so the values do not depend on how the batch is split. False: cancelled.
class BatchRunner {
public:
    BatchRunner(Workspace& ws, unsigned threads, const Progress& progress)
        : m_ws(ws), m_threads(threads), m_progress(progress)
    {
    }

    bool run(const std::vector<std::size_t>& batch, double from, double to)
    {
        const std::size_t total = batch.size(), chunks = (total + kChunk - 1) / kChunk;
        const double work = static_cast<double>(total) * static_cast<double>(m_ws.model.points());
        const auto threads = static_cast<unsigned>(std::min<double>(
            {static_cast<double>(m_threads), static_cast<double>(chunks), std::max(1.0, work / kWorkPerThread)}));
        std::atomic<std::size_t> next{0}, done{0};
        std::atomic<bool> stop{false};
        auto work_on = [&](VarProSolver& solver, bool caller) {
            for (;;) {
                const std::size_t chunk = next.fetch_add(1, std::memory_order_relaxed);
                if (chunk >= chunks || stop.load(std::memory_order_relaxed))
                    return;
                const std::size_t begin = chunk * kChunk, end = std::min(total, begin + kChunk);
                for (std::size_t k = begin; k < end; ++k) {
                    const std::size_t p = batch[k];
                    m_ws.objective[p] = solver.solve(p, {m_ws.coef.data() + p * kCoef, kCoef});
                }
                const std::size_t finished = done.fetch_add(end - begin) + (end - begin);
                const double fraction = from + (to - from) * static_cast<double>(finished) / static_cast<double>(total);
                if (caller && m_progress && !m_progress(fraction)) {
                    stop = true;
                    return;
                }
            }
        };
        {
            std::vector<std::jthread> pool;
            pool.reserve(threads > 0 ? threads - 1 : 0);
            for (unsigned t = 1; t < threads; ++t)
                pool.emplace_back([&] {
                    VarProSolver solver;
                    solver.bind(m_ws.model);
                    work_on(solver, false);
                });
            work_on(m_ws.solver, true);
        } // joins the workers
        return !stop;
    }

private:
    Workspace& m_ws;
    unsigned m_threads;
    const Progress& m_progress;
};

} // namespace

tl::expected<std::vector<VarProCandidate>, Error>
variableProjection(const FitData& data, const FitRequest& request, const VarProGrid& grid, const Progress& progress)
{
    thread_local Workspace cached;
    Workspace fresh;
    Workspace& ws = cached.busy ? fresh : cached;
    const Lease lease(ws);
    if (auto ok = ws.model.reset(data, request, grid); !ok)
        return tl::unexpected(ok.error());
    const VarProModel& model = ws.model;
    const std::size_t total = model.gridSize(), rows = model.rows(), cols = model.cols();
    ws.objective.assign(total, std::numeric_limits<double>::quiet_NaN());
    ws.coef.assign(total * kCoef, 0.0);
    ws.queued.assign(total, 0);
    ws.solver.bind(model);
    const unsigned threads = request.threads ? request.threads : std::max(1u, std::thread::hardware_concurrency());
    BatchRunner runner(ws, threads, progress);
    const auto cancelled = [] { return tl::unexpected(Error::forParameter("", "cancelled")); };

    // 1. A coarse sub-lattice: every s-th exponent value and the last, s the smallest stride with
    //    at most kCoarsePoints points (s = 1, the whole lattice, for small grids). A 1-D lattice
    //    (one exponent, or alpha = beta) longer than k1dFull is a smooth profile: stride 4, then
    //    the walk below settles each coarse minimum on the full lattice.
    std::size_t s = 1;
    while (stridedCount(rows, s) * stridedCount(cols, s) > kCoarsePoints)
        ++s;
    if ((rows == 1 || cols == 1) && rows * cols > k1dFull)
        s = std::max<std::size_t>(s, 4);
    strided(rows, s, ws.rowAxis);
    strided(cols, s, ws.colAxis);
    ws.batch.clear();
    for (std::size_t r : ws.rowAxis)
        for (std::size_t c : ws.colAxis)
            ws.batch.push_back(r * cols + c);
    const double coarseShare = s == 1 ? 1.0 : 0.9;
    if (!runner.run(ws.batch, 0.0, coarseShare))
        return cancelled();

    // 2. The coarse lattice's local minima (8-neighbourhood among coarse points), best first,
    //    one per distinct law, become the seeds of descents on the full lattice.
    ws.minima.clear();
    const std::size_t cr = ws.rowAxis.size(), cc = ws.colAxis.size();
    for (std::size_t k = 0; k < cr * cc; ++k) {
        const std::size_t p = ws.batch[k];
        const double v = ws.objective[p];
        bool minimum = v < kInf;
        forNeighbours(k, cr, cc, [&](std::size_t q) { minimum = minimum && !(ws.objective[ws.batch[q]] < v); });
        if (minimum)
            ws.minima.push_back(p);
    }
    const auto better = [&](std::size_t a, std::size_t b) {
        return ws.objective[a] < ws.objective[b] || (ws.objective[a] == ws.objective[b] && a < b);
    };
    const auto distinct = [&](std::vector<std::size_t>& from, std::vector<std::size_t>& into, std::size_t cap) {
        std::sort(from.begin(), from.end(), better);
        into.clear();
        for (std::size_t p : from) {
            if (into.size() == cap)
                break;
            const std::span<const double> cp(ws.coef.data() + p * kCoef, kCoef);
            if (std::none_of(into.begin(), into.end(), [&](std::size_t q) {
                    return q == p || model.sameLaw(p, cp, q, {ws.coef.data() + q * kCoef, kCoef});
                }))
                into.push_back(p);
        }
    };
    const std::size_t seedCap = grid.maxCandidates > std::numeric_limits<std::size_t>::max() / kSeedsPerCandidate
                                    ? grid.maxCandidates
                                    : kSeedsPerCandidate * grid.maxCandidates;
    distinct(ws.minima, ws.seeds, seedCap);

    // 3. Descents: evaluate the unevaluated neighbours of every moving seed, move each to its
    //    best neighbour while that is strictly better. A seed that stops is a local minimum of
    //    the full lattice (all 8 neighbours evaluated, none better). Deterministic: each round's
    //    set of points depends only on objective values.
    std::vector<unsigned char>& moving = ws.moving;
    moving.assign(ws.seeds.size(), 1);
    double reported = coarseShare;
    for (bool anyMoving = s > 1; anyMoving;) {
        ws.batch.clear();
        for (std::size_t k = 0; k < ws.seeds.size(); ++k)
            if (moving[k])
                forNeighbours(ws.seeds[k], rows, cols, [&](std::size_t q) {
                    if (std::isnan(ws.objective[q]) && !ws.queued[q]) {
                        ws.queued[q] = 1;
                        ws.batch.push_back(q);
                    }
                });
        const double upto = reported + 0.5 * (0.99 - reported);
        if (!ws.batch.empty() && !runner.run(ws.batch, reported, upto))
            return cancelled();
        reported = upto;
        anyMoving = false;
        for (std::size_t k = 0; k < ws.seeds.size(); ++k) {
            if (!moving[k])
                continue;
            std::size_t best = ws.seeds[k];
            forNeighbours(ws.seeds[k], rows, cols, [&](std::size_t q) {
                if (better(q, best))
                    best = q;
            });
            if (ws.objective[best] < ws.objective[ws.seeds[k]]) {
                ws.seeds[k] = best;
                anyMoving = true;
            } else {
                moving[k] = 0;
            }
        }
    }
    if (progress && !progress(1.0))
        return cancelled();

    // 4. Candidates: the distinct end points, best first.
    ws.minima = ws.seeds;
    distinct(ws.minima, ws.seeds, grid.maxCandidates);
    if (ws.seeds.empty())
        return tl::unexpected(Error::forParameter("--grid", "the objective is not finite at any grid point"));
    std::vector<VarProCandidate> out;
    out.reserve(ws.seeds.size());
    for (std::size_t p : ws.seeds) {
        VarProCandidate c;
        c.params = model.params(p, {ws.coef.data() + p * kCoef, kCoef});
        c.objective = model.objectiveAt(data, c.params);
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const VarProCandidate& a, const VarProCandidate& b) { return a.objective < b.objective; });
    return out;
}

} // namespace core
