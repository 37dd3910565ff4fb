// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitJobResult.h"
#include "core/fit/FitJobSpec.h"
#include "core/plot/FitViews.h"
#include "core/util/Error.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <tl/expected.hpp>

#include <memory>
#include <utility>
#include <vector>

namespace ui {

class Document;

/// Keeps a fit of the Document's sweep up to date: whenever the sweep or the fit spec changes it
/// waits a short debounce, then runs core::runFitJob and, when the spec asks for resamples,
/// core::runFitJobBootstrap on a worker thread (QtConcurrent), each followed by core::fitViews
/// (the curves every view draws, so views and the budget never compute on the GUI thread). The fit lands first (result()
/// without bootstrap, bootstrapPending() true), the bootstrap second. A newer spec cancels the
/// running job (its core Progress returns false) and its results are dropped. Results are cached
/// per spec for the current sweep (the last kCacheSize), so undoing an exclusion restores the
/// earlier result object itself, instantly. The previous result stays available (previous()) so
/// views can draw it faded until the new one lands. Lives on the GUI thread; signals arrive
/// there. The destructor cancels and waits for its workers. Does not own the Document.
class FitController : public QObject {
    Q_OBJECT
public:
    /// What a job stage lands: the fit and the curves the views draw for it (core::fitViews).
    struct Landing {
        core::FitJobResult result;
        core::FitViews views;
    };
    using Outcome = tl::expected<Landing, core::Error>;
    static constexpr int kCacheSize = 32;
    static constexpr int kDefaultDebounceMs = 150;

    explicit FitController(Document* document, QObject* parent = nullptr);
    ~FitController() override;

    /// The latest fit for the current spec (or the last one that landed while a newer one runs);
    /// null before the first fit or after an error. Shared and immutable.
    [[nodiscard]] const std::shared_ptr<const core::FitJobResult>& result() const { return m_result; }
    /// The curves of result() for the views (null exactly when result() is).
    [[nodiscard]] const std::shared_ptr<const core::FitViews>& views() const { return m_views; }
    /// The curves of previous(), to draw faded while a refit runs; may be null.
    [[nodiscard]] const std::shared_ptr<const core::FitViews>& previousViews() const { return m_previousViews; }
    /// The spec `result()` was computed for.
    [[nodiscard]] const core::FitJobSpec& resultSpec() const { return m_resultSpec; }
    /// The result before result(), for drawing the old curve faded while a refit runs; may be null.
    [[nodiscard]] const std::shared_ptr<const core::FitJobResult>& previous() const { return m_previous; }
    /// The last fit's error message (core::Error::toString()), empty when it succeeded.
    [[nodiscard]] const QString& errorText() const { return m_error; }
    /// True while a job (fit or bootstrap) runs or is scheduled.
    [[nodiscard]] bool isBusy() const { return m_watcher != nullptr || m_debounce.isActive(); }
    /// True when result() lacks the bootstrap its spec asks for (still running or cancelled).
    [[nodiscard]] bool bootstrapPending() const;

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    /// Starts the job for the current spec now (no debounce).
    void refitNow();
    /// Cancels the running job; result() keeps the last landed result.
    void cancel();

Q_SIGNALS:
    /// A job started (true) or ended, landed, failed or was cancelled (false).
    void busyChanged(bool busy);
    /// Progress of the running job: fraction in [0, 1] of its stage, and the stage ("Fitting",
    /// "Bootstrap").
    void progress(double fraction, const QString& stage);
    /// result() (or errorText()) changed.
    void resultChanged();

private:
    void onDocumentChanged(unsigned what);
    void start();
    void onStageReady(int index);
    void onJobFinished();
    struct Entry {
        std::shared_ptr<const core::FitJobResult> result;
        std::shared_ptr<const core::FitViews> views;
    };
    void land(Entry entry, const core::FitJobSpec& spec);
    /// Cancels the running job, if any; its results will be dropped (it is waited for later).
    void abandonRunning();
    void reapAbandoned();
    [[nodiscard]] const Entry* cached(const core::FitJobSpec& spec) const;

    Document* m_document;
    QTimer m_debounce;
    QFutureWatcher<Outcome>* m_watcher = nullptr;
    QList<QFuture<Outcome>> m_abandoned;
    core::FitJobSpec m_runningSpec;
    std::shared_ptr<const core::FitJobResult> m_result;
    core::FitJobSpec m_resultSpec;
    std::shared_ptr<const core::FitJobResult> m_previous;
    std::shared_ptr<const core::FitViews> m_views;
    std::shared_ptr<const core::FitViews> m_previousViews;
    QString m_error;
    std::vector<std::pair<core::FitJobSpec, Entry>> m_cache;
};

} // namespace ui
