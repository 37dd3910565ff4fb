// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/io/ImportOptions.h"

#include <QUndoCommand>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace ui {

class Document;

/// Whether two sets of import options read a file the same way (role columns, filters, run key,
/// delimiter all equal).
[[nodiscard]] bool sameImportOptions(const core::ImportOptions& a, const core::ImportOptions& b);

/// The per-run state a re-read carries from one sweep to the next by core::Run::id.
struct RunIdState {
    std::vector<std::size_t> excludedRuns; ///< indices into the new sweep, ascending, no repeats
    std::vector<char> visible;             ///< one entry per run of the new sweep (1 = shown)
    std::set<std::string> dormantExcluded; ///< ids excluded but absent from the new sweep
    std::set<std::string> dormantHidden;   ///< ids hidden but absent from the new sweep
};

/// Carries the user's exclusions (`excludedRuns`, indices into `from`) and hidden runs (`visible`,
/// one entry per run of `from`) over to `to` by run id. `dormantExcluded`/`dormantHidden` are ids
/// remembered from earlier re-reads (runs a filter had dropped); ids present in `from` take their
/// state from `from`. A run of `to` is excluded (hidden) when its id was; runs with new ids are
/// included and shown; ids absent from `to` are remembered in the result's dormant sets, so a run
/// that comes back (a filter removed, an undo) gets its old exclusion and visibility back.
[[nodiscard]] RunIdState carryRunState(const core::Sweep& from, const std::vector<std::size_t>& excludedRuns,
                                       const std::vector<char>& visible,
                                       const std::set<std::string>& dormantExcluded,
                                       const std::set<std::string>& dormantHidden, const core::Sweep& to);

/// One undoable change of the import options (row filters, run key) of the Document's file:
/// redo re-reads Document::sourcePath() with the new options, undo with the old ones, each on the
/// worker thread through Document (which keeps the user's state by run id). The command holds no
/// sweep: re-reading is deterministic, so the same options give the same runs in the same order
/// and the index-based commands below and above it on the stack stay valid. GUI thread only.
class ReloadCommand : public QUndoCommand {
public:
    ReloadCommand(Document* document, core::ImportOptions before, core::ImportOptions after,
                  const QString& text);

    void redo() override;
    void undo() override;

    [[nodiscard]] const core::ImportOptions& before() const { return m_before; }
    [[nodiscard]] const core::ImportOptions& after() const { return m_after; }

private:
    Document* m_document;
    core::ImportOptions m_before;
    core::ImportOptions m_after;
};

} // namespace ui
