// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SweepLoader.h"

#include "core/io/Importers.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

namespace {
constexpr int kProgressSteps = 1000;

SweepLoader::Result loadFile(QPromise<SweepLoader::Result>& promise, const std::string& path,
                             const core::ImportOptions& options)
{
    promise.setProgressRange(0, kProgressSteps);
    const core::Progress progress = [&promise](double fraction) {
        promise.setProgressValue(static_cast<int>(fraction * kProgressSteps));
        return !promise.isCanceled();
    };
    return core::importFile(path, options, progress);
}
} // namespace

SweepLoader::SweepLoader(QObject* parent) : QObject(parent) {}

SweepLoader::~SweepLoader()
{
    if (m_watcher != nullptr) {
        m_watcher->disconnect(this);
        m_abandoned.append(m_watcher->future());
    }
    for (QFuture<Result>& f : m_abandoned) {
        f.cancel();
        f.waitForFinished();
    }
}

void SweepLoader::start(const QString& path, const core::ImportOptions& options)
{
    if (m_watcher != nullptr) {
        m_watcher->disconnect(this);
        QFuture<Result> old = m_watcher->future();
        old.cancel();
        m_abandoned.append(old);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    reapAbandoned();
    m_path = path;
    m_options = options;
    m_watcher = new QFutureWatcher<Result>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(static_cast<double>(value) / kProgressSteps); });
    connect(m_watcher, &QFutureWatcherBase::finished, this, &SweepLoader::onFinished);
    m_watcher->setFuture(QtConcurrent::run(
        [](QPromise<Result>& promise, const std::string& p, const core::ImportOptions& o) {
            promise.addResult(loadFile(promise, p, o));
        },
        path.toStdString(), options));
}

void SweepLoader::cancel()
{
    if (m_watcher != nullptr)
        m_watcher->future().cancel();
}

bool SweepLoader::isRunning() const
{
    return m_watcher != nullptr; // until its result has been delivered

}

void SweepLoader::onFinished()
{
    QFutureWatcher<Result>* watcher = m_watcher;
    m_watcher = nullptr;
    watcher->deleteLater();
    QFuture<Result> future = watcher->future();
    if (future.isCanceled() || future.resultCount() == 0) {
        Q_EMIT canceled(m_path);
        return;
    }
    Q_EMIT finished(m_path, m_options, std::make_shared<Result>(future.takeResult()));
}

void SweepLoader::reapAbandoned()
{
    m_abandoned.removeIf([](const QFuture<Result>& f) { return f.isFinished(); });
}

} // namespace ui
