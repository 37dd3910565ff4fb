// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DockScrollArea.h"

#include <QScrollBar>

namespace ui {

DockScrollArea::DockScrollArea(QWidget* content, QWidget* parent) : QScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    // Forms scroll badly sideways: the dock is never narrower than its contents' minimum width.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setWidget(content);
}

QSize DockScrollArea::sizeHint() const
{
    if (widget() == nullptr)
        return QScrollArea::sizeHint();
    // Room for a vertical scroll bar too, so that one appearing never hides the contents' right edge.
    const QSize content = widget()->sizeHint();
    return {content.width() + verticalScrollBar()->sizeHint().width(), content.height()};
}

QSize DockScrollArea::minimumSizeHint() const
{
    // As narrow as the contents allow (with room for the scroll bar), as short as a few lines: the
    // contents scroll vertically below their own height.
    const int line = fontMetrics().height();
    const int width = widget() != nullptr ? widget()->minimumSizeHint().width() : 8 * line;
    return {width + verticalScrollBar()->sizeHint().width(), 6 * line};
}

} // namespace ui
