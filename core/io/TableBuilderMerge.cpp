// SPDX-License-Identifier: GPL-3.0-or-later
// TableBuilder::merge(), kept apart from the row path in TableBuilder.cpp.
#include "core/io/TableBuilder.h"

#include <cmath>
#include <utility>

namespace core {

namespace {

void appendColumn(std::vector<double>& to, std::vector<double>& from)
{
    to.insert(to.end(), from.begin(), from.end());
    std::vector<double>().swap(from);
}

/// N, budget or U: the first usable value wins; until then the last non-NaN one is kept.
void mergeSettled(double& target, bool& settled, double partValue, bool partSettled)
{
    if (settled)
        return;
    if (partSettled) {
        target = partValue;
        settled = true;
    } else if (!std::isnan(partValue)) {
        target = partValue;
    }
}

} // namespace

void TableBuilder::merge(TableBuilder&& part, std::size_t lineOffset)
{
    const std::size_t partRuns = part.m_sweep.runs.size();
    std::vector<std::size_t> runTo(partRuns);
    std::vector<std::size_t> pointBase(partRuns, 0);
    for (std::size_t i = 0; i < partRuns; ++i) {
        Run& from = part.m_sweep.runs[i];
        RunState& fromState = part.m_states[i];
        const auto found = m_runIndex.find(from.id);
        if (found == m_runIndex.end()) {
            runTo[i] = m_sweep.runs.size();
            m_runIndex.emplace(from.id, runTo[i]);
            m_sweep.runs.push_back(std::move(from));
            m_states.push_back(std::move(fromState));
            continue;
        }
        runTo[i] = found->second;
        Run& to = m_sweep.runs[found->second];
        RunState& toState = m_states[found->second];
        Curve& curve = to.curves.front();
        Curve& more = from.curves.front();
        pointBase[i] = curve.size();
        appendColumn(curve.step, more.step);
        appendColumn(curve.tokens, more.tokens);
        appendColumn(curve.flops, more.flops);
        appendColumn(curve.value, more.value);
        mergeSettled(to.N, toState.nSettled, from.N, fromState.nSettled);
        mergeSettled(to.budget, toState.budgetSettled, from.budget, fromState.budgetSettled);
        mergeSettled(to.U, toState.uniqueSettled, from.U, fromState.uniqueSettled);
        for (std::size_t k = 0; k < m_attributeColumns.size(); ++k) {
            unsigned char& s = toState.attributeState[k];
            const unsigned char partState = fromState.attributeState[k];
            if (partState == 0 || s == 2)
                continue;
            if (s == 0) {
                s = partState;
                toState.attributes[k] = std::move(fromState.attributes[k]);
            } else if (partState == 2 || fromState.attributes[k] != toState.attributes[k]) {
                s = 2;
                toState.attributes[k].clear();
                toState.attributes[k].shrink_to_fit();
            }
        }
    }
    m_sweep.leftOut.reserve(m_sweep.leftOut.size() + part.m_sweep.leftOut.size());
    for (LeftOutRow& row : part.m_sweep.leftOut) {
        row.line += lineOffset;
        row.point += pointBase[row.run];
        row.run = runTo[row.run];
        m_sweep.leftOut.push_back(std::move(row));
    }
    m_rowsSeen += part.m_rowsSeen;
    m_rowsKept += part.m_rowsKept;
    m_hasPrevious = false; // the next addRow(), if any, looks its run up afresh
    part = TableBuilder();
}

} // namespace core
