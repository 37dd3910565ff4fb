// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ReloadCommand.h"

#include "ui/Document.h"

#include <algorithm>
#include <utility>

namespace ui {

bool sameImportOptions(const core::ImportOptions& a, const core::ImportOptions& b)
{
    const auto sameFilter = [](const core::RowFilter& x, const core::RowFilter& y) {
        return x.column == y.column && x.value == y.value && x.equals == y.equals;
    };
    return a.columns == b.columns && a.runKey == b.runKey && a.delimiter == b.delimiter && a.logs == b.logs &&
           std::equal(a.filters.begin(), a.filters.end(), b.filters.begin(), b.filters.end(), sameFilter);
}

RunIdState carryRunState(const core::Sweep& from, const std::vector<std::size_t>& excludedRuns,
                         const std::vector<char>& visible, const std::set<std::string>& dormantExcluded,
                         const std::set<std::string>& dormantHidden, const core::Sweep& to)
{
    std::set<std::string> fromIds;
    for (const core::Run& r : from.runs)
        fromIds.insert(r.id);
    // The remembered ids of runs not in `from`, plus the state of the runs that are.
    std::set<std::string> excluded;
    std::set<std::string> hidden;
    for (const std::string& id : dormantExcluded)
        if (fromIds.count(id) == 0)
            excluded.insert(id);
    for (const std::string& id : dormantHidden)
        if (fromIds.count(id) == 0)
            hidden.insert(id);
    for (std::size_t r : excludedRuns)
        if (r < from.runs.size())
            excluded.insert(from.runs[r].id);
    for (std::size_t r = 0; r < from.runs.size() && r < visible.size(); ++r)
        if (visible[r] == 0)
            hidden.insert(from.runs[r].id);

    RunIdState out;
    out.visible.assign(to.runs.size(), 1);
    std::set<std::string> toIds;
    for (std::size_t r = 0; r < to.runs.size(); ++r) {
        const std::string& id = to.runs[r].id;
        toIds.insert(id);
        if (excluded.count(id) != 0)
            out.excludedRuns.push_back(r);
        if (hidden.count(id) != 0)
            out.visible[r] = 0;
    }
    for (const std::string& id : excluded)
        if (toIds.count(id) == 0)
            out.dormantExcluded.insert(id);
    for (const std::string& id : hidden)
        if (toIds.count(id) == 0)
            out.dormantHidden.insert(id);
    return out;
}

ReloadCommand::ReloadCommand(Document* document, core::ImportOptions before, core::ImportOptions after,
                             const QString& text)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after))
{
}

void ReloadCommand::redo()
{
    m_document->startReread(m_after);
}

void ReloadCommand::undo()
{
    m_document->startReread(m_before);
}

} // namespace ui
