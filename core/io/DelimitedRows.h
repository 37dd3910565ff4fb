// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/DelimitedRecordReader.h"
#include "core/io/TableBuilder.h"
#include "core/io/TableCell.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace core {

/// How a pass of readDelimitedRows() ended.
struct DelimitedRowsEnd {
    enum Kind {
        Done,    ///< the reader's data is exhausted; every row went into the builder
        Failed,  ///< `error` is the first error met (lines as the reader counts them)
        Quote,   ///< a record with a '"' was met while quotes were refused (nothing added for it)
        Stopped, ///< keepGoing() returned false
    } kind = Done;
    Error error;
};

/// Reads the header record of the freshly opened `reader` of `path` into `cells` (views valid
/// until the reader's next call). Errors: the reader's (a NUL byte, an unterminated quote, a read
/// failure), or `emptyMessage` naming `path` (no line or column) when the file holds no record.
/// Runs on the calling thread.
[[nodiscard]] tl::expected<void, Error> readDelimitedHeader(DelimitedRecordReader& reader,
                                                            const std::string& path,
                                                            std::vector<TableCell>& cells,
                                                            const std::string& emptyMessage);

/// Error for a row whose field count differs from the header's, at the first extra field or
/// just past the last one. Thread-safe (pure).
Error delimitedRaggedError(const std::string& path, const DelimitedRecordReader& reader,
                           const std::vector<TableCell>& cells, std::size_t expected);

/// The row loop shared by the sequential and the parallel CSV paths: reads `reader`'s remaining
/// records into `builder`, checking each has `fieldCount` fields. After every row,
/// `keepGoing(bytesConsumed)` decides whether to go on (progress, cancellation). With
/// `refuseQuotes`, the first record holding a '"' ends the pass with Quote (a byte-range part
/// cannot tell whether a quote spans its start). Runs on the calling thread; `reader` and
/// `builder` must not be shared with another thread meanwhile.
template <class KeepGoing>
DelimitedRowsEnd readDelimitedRows(DelimitedRecordReader& reader, TableBuilder& builder,
                                   std::size_t fieldCount, const std::string& path,
                                   bool refuseQuotes, KeepGoing&& keepGoing)
{
    std::vector<TableCell> cells;
    cells.reserve(64);
    DelimitedRowsEnd end;
    for (;;) {
        auto got = reader.next(cells);
        if (refuseQuotes && reader.sawQuote()) {
            end.kind = DelimitedRowsEnd::Quote;
            return end;
        }
        if (!got) {
            end.kind = DelimitedRowsEnd::Failed;
            end.error = std::move(got.error());
            return end;
        }
        if (!*got)
            return end;
        if (cells.size() != fieldCount) {
            end.kind = DelimitedRowsEnd::Failed;
            end.error = delimitedRaggedError(path, reader, cells, fieldCount);
            return end;
        }
        if (!builder.addRow(cells, reader.recordLine(), end.error)) {
            end.kind = DelimitedRowsEnd::Failed;
            return end;
        }
        if (!keepGoing(reader.bytesConsumed())) {
            end.kind = DelimitedRowsEnd::Stopped;
            return end;
        }
    }
}

} // namespace core
