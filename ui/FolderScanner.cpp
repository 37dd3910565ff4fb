// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FolderScanner.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ui {

namespace {
constexpr int kSteps = 1000;
}

FolderScanner::FolderScanner(QObject* parent) : QObject(parent) {}

FolderScanner::~FolderScanner()
{
    stopCurrent();
}

void FolderScanner::stopCurrent()
{
    if (m_watcher == nullptr)
        return;
    m_watcher->disconnect(this);
    QFuture<Result> old = m_watcher->future();
    old.cancel();
    old.waitForFinished(); // a scan checks for cancel between files: short
    m_watcher->deleteLater();
    m_watcher = nullptr;
}

void FolderScanner::start(const QString& path, const core::ImportOptions& options)
{
    stopCurrent();
    m_watcher = new QFutureWatcher<Result>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(static_cast<double>(value) / kSteps); });
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        QFutureWatcher<Result>* watcher = m_watcher;
        m_watcher = nullptr;
        watcher->deleteLater();
        QFuture<Result> future = watcher->future();
        auto result = std::make_shared<Result>(
            future.resultCount() > 0 ? future.takeResult()
                                     : Result(tl::unexpected(core::Error::at({}, 0, 0, "cancelled"))));
        Q_EMIT finished(std::move(result));
    });
    m_watcher->setFuture(QtConcurrent::run(
        [](QPromise<Result>& promise, const std::string& p, const core::ImportOptions& o) {
            promise.setProgressRange(0, kSteps);
            const core::Progress progress = [&promise](double f) {
                promise.setProgressValue(static_cast<int>(f * kSteps));
                return !promise.isCanceled();
            };
            promise.addResult(core::readFolder(p, o, progress));
        },
        path.toStdString(), options));
}

void FolderScanner::cancel()
{
    if (m_watcher != nullptr)
        m_watcher->future().cancel();
}

} // namespace ui
