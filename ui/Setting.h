// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <utility>

namespace ui {

/// One persistent setting: its QSettings key, its type and its default, declared once (see
/// Settings.h). Reads and writes the application's default QSettings (organisation/application
/// names set in main). Constant after construction; QSettings is reentrant, so any thread may read.
template <typename T>
class Setting {
public:
    Setting(QString key, T defaultValue) : m_key(std::move(key)), m_default(std::move(defaultValue)) {}

    [[nodiscard]] const QString& key() const { return m_key; }
    [[nodiscard]] const T& defaultValue() const { return m_default; }
    [[nodiscard]] T value() const
    {
        const QVariant v = QSettings().value(m_key);
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }
    void setValue(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }

private:
    QString m_key;
    T m_default;
};

} // namespace ui
