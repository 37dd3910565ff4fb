// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QAction;
class QMainWindow;

namespace ui {

class ChartViews;

/// Presentation mode for a meeting room projector (F11, View > Presentation Mode; Esc leaves):
/// the window goes full screen with its docks, toolbars, menu and status bars hidden, the charts
/// take ChartStyle::Presentation (large fonts, thick lines, big markers) and show the key numbers
/// (annotationText()) in an on-chart box. Leaving restores the dock layout, the window state and
/// the Normal style exactly. Owned by (and a child of) the window; does not own the charts.
/// GUI thread only.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    PresentationMode(QMainWindow* window, ChartViews* views);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool on);
    /// The checkable action (F11) that toggles the mode.
    [[nodiscard]] QAction* action() const { return m_action; }
    /// The lines shown on the charts while enabled (e.g. "C = 4e21 FLOPs\nN_opt = 5.8B").
    void setAnnotationText(const QString& text);
    [[nodiscard]] const QString& annotationText() const { return m_text; }

private:
    void applyAnnotation();

    QMainWindow* m_window;
    ChartViews* m_views;
    QAction* m_action;
    QAction* m_leave;
    bool m_enabled = false;
    bool m_wasFullScreen = false;
    bool m_wasMaximized = false;
    QByteArray m_layout;
    QString m_text;
};

} // namespace ui
