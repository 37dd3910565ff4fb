// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the project-file reader ui::projectFromJson (the input as a .scalelab file's
// bytes). Oracles: an error has a message; a project that reads is a fixed point of writing and
// reading: projectToJson(read(projectToJson(s))) == projectToJson(s) (doubles are written so
// they read back bit-exact, per ProjectFile.h).
#include "SweepInvariants.h"
#include "ui/ProjectFile.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString projectPath = QStringLiteral("/fuzz/projects/p.scalelab");
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto state = ui::projectFromJson(json, projectPath);
    if (!state) {
        if (state.error().message.isEmpty())
            fuzz::fail("a ProjectFileError without a message");
        return 0;
    }
    const QByteArray written = ui::projectToJson(*state, projectPath);
    const auto again = ui::projectFromJson(written, projectPath);
    if (!again)
        fuzz::fail("a written project does not read back: " + again.error().toString().toStdString());
    const QByteArray rewritten = ui::projectToJson(*again, projectPath);
    if (rewritten != written)
        fuzz::fail("writing a project read back gives other JSON:\n" + written.toStdString() + "\nvs\n"
                   + rewritten.toStdString());
    return 0;
}
