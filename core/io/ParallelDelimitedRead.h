// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/io/DelimitedParallelism.h"
#include "core/io/DelimitedRecordReader.h"
#include "core/io/ProgressThrottle.h"
#include "core/io/TableBuilder.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace core {

/// DelimitedImporter's multi-threaded path. The data after the header is cut at line starts
/// into byte ranges; the calling thread parses the first range, one std::jthread per other range
/// parses it with its own pread() buffer into its own TableBuilder copy; the parts are then merged
/// in file order (TableBuilder::merge), with line numbers offset by the newlines of the parts
/// before. The first error in file order wins. Any record with a '"' in any part makes the whole
/// read fall back to the sequential path (a quoted field may span a cut). Progress is reported
/// (and cancellation honoured) on the calling thread only, from per-part atomic byte counts.
class ParallelDelimitedRead {
public:
    /// Reads the rest of the file after `header` (a reader positioned just past the header row)
    /// in parallel, when `parallelism` and the file allow it. nullopt: read it sequentially
    /// instead (nothing has been consumed from `header`). `fresh` is the builder just created
    /// from the header; it is copied, not modified.
    [[nodiscard]] static std::optional<tl::expected<Sweep, Error>>
    read(const std::string& path, const DelimitedRecordReader& header, const TableBuilder& fresh,
         std::size_t fieldCount, const DelimitedParallelism& parallelism,
         ProgressThrottle& throttle);
};

} // namespace core
