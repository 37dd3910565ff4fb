// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace core {

/// The records of one TFRecord file (a TensorBoard event file): each is
/// `uint64 length (LE) | uint32 masked CRC-32C of the 8 length bytes | data[length] |
/// uint32 masked CRC-32C of data`. Records are views into the buffer given to readTfRecords
/// (the caller keeps it alive); `offset` is the byte offset of the record's length field.
struct TfRecords {
    struct Record {
        std::size_t offset = 0;
        std::span<const std::byte> data;
    };
    std::vector<Record> records;
    bool truncatedTail = false;        ///< the file ends inside a record (still being written): ignored
    std::vector<std::string> warnings; ///< records skipped for a bad data CRC, with their offsets
};

/// Splits `bytes` (the whole file) into records, as TensorBoard reads them: a truncated last record
/// is accepted (truncatedTail, as for a file still being written), a record whose data CRC does not
/// match is skipped with a warning naming its byte offset, and a bad length CRC stops the file:
/// an Error naming `path` and the offset (column 0; `line` holds no meaning here). Pure.
[[nodiscard]] tl::expected<TfRecords, Error> readTfRecords(std::span<const std::byte> bytes, const std::string& path);

/// One framed record around `data` (length, masked CRCs), e.g. for tests and fixtures.
[[nodiscard]] std::vector<std::byte> frameTfRecord(std::span<const std::byte> data);

} // namespace core
