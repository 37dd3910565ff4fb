// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"
#include "core/io/logs/FolderContents.h"
#include "core/util/Error.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <tl/expected.hpp>

#include <memory>

namespace ui {

/// Reads a folder of runs (or one run log) with core::readFolder on a worker thread, for the
/// run-log dialog's summary before loading. Lives on the GUI thread; signals arrive there.
/// start() while a scan runs cancels the older one; cancel() makes the core progress callback
/// return false; the destructor cancels and waits, so no worker outlives it.
class FolderScanner : public QObject {
    Q_OBJECT
public:
    using Result = tl::expected<core::FolderContents, core::Error>;

    explicit FolderScanner(QObject* parent = nullptr);
    ~FolderScanner() override;

    void start(const QString& path, const core::ImportOptions& options);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_watcher != nullptr; }

Q_SIGNALS:
    void progress(double fraction);
    /// The scan ended, with the contents or an Error ("cancelled" after cancel()).
    void finished(std::shared_ptr<ui::FolderScanner::Result> result);

private:
    void stopCurrent();

    QFutureWatcher<Result>* m_watcher = nullptr;
};

} // namespace ui
