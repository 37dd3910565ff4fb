// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"
#include "core/util/Error.h"
#include "core/data/Sweep.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <tl/expected.hpp>

#include <memory>

namespace ui {

/// Loads a file into a core::Sweep on a worker thread (QtConcurrent) through core::importFile.
/// Lives on the GUI thread; its signals arrive there (queued from the worker via QFutureWatcher).
/// Progress from core::Progress is forwarded as fractions; cancel() makes the core callback return
/// false. start() while a load runs cancels the older load, whose result is then dropped. The
/// destructor cancels and waits for every load still running, so no worker outlives it.
class SweepLoader : public QObject {
    Q_OBJECT
public:
    using Result = tl::expected<core::Sweep, core::Error>;

    explicit SweepLoader(QObject* parent = nullptr);
    ~SweepLoader() override;

    void start(const QString& path, const core::ImportOptions& options);
    void cancel();
    /// True from start() until finished() or canceled() has been emitted for the current load.
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    /// Fraction in [0, 1] of the current load.
    void progress(double fraction);
    /// The current load ended (successfully or with an Error); the receiver may move the sweep out.
    /// Never emitted for a superseded load.
    void finished(const QString& path, const core::ImportOptions& options,
                  std::shared_ptr<ui::SweepLoader::Result> result);
    /// The current load was cancelled by cancel().
    void canceled(const QString& path);

private:
    void onFinished();
    void reapAbandoned();

    QFutureWatcher<Result>* m_watcher = nullptr;
    QList<QFuture<Result>> m_abandoned;
    QString m_path;
    core::ImportOptions m_options;
};

} // namespace ui
