// SPDX-License-Identifier: GPL-3.0-or-later
// TensorBoard's record framing (issue 6, item 1): CRC-32C and its masked form against the test
// vectors in formats-and-qt.md, and the reader's handling of a truncated tail, a bad data CRC
// (skip, warn with the offset) and a bad length CRC (stop, error with the offset).
#include "core/io/Crc32c.h"
#include "core/io/TfRecordReader.h"

#include <QtTest>

#include <string_view>
#include <vector>

namespace {

std::vector<std::byte> bytesOf(std::string_view text)
{
    std::vector<std::byte> out;
    for (char c : text)
        out.push_back(static_cast<std::byte>(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::byte> concat(std::initializer_list<std::vector<std::byte>> parts)
{
    std::vector<std::byte> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

} // namespace

class TestTfRecord : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crcTestVectors()
    {
        const std::vector<std::byte> zeros(32, std::byte{0});
        QCOMPARE(core::crc32c(zeros), 0x8a9136aau);
        QCOMPARE(core::crc32c(bytesOf("123456789")), 0xe3069283u); // the CRC-32C check value
        QCOMPARE(core::maskCrc32c(core::crc32c(bytesOf("\x1a\x11" "CRC test, one two"))), 0x5794d08au);
        // The 24-byte brain.Event:2 record: its length field's masked CRC.
        std::vector<std::byte> length{std::byte{24}, std::byte{0}, std::byte{0}, std::byte{0},
                                      std::byte{0},  std::byte{0}, std::byte{0}, std::byte{0}};
        QCOMPARE(core::maskCrc32c(core::crc32c(length)), 0x224b7fa3u);
    }

    void readsFramedRecordsInOrder()
    {
        const auto a = core::frameTfRecord(bytesOf("first"));
        const auto b = core::frameTfRecord(bytesOf(""));
        const auto c = core::frameTfRecord(bytesOf("third record"));
        const auto file = concat({a, b, c});
        QCOMPARE(a.size(), std::size_t{12 + 5 + 4});
        const auto read = core::readTfRecords(file, "events.out.tfevents.1");
        QVERIFY(read.has_value());
        QCOMPARE(read->records.size(), std::size_t{3});
        QCOMPARE(read->records[0].offset, std::size_t{0});
        QCOMPARE(read->records[1].offset, a.size());
        QCOMPARE(read->records[2].offset, a.size() + b.size());
        QCOMPARE(std::string(reinterpret_cast<const char*>(read->records[2].data.data()), read->records[2].data.size()),
                 std::string("third record"));
        QVERIFY(read->records[1].data.empty());
        QVERIFY(!read->truncatedTail);
        QVERIFY(read->warnings.empty());
    }

    void truncatedTailIsAccepted()
    {
        const auto a = core::frameTfRecord(bytesOf("complete"));
        const auto b = core::frameTfRecord(bytesOf("being written"));
        for (std::size_t cut : {std::size_t{1}, std::size_t{11}, std::size_t{12}, std::size_t{20}, b.size() - 1}) {
            auto file = concat({a, b});
            file.resize(a.size() + cut);
            const auto read = core::readTfRecords(file, "f");
            QVERIFY2(read.has_value(), qPrintable(QString::number(cut)));
            QCOMPARE(read->records.size(), std::size_t{1});
            QVERIFY(read->truncatedTail);
        }
    }

    void badDataCrcSkipsTheRecord()
    {
        const auto a = core::frameTfRecord(bytesOf("good"));
        auto b = core::frameTfRecord(bytesOf("flipped"));
        b[12] ^= std::byte{0x01}; // first data byte
        const auto c = core::frameTfRecord(bytesOf("good again"));
        const auto read = core::readTfRecords(concat({a, b, c}), "f");
        QVERIFY(read.has_value());
        QCOMPARE(read->records.size(), std::size_t{2});
        QCOMPARE(read->warnings.size(), std::size_t{1});
        QVERIFY(read->warnings.front().find("byte offset " + std::to_string(a.size())) != std::string::npos);
    }

    void badLengthCrcStopsTheFileWithTheOffset()
    {
        const auto a = core::frameTfRecord(bytesOf("good"));
        auto b = core::frameTfRecord(bytesOf("length flipped"));
        b[0] ^= std::byte{0x40};
        const auto read = core::readTfRecords(concat({a, b}), "run/events.out.tfevents.2");
        QVERIFY(!read.has_value());
        QCOMPARE(QString::fromStdString(read.error().file), QStringLiteral("run/events.out.tfevents.2"));
        QVERIFY(read.error().message.find("byte offset " + std::to_string(a.size())) != std::string::npos);
        // Random bytes are never taken for records.
        std::vector<std::byte> noise(64);
        for (std::size_t i = 0; i < noise.size(); ++i)
            noise[i] = static_cast<std::byte>((i * 37 + 11) & 0xFF);
        QVERIFY(!core::readTfRecords(noise, "noise").has_value());
        QVERIFY(core::readTfRecords({}, "empty")->records.empty());
    }
};

QTEST_APPLESS_MAIN(TestTfRecord)
#include "tst_TfRecord.moc"
