// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace ui {

/// The sample sweep compiled into the resources (":/sample/marin-dclm-isoflops.csv"), copied to a
/// temporary directory because core reads files by path. The copy lives as long as this object.
/// GUI thread only.
class BundledSample {
public:
    static constexpr const char* kResource = ":/sample/marin-dclm-isoflops.csv";

    BundledSample();
    /// Path of the copy, or an empty string when it could not be written.
    [[nodiscard]] QString path() const { return m_path; }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace ui
