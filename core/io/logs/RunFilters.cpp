// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/RunFilters.h"

#include "core/io/NumberParser.h"

#include <set>

namespace core {

namespace {

std::string trimmed(const std::string& s)
{
    const std::size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos)
        return {};
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

/// The value `filter` looks at in a run: its attribute, else for "run" its name.
const AttributeValue* valueFor(const LoggedRun& run, const std::map<std::string, AttributeValue>& attributes,
                               const std::string& key, AttributeValue& scratch)
{
    if (auto it = attributes.find(key); it != attributes.end())
        return &it->second;
    if (key == "run") {
        scratch = run.name;
        return &scratch;
    }
    return nullptr;
}

bool same(const AttributeValue& value, const RowFilter& filter)
{
    double wanted = 0;
    const bool numeric = parseNumber(filter.value, wanted);
    if (const double* d = std::get_if<double>(&value))
        return numeric ? *d == wanted : trimmed(attributeToString(value)) == trimmed(filter.value);
    const std::string text = trimmed(std::get<std::string>(value));
    double number = 0;
    if (numeric && parseNumber(text, number))
        return number == wanted;
    return text == trimmed(filter.value);
}

} // namespace

tl::expected<std::size_t, Error> filterRuns(std::vector<LoggedRun>& runs,
                                            std::vector<std::map<std::string, AttributeValue>>& attributes,
                                            const std::vector<RowFilter>& filters)
{
    if (filters.empty())
        return 0;
    for (const RowFilter& f : filters) {
        bool anyHas = f.column == "run";
        std::set<std::string> keys;
        for (const auto& a : attributes) {
            anyHas = anyHas || a.count(f.column) > 0;
            for (const auto& [key, value] : a)
                if (keys.size() < 20)
                    keys.insert(key);
        }
        if (!anyHas) {
            std::string list;
            for (const std::string& k : keys)
                list += (list.empty() ? "" : ", ") + k;
            return tl::unexpected(Error::forParameter(
                "--where", "no run has a parameter or attribute '" + f.column + "'; some there are: " + list));
        }
    }
    std::size_t kept = 0;
    AttributeValue scratch;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        bool pass = true;
        for (const RowFilter& f : filters) {
            const AttributeValue* v = valueFor(runs[i], attributes[i], f.column, scratch);
            const bool equal = v != nullptr && same(*v, f);
            pass = pass && equal == f.equals;
        }
        if (!pass)
            continue;
        if (kept != i) {
            runs[kept] = std::move(runs[i]);
            attributes[kept] = std::move(attributes[i]);
        }
        ++kept;
    }
    const std::size_t removed = runs.size() - kept;
    runs.resize(kept);
    attributes.resize(kept);
    if (kept == 0)
        return tl::unexpected(Error::forParameter("--where", "no run passes the filters (" + std::to_string(removed)
                                                                 + " runs read)"));
    return removed;
}

} // namespace core
