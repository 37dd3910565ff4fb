// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding TensorBoard Event messages without libprotobuf (issue 6, item 1): the field numbers of
// formats-and-qt.md, scalars from simple_value, from TF2's DT_FLOAT tensor_content, from PyTorch's
// float_val (packed and not) and double_val, the session restart, and malformed wire data.
#include "core/io/ProtoWire.h"
#include "core/io/TfEvent.h"

#include "core/ProtoEncoder.h"

#include <QtTest>

#include <cstring>
#include <string>
#include <vector>

namespace {

using Bytes = std::vector<std::byte>;

using Enc = testproto::Encoder;

Bytes floatBytes(float f)
{
    Enc e;
    std::uint32_t b;
    std::memcpy(&b, &f, 4);
    e.raw(b, 4);
    return e.out;
}

Bytes eventWith(int64_t step, const Bytes& value)
{
    return Enc().f64(1, 1.7e9).varint(2, static_cast<std::uint64_t>(step)).bytes(5, Enc().bytes(1, value).out).out;
}

} // namespace

class TestTfEvent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileVersionEvent()
    {
        const Bytes m = Enc().f64(1, 1234.5).str(3, "brain.Event:2").out;
        QCOMPARE(m.size(), std::size_t{24}); // the 24-byte first record of every event file
        const auto e = core::decodeTfEvent(m);
        QVERIFY(e.has_value());
        QCOMPARE(e->wallTime, 1234.5);
        QCOMPARE(e->fileVersion, std::string("brain.Event:2"));
        QVERIFY(e->scalars.empty());
    }

    void simpleValue()
    {
        const auto e = core::decodeTfEvent(eventWith(77, Enc().str(1, "loss").f32(2, 2.5F).out));
        QVERIFY(e.has_value());
        QCOMPARE(e->step, std::int64_t{77});
        QCOMPARE(e->scalars.size(), std::size_t{1});
        QCOMPARE(e->scalars[0].tag, std::string("loss"));
        QCOMPARE(e->scalars[0].value, 2.5);
    }

    void tf2TensorContentWithPlugin()
    {
        // tf.summary.scalar("accuracy", 0.99, step=77): DT_FLOAT, empty shape, 4 bytes of content.
        const Bytes tensor = Enc().varint(1, 1).bytes(2, {}).bytes(4, floatBytes(0.99F)).out;
        const Bytes meta = Enc().bytes(1, Enc().str(1, "scalars").out).out;
        const auto e = core::decodeTfEvent(eventWith(77, Enc().str(1, "accuracy").bytes(9, meta).bytes(8, tensor).out));
        QVERIFY(e.has_value());
        QCOMPARE(e->scalars.size(), std::size_t{1});
        QCOMPARE(e->scalars[0].value, static_cast<double>(0.99F));
        QCOMPARE(e->scalars[0].plugin, std::string("scalars"));
    }

    void pytorchFloatAndDoubleVals()
    {
        // float_val packed, float_val unpacked, double_val packed.
        const Bytes packedF = Enc().varint(1, 1).bytes(5, floatBytes(3.25F)).out;
        const Bytes unpackedF = Enc().varint(1, 1).f32(5, 4.5F).out;
        Enc d;
        std::uint64_t bits;
        const double x = 0.123456789012345;
        std::memcpy(&bits, &x, 8);
        d.raw(bits, 8);
        const Bytes packedD = Enc().varint(1, 2).bytes(6, d.out).out;
        for (const auto& [tensor, expected] : {std::pair{packedF, 3.25}, std::pair{unpackedF, 4.5}, std::pair{packedD, x}}) {
            const auto e = core::decodeTfEvent(eventWith(1, Enc().str(1, "t").bytes(8, tensor).out));
            QVERIFY(e.has_value());
            QCOMPARE(e->scalars.size(), std::size_t{1});
            QCOMPARE(e->scalars[0].value, expected);
        }
        // A tensor with a dimension is not a scalar: left out.
        const Bytes vec = Enc().varint(1, 1).bytes(2, Enc().bytes(2, Enc().varint(1, 2).out).out).bytes(5, floatBytes(1.0F)).out;
        QVERIFY(core::decodeTfEvent(eventWith(1, Enc().str(1, "v").bytes(8, vec).out))->scalars.empty());
    }

    void sessionStart()
    {
        const auto e = core::decodeTfEvent(Enc().varint(2, 500).bytes(7, Enc().varint(1, 1).out).out);
        QVERIFY(e.has_value());
        QVERIFY(e->sessionStart);
        QCOMPARE(e->step, std::int64_t{500});
    }

    void malformedDataIsAnError()
    {
        Bytes m = eventWith(3, Enc().str(1, "loss").f32(2, 1.0F).out);
        m.pop_back(); // cut inside the float
        QVERIFY(!core::decodeTfEvent(m).has_value());
        const Bytes overlong(12, std::byte{0xFF}); // a varint over 10 bytes
        QVERIFY(!core::decodeTfEvent(overlong).has_value());
        const Bytes group{std::byte{(1 << 3) | 3}}; // wire type 3 (groups) is not used
        QVERIFY(!core::decodeTfEvent(group).has_value());
        // Length prefix beyond the message.
        QVERIFY(!core::decodeTfEvent(Bytes{std::byte{(5 << 3) | 2}, std::byte{50}, std::byte{0}}).has_value());
    }
};

QTEST_APPLESS_MAIN(TestTfEvent)
#include "tst_TfEvent.moc"
