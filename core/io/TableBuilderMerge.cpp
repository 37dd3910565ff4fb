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

/// N or budget: the first usable value wins; until then the last non-NaN one is kept.
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
    const std::size_t partRuns = part.sweep_.runs.size();
    std::vector<std::size_t> runTo(partRuns);
    std::vector<std::size_t> pointBase(partRuns, 0);
    for (std::size_t i = 0; i < partRuns; ++i) {
        Run& from = part.sweep_.runs[i];
        RunState& fromState = part.states_[i];
        const auto found = runIndex_.find(from.id);
        if (found == runIndex_.end()) {
            runTo[i] = sweep_.runs.size();
            runIndex_.emplace(from.id, runTo[i]);
            sweep_.runs.push_back(std::move(from));
            states_.push_back(std::move(fromState));
            continue;
        }
        runTo[i] = found->second;
        Run& to = sweep_.runs[found->second];
        RunState& toState = states_[found->second];
        Curve& curve = to.curves.front();
        Curve& more = from.curves.front();
        pointBase[i] = curve.size();
        appendColumn(curve.step, more.step);
        appendColumn(curve.tokens, more.tokens);
        appendColumn(curve.flops, more.flops);
        appendColumn(curve.value, more.value);
        mergeSettled(to.N, toState.nSettled, from.N, fromState.nSettled);
        mergeSettled(to.budget, toState.budgetSettled, from.budget, fromState.budgetSettled);
        for (std::size_t k = 0; k < attributeColumns_.size(); ++k) {
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
    sweep_.leftOut.reserve(sweep_.leftOut.size() + part.sweep_.leftOut.size());
    for (LeftOutRow& row : part.sweep_.leftOut) {
        row.line += lineOffset;
        row.point += pointBase[row.run];
        row.run = runTo[row.run];
        sweep_.leftOut.push_back(std::move(row));
    }
    rowsSeen_ += part.rowsSeen_;
    rowsKept_ += part.rowsKept_;
    hasPrevious_ = false; // the next addRow(), if any, looks its run up afresh
    part = TableBuilder();
}

} // namespace core
