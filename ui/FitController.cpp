// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FitController.h"

#include "core/fit/FitJob.h"
#include "ui/Document.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace ui {

namespace {

/// Progress values: the fit is [0, kStage), the bootstrap [kStage, 2 kStage] (QPromise only
/// accepts increasing values, so the two stages share one range).
constexpr int kStage = 1000;

FitController::Landing withViews(core::FitJobResult result, const std::shared_ptr<const core::Sweep>& sweep,
                                 const core::FitJobSpec& spec, const core::Progress& progress)
{
    core::FitViewOptions options;
    options.threads = spec.threads;
    core::FitViews views = core::fitViews(*sweep, result, spec.selection.x, options, progress);
    return {std::move(result), std::move(views)};
}

void runJob(QPromise<FitController::Outcome>& promise, const std::shared_ptr<const core::Sweep>& sweep,
            const core::FitJobSpec& spec)
{
    promise.setProgressRange(0, 2 * kStage);
    auto progressFrom = [&promise](int offset) {
        return [&promise, offset](double f) {
            promise.setProgressValue(offset + static_cast<int>(std::clamp(f, 0.0, 1.0) * (kStage - 1)));
            return !promise.isCanceled();
        };
    };
    const core::Progress cancelOnly = [&promise](double) { return !promise.isCanceled(); };
    auto fit = core::runFitJob(*sweep, spec, progressFrom(0));
    if (!fit) {
        promise.addResult(tl::make_unexpected(fit.error()));
        return;
    }
    promise.addResult(withViews(*fit, sweep, spec, cancelOnly)); // a copy: the bootstrap starts from ours
    if (spec.bootstrap == 0 || promise.isCanceled())
        return;
    promise.setProgressValue(kStage);
    auto boot = core::runFitJobBootstrap(*fit, spec, progressFrom(kStage));
    if (!boot) {
        promise.addResult(tl::make_unexpected(boot.error()));
        return;
    }
    promise.addResult(withViews(std::move(*boot), sweep, spec, cancelOnly));
}

} // namespace

FitController::FitController(Document* document, QObject* parent) : QObject(parent), m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FitController::start);
    connect(m_document, &Document::changed, this,
            [this](Document::Changes what) { onDocumentChanged(static_cast<unsigned>(what.toInt())); });
}

FitController::~FitController()
{
    if (m_watcher != nullptr) {
        m_watcher->disconnect(this);
        m_abandoned.append(m_watcher->future());
    }
    for (QFuture<Outcome>& f : m_abandoned) {
        f.cancel();
        f.waitForFinished();
    }
}

bool FitController::bootstrapPending() const
{
    return m_result != nullptr && m_resultSpec.bootstrap > 0 && !m_result->bootstrap.has_value();
}

void FitController::onDocumentChanged(unsigned what)
{
    const bool sweep = (what & static_cast<unsigned>(Document::Change::Sweep)) != 0;
    const bool settings = (what & static_cast<unsigned>(Document::Change::FitSettings)) != 0;
    if (!sweep && !settings)
        return;
    const bool wasBusy = isBusy();
    if (sweep) {
        cancel();
        m_cache.clear();
        m_result.reset();
        m_previous.reset();
        m_views.reset();
        m_previousViews.reset();
        m_error.clear();
        Q_EMIT resultChanged();
        if (m_document->runCount() == 0) {
            if (wasBusy)
                Q_EMIT busyChanged(false);
            return;
        }
    }
    m_debounce.start();
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

void FitController::refitNow()
{
    const bool wasBusy = isBusy();
    m_debounce.stop();
    if (!wasBusy)
        Q_EMIT busyChanged(true);
    start();
}

void FitController::cancel()
{
    const bool wasBusy = isBusy();
    m_debounce.stop();
    abandonRunning();
    if (wasBusy)
        Q_EMIT busyChanged(false);
}

const FitController::Entry* FitController::cached(const core::FitJobSpec& spec) const
{
    for (const auto& [s, e] : m_cache)
        if (s == spec)
            return &e;
    return nullptr;
}

void FitController::start()
{
    const core::FitJobSpec spec = m_document->fitSpec();
    if (m_watcher != nullptr) {
        if (spec == m_runningSpec)
            return; // already on it
    }
    abandonRunning();
    if (m_document->runCount() == 0 || (m_result != nullptr && spec == m_resultSpec && !bootstrapPending())) {
        Q_EMIT busyChanged(false);
        return;
    }
    if (const Entry* hit = cached(spec)) {
        land(*hit, spec);
        Q_EMIT busyChanged(false);
        return;
    }
    m_runningSpec = spec;
    m_watcher = new QFutureWatcher<Outcome>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, this, [this](int value) {
        Q_EMIT progress(static_cast<double>(value % kStage) / kStage,
                        value < kStage ? tr("Fitting") : tr("Bootstrap"));
    });
    connect(m_watcher, &QFutureWatcherBase::resultReadyAt, this, &FitController::onStageReady);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &FitController::onJobFinished);
    m_watcher->setFuture(QtConcurrent::run(runJob, m_document->sharedSweep(), spec));
}

void FitController::onStageReady(int index)
{
    if (m_watcher == nullptr)
        return;
    Outcome outcome = m_watcher->future().resultAt(index);
    if (!outcome) {
        const QString text = QString::fromStdString(outcome.error().toString());
        if (index == 0) {
            if (m_result != nullptr) {
                m_previous = m_result;
                m_previousViews = m_views;
            }
            m_result.reset();
            m_views.reset();
            m_error = text;
        } else {
            m_error = tr("Bootstrap: %1").arg(text); // the fit stands; only its intervals are missing
        }
        Q_EMIT resultChanged();
        return;
    }
    Entry entry{std::make_shared<const core::FitJobResult>(std::move(outcome->result)),
                std::make_shared<const core::FitViews>(std::move(outcome->views))};
    if (index > 0 || m_runningSpec.bootstrap == 0) {
        m_cache.emplace_back(m_runningSpec, entry);
        if (m_cache.size() > static_cast<std::size_t>(kCacheSize))
            m_cache.erase(m_cache.begin());
    }
    land(std::move(entry), m_runningSpec);
}

void FitController::land(Entry entry, const core::FitJobSpec& spec)
{
    // A bootstrap landing on its own fit keeps the older fit as "previous".
    const bool sameFit = m_result != nullptr && spec == m_resultSpec;
    if (!sameFit && m_result != nullptr) {
        m_previous = m_result;
        m_previousViews = m_views;
    }
    m_result = std::move(entry.result);
    m_views = std::move(entry.views);
    m_resultSpec = spec;
    m_error.clear();
    Q_EMIT resultChanged();
}

void FitController::onJobFinished()
{
    QFutureWatcher<Outcome>* watcher = m_watcher;
    m_watcher = nullptr;
    if (watcher != nullptr)
        watcher->deleteLater();
    if (!isBusy())
        Q_EMIT busyChanged(false);
}

void FitController::abandonRunning()
{
    if (m_watcher != nullptr) {
        m_watcher->disconnect(this);
        m_watcher->future().cancel();
        m_abandoned.append(m_watcher->future());
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    reapAbandoned();
}

void FitController::reapAbandoned()
{
    m_abandoned.removeIf([](const QFuture<Outcome>& f) { return f.isFinished(); });
}

} // namespace ui
