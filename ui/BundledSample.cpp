// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/BundledSample.h"

#include <QFile>
#include <QFileInfo>

namespace ui {

BundledSample::BundledSample()
{
    const QString resource = QString::fromLatin1(kResource);
    if (!m_dir.isValid())
        return;
    const QString target = m_dir.filePath(QFileInfo(resource).fileName());
    if (QFile::copy(resource, target))
        m_path = target;
}

} // namespace ui
