// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"

#include "ui/ReloadCommand.h"
#include "ui/SetPropertyCommand.h"
#include "ui/SweepLoader.h"

#include <QScopedValueRollback>

#include <algorithm>
#include <cmath>
#include <set>

namespace ui {

namespace {
/// Above this many points a training-curve sweep is fitted on final points by default.
constexpr std::size_t kMaxDefaultAllPoints = 20'000;

core::XQuantity defaultX(const core::Sweep& sweep)
{
    auto any = [&](double core::Run::*field) {
        return std::any_of(sweep.runs.begin(), sweep.runs.end(),
                           [&](const core::Run& r) { return std::isfinite(r.*field); });
    };
    // A training curve has one N for all its points: plot it against tokens (or compute) instead.
    if (sweep.layout == "curves")
        return any(&core::Run::D) || !any(&core::Run::C) ? core::XQuantity::D : core::XQuantity::C;
    if (any(&core::Run::N))
        return core::XQuantity::N;
    if (any(&core::Run::C))
        return core::XQuantity::C;
    return core::XQuantity::D;
}

QString quantityText(core::XQuantity q)
{
    return QString::fromUtf8(core::xQuantityName(q));
}
} // namespace

Document::Document(QObject* parent)
    : QObject(parent), m_sweep(std::make_shared<const core::Sweep>()), m_loader(new SweepLoader(this))
{
    connect(m_loader, &SweepLoader::progress, this, &Document::loadProgress);
    connect(m_loader, &SweepLoader::canceled, this, &Document::loadCanceled);
    connect(m_loader, &SweepLoader::finished, this,
            [this](const QString& path, const core::ImportOptions& options,
                   const std::shared_ptr<SweepLoader::Result>& result) {
                if (!*result) {
                    Q_EMIT loadFailed(path, QString::fromStdString(result->error().toString()));
                    return;
                }
                setSweep(std::move(**result), path, options);
                Q_EMIT loaded(path);
            });
}

Document::~Document() = default;

void Document::setSweep(core::Sweep sweep, const QString& sourcePath, const core::ImportOptions& options)
{
    m_sweep = std::make_shared<const core::Sweep>(std::move(sweep));
    m_sourcePath = sourcePath;
    m_options = options;
    m_visible.assign(m_sweep->runs.size(), 1);
    m_colors = ColorScale(*m_sweep, ColorScale::defaultAttribute(*m_sweep));
    m_x = defaultX(*m_sweep);
    m_fitSpec = defaultFitSpec(*m_sweep);
    m_budget = defaultBudget(*m_sweep);
    m_view = View::Data;
    m_smoothing = 0.0;
    m_seedColumn.clear();
    m_undo.clear();
    Q_EMIT changed(Change::Sweep | Change::Visibility | Change::XQuantity | Change::Colors | Change::FitSettings
                   | Change::Budget | Change::View | Change::Curves);
}

void Document::load(const QString& path, const core::ImportOptions& options)
{
    m_loader->start(path, options);
    Q_EMIT loadStarted(path);
}

void Document::cancelLoad()
{
    m_loader->cancel();
}

bool Document::isLoading() const
{
    return m_loader->isRunning();
}

bool Document::isRunVisible(int run) const
{
    return run >= 0 && static_cast<std::size_t>(run) < m_visible.size() && m_visible[static_cast<std::size_t>(run)] != 0;
}

void Document::setRunVisible(int run, bool visible)
{
    if (run < 0 || run >= runCount() || isRunVisible(run) == visible)
        return;
    const QString name = QString::fromStdString(m_sweep->runs[static_cast<std::size_t>(run)].name);
    m_undo.push(new SetPropertyCommand<bool>(
        visible ? tr("Show run %1").arg(name) : tr("Hide run %1").arg(name),
        [this, run] { return isRunVisible(run); },
        [this, run](const bool& v) { applyRunVisible(run, v); }, visible));
}

void Document::applyRunVisible(int run, bool visible)
{
    m_visible[static_cast<std::size_t>(run)] = visible ? 1 : 0;
    Q_EMIT changed(Change::Visibility);
}

void Document::setXQuantity(core::XQuantity q)
{
    if (q == m_x)
        return;
    m_undo.push(new SetPropertyCommand<core::XQuantity>(
        tr("Plot against %1").arg(quantityText(q)), [this] { return m_x; },
        [this](const core::XQuantity& v) { applyXQuantity(v); }, q));
}

void Document::applyXQuantity(core::XQuantity q)
{
    m_x = q;
    Q_EMIT changed(Change::XQuantity);
}

void Document::setColorBy(const QString& attribute)
{
    if (attribute == colorBy())
        return;
    m_undo.push(new SetPropertyCommand<QString>(
        tr("Colour by %1").arg(attribute), [this] { return colorBy(); },
        [this](const QString& v) { applyColorBy(v); }, attribute));
}

void Document::applyColorBy(const QString& attribute)
{
    m_colors = ColorScale(*m_sweep, attribute);
    Q_EMIT changed(Change::Colors);
}

core::FitJobSpec Document::defaultFitSpec(const core::Sweep& sweep)
{
    core::FitJobSpec spec;
    const bool nAndD = std::any_of(sweep.runs.begin(), sweep.runs.end(), [](const core::Run& r) {
        return std::isfinite(r.N) && r.N > 0 && std::isfinite(r.D) && r.D > 0;
    });
    spec.lawId = nAndD ? "chinchilla" : "power";
    spec.selection.x = defaultX(sweep);
    spec.bootstrap = 200;
    // Training curves: their final points often share one D/N (no way to tell alpha from beta), so
    // every point is fitted by default, as long as a refit stays interactive.
    const bool curves = std::any_of(sweep.runs.begin(), sweep.runs.end(), [](const core::Run& r) { return r.pointCount() > 1; });
    if (curves && sweep.pointCount() <= kMaxDefaultAllPoints) {
        spec.selection.points = core::FitSelection::Points::All;
    } else if (curves && nAndD) {
        // Final points only. Runs that all end at one D (a seed or size sweep at a fixed token
        // budget, e.g. PolyPythia) cannot tell the D term from the constant: fit L(N) instead.
        std::set<double> finalD;
        for (const core::Run& r : sweep.runs)
            if (std::isfinite(r.D) && r.D > 0)
                finalD.insert(r.D);
        if (finalD.size() == 1) {
            spec.lawId = "power";
            spec.selection.x = core::XQuantity::N;
        }
    }
    return spec;
}

double Document::defaultBudget(const core::Sweep& sweep)
{
    double cMax = 0.0;
    for (const core::Run& r : sweep.runs)
        if (std::isfinite(r.C) && r.C > cMax)
            cMax = r.C;
    if (cMax <= 0.0)
        return 5.76e23;
    // One significant digit, a decade beyond the data: 3.3e21 -> 3e22.
    const double e = std::floor(std::log10(10.0 * cMax));
    return std::round(10.0 * cMax / std::pow(10.0, e)) * std::pow(10.0, e);
}

void Document::setFitSpec(const core::FitJobSpec& spec, const QString& text)
{
    if (spec == m_fitSpec)
        return;
    m_undo.push(new SetPropertyCommand<core::FitJobSpec>(
        text, [this] { return m_fitSpec; }, [this](const core::FitJobSpec& v) { applyFitSpec(v); }, spec));
}

void Document::applyFitSpec(const core::FitJobSpec& spec)
{
    m_fitSpec = spec;
    Q_EMIT changed(Change::FitSettings);
}

bool Document::isRunExcluded(int run) const
{
    return run >= 0 && m_fitSpec.isExcluded(static_cast<std::size_t>(run));
}

void Document::setRunsExcluded(const std::vector<std::size_t>& runs, bool excluded)
{
    std::vector<std::size_t> valid;
    for (std::size_t r : runs)
        if (r < m_sweep->runs.size())
            valid.push_back(r);
    if (valid.empty())
        return;
    const QString what = valid.size() == 1
                             ? tr("run %1").arg(QString::fromStdString(m_sweep->runs[valid.front()].name))
                             : tr("%1 runs").arg(valid.size());
    setFitSpec(m_fitSpec.withExcluded(valid, excluded), excluded ? tr("Exclude %1").arg(what) : tr("Include %1").arg(what));
}

void Document::setBudget(double C)
{
    if (!std::isfinite(C) || C <= 0.0 || C == m_budget)
        return;
    constexpr int kBudgetMergeId = 1;
    m_undo.push(new SetPropertyCommand<double>(
        tr("Set budget"), [this] { return m_budget; }, [this](const double& v) { applyBudget(v); }, C,
        kBudgetMergeId));
}

void Document::applyBudget(double C)
{
    m_budget = C;
    Q_EMIT changed(Change::Budget);
}

void Document::setSmoothing(double factor)
{
    factor = std::clamp(std::isfinite(factor) ? factor : 0.0, 0.0, 0.999);
    if (factor == m_smoothing)
        return;
    constexpr int kSmoothingMergeId = 2;
    m_undo.push(new SetPropertyCommand<double>(
        tr("Smooth curves"), [this] { return m_smoothing; }, [this](const double& v) { applySmoothing(v); }, factor,
        kSmoothingMergeId));
}

void Document::applySmoothing(double factor)
{
    m_smoothing = factor;
    Q_EMIT changed(Change::Curves);
}

void Document::setSeedColumn(const QString& column)
{
    if (column == m_seedColumn)
        return;
    m_undo.push(new SetPropertyCommand<QString>(
        column.isEmpty() ? tr("Show every seed") : tr("Average seeds by %1").arg(column),
        [this] { return m_seedColumn; }, [this](const QString& v) { applySeedColumn(v); }, column));
}

void Document::applySeedColumn(const QString& column)
{
    m_seedColumn = column;
    Q_EMIT changed(Change::Curves);
}

void Document::setView(View view)
{
    if (view == m_view)
        return;
    m_undo.push(new SetPropertyCommand<View>(
        tr("Change view"), [this] { return m_view; }, [this](const View& v) { applyView(v); }, view));
}

void Document::applyView(View view)
{
    m_view = view;
    Q_EMIT changed(Change::View);
}

// --- Project restore (ProjectController) --------------------------------------------------------

void Document::restoreState(const core::FitJobSpec& spec, double budget, View view, core::XQuantity x,
                            const QString& colorBy, const std::vector<char>& visible, double smoothing,
                            const QString& seedColumn)
{
    m_undo.clear();
    Changes what;
    core::FitJobSpec valid = spec;
    std::erase_if(valid.excludedRuns, [&](std::size_t r) { return r >= m_sweep->runs.size(); });
    if (valid != m_fitSpec) {
        m_fitSpec = std::move(valid);
        what |= Change::FitSettings;
    }
    if (std::isfinite(budget) && budget > 0.0 && budget != m_budget) {
        m_budget = budget;
        what |= Change::Budget;
    }
    if (view != m_view) {
        m_view = view;
        what |= Change::View;
    }
    if (x != m_x) {
        m_x = x;
        what |= Change::XQuantity;
    }
    if (colorBy != this->colorBy() && ColorScale::attributesOf(*m_sweep).contains(colorBy)) {
        m_colors = ColorScale(*m_sweep, colorBy);
        what |= Change::Colors;
    }
    if (visible.size() == m_visible.size() && visible != m_visible) {
        m_visible = visible;
        what |= Change::Visibility;
    }
    smoothing = std::isfinite(smoothing) ? std::clamp(smoothing, 0.0, 0.999) : 0.0;
    if (smoothing != m_smoothing || seedColumn != m_seedColumn) {
        m_smoothing = smoothing;
        m_seedColumn = seedColumn;
        what |= Change::Curves;
    }
    if (what)
        Q_EMIT changed(what);
}

// --- Re-reading with new import options: row filters, run key (ReloadCommand) -----------------------

void Document::setImportOptions(const core::ImportOptions& options, const QString& text)
{
    if (m_sourcePath.isEmpty() || isLoading())
        return;
    core::ImportOptions before = isRereading() ? m_rereadOptions : m_options;
    if (sameImportOptions(before, options))
        return;
    m_undo.push(new ReloadCommand(this, std::move(before), options, text));
}

bool Document::isRereading() const
{
    return m_rereader != nullptr && m_rereader->isRunning();
}

void Document::startReread(const core::ImportOptions& options)
{
    if (m_sourcePath.isEmpty() || (!isRereading() && sameImportOptions(options, m_options)))
        return;
    if (m_rereader == nullptr) {
        m_rereader = new SweepLoader(this);
        connect(this, &Document::loadStarted, m_rereader, &SweepLoader::cancel); // a load wins
        connect(m_rereader, &SweepLoader::finished, this, &Document::finishReread);
        // A cancelled re-read (a load superseded it) reports nothing: the load reports itself.
    }
    m_rereadBase = m_sweep;
    m_rereadOptions = options;
    m_rereader->start(m_sourcePath, options);
}

void Document::finishReread(const QString& path, const core::ImportOptions& options,
                            const std::shared_ptr<tl::expected<core::Sweep, core::Error>>& result)
{
    if (path != m_sourcePath || m_rereadBase.lock() != m_sweep)
        return; // another sweep replaced the one this re-read was for
    if (!*result) {
        Q_EMIT loadFailed(path, QString::fromStdString(result->error().toString()));
        return;
    }
    auto next = std::make_shared<const core::Sweep>(std::move(**result));
    const bool dormantValid = m_dormantFor.lock() == m_sweep;
    RunIdState kept = carryRunState(*m_sweep, m_fitSpec.excludedRuns, m_visible,
                                    dormantValid ? m_dormantExcluded : std::set<std::string>{},
                                    dormantValid ? m_dormantHidden : std::set<std::string>{}, *next);
    const QString attribute =
        ColorScale::attributesOf(*next).contains(colorBy()) ? colorBy() : ColorScale::defaultAttribute(*next);
    m_sweep = std::move(next);
    m_options = options;
    m_fitSpec.excludedRuns = std::move(kept.excludedRuns);
    m_visible = std::move(kept.visible);
    m_dormantExcluded = std::move(kept.dormantExcluded);
    m_dormantHidden = std::move(kept.dormantHidden);
    m_dormantFor = m_sweep;
    m_colors = ColorScale(*m_sweep, attribute);
    const QScopedValueRollback applying(m_applyingReread, true);
    Q_EMIT changed(Change::Sweep | Change::Visibility | Change::XQuantity | Change::Colors |
                   Change::FitSettings | Change::Budget | Change::View | Change::Curves);
}

} // namespace ui
