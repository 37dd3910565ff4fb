// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/NumberFormat.h"

#include <array>
#include <cmath>

namespace ui {

namespace {
const QString kMissing = QStringLiteral("\u2013");
}

QString NumberFormat::count(double v)
{
    if (!std::isfinite(v))
        return kMissing;
    struct Suffix {
        double scale;
        char letter;
    };
    static constexpr std::array<Suffix, 4> kSuffixes{
        {{1e12, 'T'}, {1e9, 'B'}, {1e6, 'M'}, {1e3, 'K'}}};
    const double a = std::fabs(v);
    for (const Suffix& s : kSuffixes) {
        // Round first so 999.96M prints as 1B, not 1000M.
        const QString digits = QString::number(a / s.scale, 'g', 3);
        if (a >= s.scale * 0.9995)
            return (v < 0 ? QStringLiteral("-") : QString()) + digits + QChar::fromLatin1(s.letter);
    }
    return QString::number(v, 'g', 3);
}

QString NumberFormat::flops(double v)
{
    if (!std::isfinite(v))
        return kMissing;
    QString s = QString::number(v, 'e', 1); // "1.8e+20"
    s.replace(QStringLiteral("e+"), QStringLiteral("e"));
    s.replace(QStringLiteral(".0e"), QStringLiteral("e"));
    return s;
}

QString NumberFormat::budget(double v)
{
    if (!std::isfinite(v))
        return kMissing;
    QString s = QString::number(v, 'g', 3);
    s.replace(QStringLiteral("e+"), QStringLiteral("e"));
    return s;
}

QString NumberFormat::loss(double v)
{
    if (!std::isfinite(v))
        return kMissing;
    return QString::number(v, 'g', 4);
}

} // namespace ui
