// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RecentFilesMenu.h"

#include "ui/Settings.h"

#include <QDir>
#include <QFileInfo>

namespace ui {

RecentFilesMenu::RecentFilesMenu(QWidget* parent) : QMenu(tr("Open &Recent"), parent)
{
    rebuild();
}

void RecentFilesMenu::addFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = Settings::recentFiles().value();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > Settings::maxRecentFiles().value())
        files.removeLast();
    Settings::recentFiles().setValue(files);
    rebuild();
}

void RecentFilesMenu::clearFiles()
{
    Settings::recentFiles().setValue({});
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList files = Settings::recentFiles().value();
    int n = 0;
    for (const QString& f : files) {
        ++n;
        QAction* a = addAction(QStringLiteral("&%1 %2").arg(n).arg(QFileInfo(f).fileName()));
        a->setToolTip(QDir::toNativeSeparators(f));
        a->setStatusTip(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] { Q_EMIT openRequested(f); });
    }
    if (!files.isEmpty())
        addSeparator();
    QAction* clearAction = addAction(tr("Clear List"), this, &RecentFilesMenu::clearFiles);
    clearAction->setEnabled(!files.isEmpty());
}

} // namespace ui
