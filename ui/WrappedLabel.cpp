// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WrappedLabel.h"

#include <QResizeEvent>

namespace ui {

WrappedLabel::WrappedLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
}

void WrappedLabel::setWrappedText(const QString& text)
{
    setText(text);
    fitHeight();
}

void WrappedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

void WrappedLabel::fitHeight()
{
    // Before the first layout the width is Qt's default; the size hint's width is a better guess.
    const int w = testAttribute(Qt::WA_Resized) || isVisible() ? width() : sizeHint().width();
    setMinimumHeight(text().isEmpty() ? 0 : heightForWidth(w));
}

} // namespace ui
