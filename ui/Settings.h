// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/Setting.h"

#include <QByteArray>
#include <QStringList>

namespace ui {

/// Every persistent setting of the GUI, each declared once with its key and default.
/// Constant objects (the values live in QSettings); GUI thread.
struct Settings {
    /// Most recently opened files, newest first.
    static const Setting<QStringList>& recentFiles()
    {
        static const Setting<QStringList> s(QStringLiteral("files/recent"), {});
        return s;
    }
    /// How many recent files to keep.
    static const Setting<int>& maxRecentFiles()
    {
        static const Setting<int> s(QStringLiteral("files/maxRecent"), 8);
        return s;
    }
    /// Directory of the last Open or Export dialog.
    static const Setting<QString>& lastDirectory()
    {
        static const Setting<QString> s(QStringLiteral("files/lastDirectory"), {});
        return s;
    }
    /// MainWindow geometry and dock state.
    static const Setting<QByteArray>& windowState()
    {
        static const Setting<QByteArray> s(QStringLiteral("window/state"), {});
        return s;
    }
    static const Setting<QByteArray>& windowGeometry()
    {
        static const Setting<QByteArray> s(QStringLiteral("window/geometry"), {});
        return s;
    }
};

} // namespace ui
