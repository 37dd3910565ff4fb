// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers for the run-log importer tests: byte-exact fixture files and exact comparisons of
// logged values (NaN equal to NaN, no tolerance).

#include <QDir>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cmath>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace logtest {

/// Writes `bytes` to `dir`/`name` (creating parent directories) and returns the path.
inline std::string writeFile(const QTemporaryDir& dir, const QString& name, std::string_view bytes)
{
    const QString path = dir.filePath(name);
    const std::string p = path.toStdString();
    const std::size_t slash = p.find_last_of('/');
    QDir().mkpath(QString::fromStdString(p.substr(0, slash)));
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
}

/// True when `got` equals `want` exactly (NaN matches NaN).
inline bool sameValues(const std::vector<double>& got, std::initializer_list<double> want)
{
    if (got.size() != want.size())
        return false;
    std::size_t i = 0;
    for (double w : want) {
        const double g = got[i++];
        if (!(g == w || (std::isnan(g) && std::isnan(w))))
            return false;
    }
    return true;
}

/// "[a, b, c]" with 17 significant digits, for failure messages.
inline QString show(const std::vector<double>& values)
{
    QStringList parts;
    for (double v : values)
        parts << QString::number(v, 'g', 17);
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

} // namespace logtest

#define VERIFY_VALUES(got, ...)                                                                              \
    QVERIFY2(logtest::sameValues((got), {__VA_ARGS__}), qPrintable(logtest::show(got)))
