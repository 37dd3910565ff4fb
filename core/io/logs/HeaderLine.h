// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

/// The field names of the first line of a delimited text file, from its first bytes `head`, for
/// sniffing. The delimiter is chosen as DelimitedRecordReader chooses it (the most frequent of
/// ',', '\t', ';' outside quotes; ',' on a tie or when none occurs); quoted fields are unquoted
/// ("" is one quote); a UTF-8 byte-order mark and a trailing CR are dropped. Returns nothing for
/// an empty head, a head holding a NUL byte (binary data) or a first line that starts like JSON
/// ('{' or '['). Pure; thread-safe.
[[nodiscard]] std::vector<std::string> headerLineFields(std::string_view head);

} // namespace core
