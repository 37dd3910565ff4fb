// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolBar>

class QActionGroup;
class QComboBox;
class QMenu;
class QSlider;

namespace ui {

class Document;

/// The chart toolbar: the x quantity (N, D, C), the view (Loss, IsoFLOP, Allocation, Residuals;
/// Ctrl+1..4; choosing IsoFLOP also plots against N, as one undo step) and the colour-by
/// attribute, the smoothing of training curves (EMA, the raw curve faint behind) and the seed
/// attribute by which seed-mates are averaged. Every action edits the Document (undoably); the
/// toolbar follows the Document's
/// changed() signal. Does not own the Document. GUI thread only.
class ChartToolBar : public QToolBar {
    Q_OBJECT
public:
    ChartToolBar(Document* document, QWidget* parent = nullptr);

    [[nodiscard]] QActionGroup* xQuantityGroup() const { return m_xGroup; }
    [[nodiscard]] QActionGroup* viewGroup() const { return m_viewGroup; }
    [[nodiscard]] QComboBox* colorByCombo() const { return m_colorBy; }
    /// EMA smoothing of training curves, 0..99 (factor = value / 100).
    [[nodiscard]] QSlider* smoothingSlider() const { return m_smoothing; }
    /// The seed attribute for averaging seed-mates ("none" first).
    [[nodiscard]] QComboBox* seedCombo() const { return m_seeds; }
    /// Adds the view actions to `menu` (the View menu).
    void addViewActionsTo(QMenu* menu) const;

private:
    void sync();

    Document* m_document;
    QActionGroup* m_xGroup;
    QActionGroup* m_viewGroup;
    QComboBox* m_colorBy;
    QSlider* m_smoothing;
    QComboBox* m_seeds;
};

} // namespace ui
