// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QScrollArea>

namespace ui {

/// Frameless scroll area for a dock's contents, so that a tall panel (the fit settings, the budget)
/// never forces the main window taller than a small or projector screen: the dock can shrink below
/// its contents' height, which then scroll vertically (never sideways: it is never narrower than
/// their minimum width). Unlike a plain QScrollArea, whose size hint is capped at about
/// 24 lines, it asks for its contents' full size hint, so the docks start as large as before
/// wherever there is room. Takes ownership of `content`. GUI thread.
class DockScrollArea : public QScrollArea {
    Q_OBJECT
public:
    explicit DockScrollArea(QWidget* content, QWidget* parent = nullptr);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
};

} // namespace ui
