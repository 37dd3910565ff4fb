// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace ui {

/// File > Open Recent: lists Settings::recentFiles() (newest first) and emits openRequested(path)
/// when one is chosen; addFile() moves a path to the top and persists the list. GUI thread only.
class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentFilesMenu(QWidget* parent = nullptr);

    void addFile(const QString& path);
    void clearFiles();

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void rebuild();
};

} // namespace ui
