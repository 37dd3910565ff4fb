// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace ui {

/// A word-wrapped QLabel that keeps its minimum height at the height its text needs at its current
/// width. Layouts do not pass a label's height-for-width up to a dock or main window, so a plain
/// wrapped label in a dock can be squeezed and its lines clipped; this one cannot be. GUI thread.
class WrappedLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappedLabel(QWidget* parent = nullptr);
    /// Sets the text and the minimum height it needs.
    void setWrappedText(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();
};

} // namespace ui
