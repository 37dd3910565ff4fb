// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/TfRecordReader.h"

#include "core/io/Crc32c.h"


namespace core {

namespace {

constexpr std::size_t kHeader = 12; // uint64 length + uint32 masked CRC of it
constexpr std::size_t kFooter = 4;  // uint32 masked CRC of the data

std::uint64_t readLe(std::span<const std::byte> b, std::size_t at, std::size_t size)
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < size; ++i)
        v |= static_cast<std::uint64_t>(b[at + i]) << (8 * i);
    return v;
}

void writeLe(std::vector<std::byte>& out, std::uint64_t v, std::size_t size)
{
    for (std::size_t i = 0; i < size; ++i)
        out.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xFFu));
}

} // namespace

tl::expected<TfRecords, Error> readTfRecords(std::span<const std::byte> bytes, const std::string& path)
{
    TfRecords out;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < kHeader) {
            out.truncatedTail = true;
            break;
        }
        const std::uint64_t length = readLe(bytes, at, 8);
        const auto lengthCrc = static_cast<std::uint32_t>(readLe(bytes, at + 8, 4));
        if (maskCrc32c(crc32c(bytes.subspan(at, 8))) != lengthCrc) {
            Error e;
            e.file = path;
            e.message = "bad length checksum in the record at byte offset " + std::to_string(at)
                        + ": the rest of the file cannot be read";
            return tl::make_unexpected(e);
        }
        if (length > bytes.size() - at - kHeader || bytes.size() - at - kHeader - length < kFooter) {
            out.truncatedTail = true; // the writer has not finished this record yet
            break;
        }
        const auto data = bytes.subspan(at + kHeader, static_cast<std::size_t>(length));
        const auto dataCrc = static_cast<std::uint32_t>(readLe(bytes, at + kHeader + data.size(), 4));
        if (maskCrc32c(crc32c(data)) == dataCrc)
            out.records.push_back({at, data});
        else
            out.warnings.push_back("skipped the record at byte offset " + std::to_string(at) + ": bad data checksum");
        at += kHeader + data.size() + kFooter;
    }
    return out;
}

std::vector<std::byte> frameTfRecord(std::span<const std::byte> data)
{
    std::vector<std::byte> out;
    out.reserve(kHeader + data.size() + kFooter);
    writeLe(out, data.size(), 8);
    writeLe(out, maskCrc32c(crc32c(std::span<const std::byte>(out.data(), 8))), 4);
    out.insert(out.end(), data.begin(), data.end());
    writeLe(out, maskCrc32c(crc32c(data)), 4);
    return out;
}

} // namespace core
