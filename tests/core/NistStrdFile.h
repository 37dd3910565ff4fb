// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper: reads one NIST StRD nonlinear-regression .dat file (format in tests/data/nist/README.md).
#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace nist {

/// One NIST StRD problem: starts, certified values and standard deviations (one per parameter,
/// b1 first), the certified residual sum of squares, its difficulty and the data, `columns` per
/// observation in file order (y x, or y x1 x2 for Nelson).
struct Problem {
    QString difficulty; ///< "Lower", "Average" or "Higher"
    std::vector<double> start1, start2, certified, certifiedSd;
    double certifiedRss = 0.0;
    std::vector<std::vector<double>> rows;
};

/// Parses the file at `path`: parameter lines "bK = start1 start2 certified sd" from line 41 up to
/// "Residual Sum of Squares:", data from line 61 to the end. std::nullopt if anything is missing.
inline std::optional<Problem> readProblem(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    const QStringList lines = QString::fromLatin1(file.readAll()).split(QLatin1Char('\n'));
    if (lines.size() < 61)
        return std::nullopt;
    Problem p;
    static const QRegularExpression difficulty(QStringLiteral("(Lower|Average|Higher) Level of Difficulty"));
    static const QRegularExpression param(QStringLiteral("^\\s*b(\\d+)\\s*=\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)"));
    static const QRegularExpression rss(QStringLiteral("^\\s*Residual Sum of Squares:\\s+(\\S+)"));
    for (int i = 0; i < 60; ++i) {
        if (const auto m = difficulty.match(lines[i]); m.hasMatch())
            p.difficulty = m.captured(1);
        if (const auto m = param.match(lines[i]); m.hasMatch() && i >= 40) {
            if (m.captured(1).toULongLong() != p.start1.size() + 1)
                return std::nullopt;
            p.start1.push_back(m.captured(2).toDouble());
            p.start2.push_back(m.captured(3).toDouble());
            p.certified.push_back(m.captured(4).toDouble());
            p.certifiedSd.push_back(m.captured(5).toDouble());
        }
        if (const auto m = rss.match(lines[i]); m.hasMatch())
            p.certifiedRss = m.captured(1).toDouble();
    }
    for (int i = 60; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.isEmpty())
            continue;
        std::vector<double> row;
        for (const QString& f : fields) {
            bool ok = false;
            row.push_back(f.toDouble(&ok));
            if (!ok)
                return std::nullopt;
        }
        if (!p.rows.empty() && row.size() != p.rows.front().size())
            return std::nullopt;
        p.rows.push_back(std::move(row));
    }
    if (p.difficulty.isEmpty() || p.certified.empty() || p.certifiedRss <= 0.0 || p.rows.empty())
        return std::nullopt;
    return p;
}

/// Log relative error -log10(|est - cert| / |cert|), capped at 15 (exact agreement).
inline double lre(double estimate, double certified)
{
    const double rel = std::abs(estimate - certified) / std::abs(certified);
    if (!(rel == rel)) // NaN estimate
        return 0.0;
    return rel == 0.0 ? 15.0 : std::min(15.0, -std::log10(rel));
}

} // namespace nist
