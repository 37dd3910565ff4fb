// SPDX-License-Identifier: GPL-3.0-or-later
// A writer for tst_KilledSave to kill: it saves a project (or autosaves a recovery file) and
// pauses half-way through the write, after creating a marker file, until it is killed.
//   save_writer save PROJECT MARKER            write a project whose budget is 2e22
//   save_writer autosave RECOVERY_DIR DATA MARKER
//                                              open DATA, set the budget to 1e22, autosave (done),
//                                              set it to 2e22, autosave again (paused, killed)
#include "core/io/Importers.h"
#include "ui/Document.h"
#include "ui/ProjectController.h"
#include "ui/ProjectFile.h"

#include <QApplication>
#include <QFile>
#include <QThread>

#include <cstdio>

namespace {

[[noreturn]] void pauseForever(const QString& marker)
{
    QFile f(marker);
    if (f.open(QIODevice::WriteOnly))
        f.write("paused\n");
    f.close();
    for (;;)
        QThread::sleep(1);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    if (args.size() == 4 && args[1] == QStringLiteral("save")) {
        ui::ProjectState state;
        state.dataPath = QStringLiteral("/data/runs.csv");
        state.budget = 2e22;
        const QString marker = args[3];
        ui::setProjectWriteHookForTests([marker] { pauseForever(marker); });
        return ui::writeProjectFile(state, args[2]).has_value() ? 0 : 1;
    }
    if (args.size() == 5 && args[1] == QStringLiteral("autosave")) {
        auto sweep = core::importFile(args[3].toStdString());
        if (!sweep) {
            std::fprintf(stderr, "%s\n", sweep.error().toString().c_str());
            return 1;
        }
        ui::Document document;
        document.setSweep(std::move(*sweep), args[3]);
        ui::ProjectController projects(&document);
        projects.setRecoveryDirectory(args[2]);
        document.setBudget(1e22);
        if (!projects.autosave())
            return 1;
        document.setBudget(2e22);
        const QString marker = args[4];
        ui::setProjectWriteHookForTests([marker] { pauseForever(marker); });
        projects.autosave();
        return 1; // not reached: killed while paused
    }
    std::fprintf(stderr, "usage: save_writer save PROJECT MARKER | autosave RECOVERY_DIR DATA MARKER\n");
    return 2;
}
