// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace ui {

/// Colours the runs of a sweep by one attribute and describes the legend for it.
/// Up to kMaxCategories distinct values: one qualitative colour per value (numbers ascending).
/// More distinct numeric values: a sequential (viridis) scale cut into at most kBins groups
/// (core::valueBins: clusters when the values form them, else equal counts), each with its own colour and a "lo – hi" legend entry. More distinct text
/// values, or the attribute "run": one colour per run from a cyclic palette and no legend.
/// Runs without the attribute get grey and an "unknown" entry. A value type; GUI thread only.
class ColorScale {
public:
    struct Entry {
        QString label;
        QColor color;
    };

    static constexpr int kMaxCategories = 10;
    static constexpr std::size_t kBins = 9;

    ColorScale() = default;
    /// Builds the scale for `attribute`: "run", "budget", "N", "D", "C", or a name in Run::attributes.
    ColorScale(const core::Sweep& sweep, const QString& attribute);

    /// The attributes a sweep can be coloured by: "run", then those of budget/N/D/C that any run
    /// has, then every name found in Run::attributes.
    static QStringList attributesOf(const core::Sweep& sweep);
    /// "budget" when any run has a budget; else, for a final-loss table, "C" when runs have C;
    /// else "N" when any run has N; else "run".
    static QString defaultAttribute(const core::Sweep& sweep);

    [[nodiscard]] const QString& attribute() const { return m_attribute; }
    /// Legend entries in display order (empty when the legend should be hidden).
    [[nodiscard]] const QList<Entry>& entries() const { return m_entries; }
    /// The legend entry of run `i`, or -1 when there is no legend (colour per run).
    [[nodiscard]] int entryOf(std::size_t run) const;
    [[nodiscard]] QColor colorOf(std::size_t run) const;
    [[nodiscard]] bool isBinned() const { return m_binned; }

private:
    void buildPerRun(std::size_t runCount);

    QString m_attribute;
    QList<Entry> m_entries;
    std::vector<int> m_entryOfRun;
    std::vector<QColor> m_colorOfRun;
    bool m_binned = false;
};

} // namespace ui
