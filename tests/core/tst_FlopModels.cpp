// SPDX-License-Identifier: GPL-3.0-or-later
// FLOP models (issue 4, item 1): 6ND exactly, Kaplan table 1 and Chinchilla appendix F on a
// hand-computed architecture, errors naming missing or bad columns, and the registry.
#include "core/alloc/FlopModels.h"

#include <QtTest>

#include <string>

namespace {

/// A small transformer with kh = n_heads * d_head (768) different from d_model (1024), so that a
/// formula mixing the two would fail.
core::ArchitectureColumns sampleArchitecture()
{
    return {{"d_model", 1024}, {"n_layers", 24}, {"n_heads", 8}, {"d_head", 96},
            {"d_ff", 2816},    {"vocab_size", 32000}, {"seq_len", 2048}};
}

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestFlopModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registry()
    {
        QCOMPARE(core::flopModels().size(), std::size_t(3));
        QCOMPARE(core::defaultFlopModel().id(), std::string_view("6nd"));
        for (const char* id : {"6nd", "kaplan", "chinchilla"}) {
            const core::FlopModel* model = core::flopModelById(id);
            QVERIFY2(model != nullptr, id);
            QCOMPARE(model->id(), std::string_view(id));
            QVERIFY(!model->formula().empty());
        }
        QVERIFY(core::flopModelById("7nd") == nullptr);
        QVERIFY(core::flopModelById("6nd")->requiredColumns().empty());
        QCOMPARE(core::flopModelById("kaplan")->requiredColumns().size(), std::size_t(6));
        QCOMPARE(core::flopModelById("chinchilla")->requiredColumns().size(), std::size_t(7));
    }

    void sixNdIsExact()
    {
        // 6 * 7e9 * 1.4e12 = 5.88e22, every factor exact in binary or rounded once.
        const auto count = core::defaultFlopModel().count(7e9, 1.4e12, {});
        QVERIFY(count.has_value());
        QCOMPARE(count->perToken, 6.0 * 7e9);
        QCOMPARE(count->total, 6.0 * 7e9 * 1.4e12);
        QCOMPARE(count->model, std::string("6nd"));
        QCOMPARE(count->formula, std::string("C = 6ND"));
        // Architecture columns are ignored by 6ND.
        QCOMPARE(*core::defaultFlopModel().flopsPerToken(1e8, sampleArchitecture()), 6e8);
    }

    void kaplanTableOne()
    {
        // By hand (Python, integers): d = 1024, n_layers = 24, d_attn = kh = 8 * 96 = 768,
        // d_ff = 2816, n_ctx = 2048.
        //   N_ne = 2 d n_layers (2 d_attn + d_ff) = 2*1024*24*(1536 + 2816) = 213,909,504
        //   per token = 6 N_ne + 6 n_layers n_ctx d_attn = 1,283,457,024 + 226,492,416 = 1,509,949,440
        const core::FlopModel* kaplan = core::flopModelById("kaplan");
        const auto count = kaplan->count(123.0 /* N is not read */, 1e9, sampleArchitecture());
        QVERIFY(count.has_value());
        QCOMPARE(count->perToken, 1509949440.0);
        QCOMPARE(count->total, 1509949440.0 * 1e9);
        QCOMPARE(count->model, std::string("kaplan"));
        QCOMPARE(count->formula, std::string(kaplan->formula()));
    }

    void chinchillaAppendixF()
    {
        // By hand (Python, integers), forward FLOPs per sequence with s = 2048, V = 32000,
        // d = 1024, h = 8, kh = 768, f = 2816, 24 layers:
        //   embeddings 2sVd = 134,217,728,000; logits 2sdV = 134,217,728,000
        //   per layer: QKV 2*3*s*d*kh = 9,663,676,416; QK^T 2 s^2 kh = 6,442,450,944;
        //   softmax 3 h s^2 = 100,663,296; softmax*V 2 s^2 kh = 6,442,450,944;
        //   output 2 s kh d = 3,221,225,472; dense 4 s d f = 23,622,320,128; layer sum 49,492,787,200
        //   forward = 2 * 134,217,728,000 + 24 * 49,492,787,200 = 1,456,262,348,800
        //   per token = 3 * forward / s = 2,133,196,800 (exactly)
        const core::FlopModel* chinchilla = core::flopModelById("chinchilla");
        const auto perToken = chinchilla->flopsPerToken(0.0 /* N is not read */, sampleArchitecture());
        QVERIFY(perToken.has_value());
        QCOMPARE(*perToken, 2133196800.0);
        const auto count = chinchilla->count(0.0, 2e10, sampleArchitecture());
        QVERIFY(count.has_value());
        QCOMPARE(count->total, 2133196800.0 * 2e10);
        QCOMPARE(count->model, std::string("chinchilla"));
    }

    void missingColumnsAreNamed()
    {
        core::ArchitectureColumns columns = sampleArchitecture();
        columns.erase("vocab_size");
        columns.erase("d_ff");
        const auto chinchilla = core::flopModelById("chinchilla")->flopsPerToken(1e9, columns);
        QVERIFY(!chinchilla.has_value());
        QCOMPARE(chinchilla.error().parameter, std::string("--flops"));
        QVERIFY2(contains(chinchilla.error().message, "d_ff, vocab_size"), chinchilla.error().message.c_str());
        QVERIFY(contains(chinchilla.error().message, "chinchilla"));

        // Kaplan does not need the vocabulary, only d_ff of the two.
        const auto kaplan = core::flopModelById("kaplan")->flopsPerToken(1e9, columns);
        QVERIFY(!kaplan.has_value());
        QVERIFY2(contains(kaplan.error().message, "column d_ff,"), kaplan.error().message.c_str());
        QVERIFY(!contains(kaplan.error().message, "vocab_size"));

        const auto none = core::flopModelById("kaplan")->flopsPerToken(1e9, {});
        QVERIFY(!none.has_value());
        QVERIFY2(contains(none.error().message, "d_model, n_layers, n_heads, d_head, d_ff, seq_len"),
                 none.error().message.c_str());
    }

    void badValuesAreErrors()
    {
        core::ArchitectureColumns columns = sampleArchitecture();
        columns["n_layers"] = 0.0;
        columns["seq_len"] = std::numeric_limits<double>::quiet_NaN();
        const auto bad = core::flopModelById("chinchilla")->flopsPerToken(1e9, columns);
        QVERIFY(!bad.has_value());
        QVERIFY2(contains(bad.error().message, "n_layers = 0") && contains(bad.error().message, "seq_len = "),
                 bad.error().message.c_str());
        QVERIFY(!core::defaultFlopModel().flopsPerToken(-1.0, {}).has_value());
        QVERIFY(!core::defaultFlopModel().count(1e9, 0.0, {}).has_value());
    }
};

QTEST_APPLESS_MAIN(TestFlopModels)
#include "tst_FlopModels.moc"
