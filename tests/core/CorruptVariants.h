// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deterministic corrupt variants of a fixture (truncations, byte flips, garbage, values of the
// wrong type) and an audit that loads each one through core::importFile and core::readFolder,
// for tst_LogImportCorruption. The generator is std::mt19937 with a fixed seed and no
// distributions (their output is implementation-defined), so every platform sees the same bytes.

#include "core/io/Importers.h"
#include "core/io/logs/FolderContents.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace corrupt {

/// One variant: what it is ("truncated to 17 bytes") and its bytes.
struct Variant {
    std::string label;
    std::string bytes;
};

constexpr std::size_t kSmallFile = 2048; ///< files up to this size are truncated at every byte
constexpr std::size_t kMaxTruncations = 300;
constexpr std::size_t kFlips = 200;
constexpr std::size_t kMaxSwaps = 200;

/// The first `n` bytes for every n < size (every k-th n for files over 2 KiB, at most ~300).
inline std::vector<Variant> truncations(std::string_view bytes)
{
    std::vector<Variant> out;
    const std::size_t k =
        bytes.size() <= kSmallFile ? 1 : (bytes.size() + kMaxTruncations - 1) / kMaxTruncations;
    for (std::size_t n = 0; n < bytes.size(); n += k)
        out.push_back({"truncated to " + std::to_string(n) + " bytes", std::string(bytes.substr(0, n))});
    return out;
}

/// `count` copies, each with one byte XORed with a non-zero mask at a pseudo-random offset.
inline std::vector<Variant> flips(std::string_view bytes, std::uint32_t seed, std::size_t count = kFlips)
{
    std::vector<Variant> out;
    if (bytes.empty())
        return out;
    std::mt19937 rng(seed);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = rng() % bytes.size();
        const auto mask = static_cast<unsigned char>(1 + rng() % 255);
        std::string b(bytes);
        b[at] = static_cast<char>(static_cast<unsigned char>(b[at]) ^ mask);
        out.push_back({"byte " + std::to_string(at) + " XOR " + std::to_string(mask), std::move(b)});
    }
    return out;
}

/// An empty file, short and long binary garbage, and printable garbage with line breaks.
inline std::vector<Variant> garbage(std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<Variant> out{{"zero-length file", {}}};
    for (std::size_t size : {std::size_t{64}, std::size_t{3000}}) {
        std::string b(size, '\0');
        for (char& c : b)
            c = static_cast<char>(rng() & 0xFF);
        out.push_back({std::to_string(size) + " bytes of binary garbage", std::move(b)});
    }
    std::string text(3000, ' ');
    for (char& c : text) {
        const std::uint32_t r = rng() % 100;
        c = r < 5 ? '\n' : static_cast<char>(' ' + r % 95);
    }
    out.push_back({"3000 bytes of printable garbage", std::move(text)});
    return out;
}

/// Inputs that strain a reader rather than break a byte: 100,000 nested JSON arrays or objects
/// (a recursive parser overflows its stack), an unterminated 1 MiB run of '[', and the fixture
/// with 1.2 MiB of spaces or digits in its middle (a line longer than a read buffer).
inline std::vector<Variant> stress(std::string_view bytes)
{
    constexpr std::size_t kDeep = 100000;
    constexpr std::size_t kLong = (std::size_t{12} << 20) / 10;
    std::vector<Variant> out;
    out.push_back({"100000 nested arrays in an object",
                   "{\"a\": " + std::string(kDeep, '[') + "1" + std::string(kDeep, ']') + "}\n"});
    std::string objects;
    for (std::size_t i = 0; i < kDeep; ++i)
        objects += "{\"a\":";
    out.push_back({"100000 nested objects", objects + "1" + std::string(kDeep, '}') + "\n"});
    out.push_back({"1 MiB of unterminated '['", "{\"a\": " + std::string(std::size_t{1} << 20, '[')});
    const std::size_t mid = bytes.size() / 2;
    for (char fill : {' ', '7'})
        out.push_back(
            {std::string("1.2 MiB of '") + fill + "' in the middle",
             std::string(bytes.substr(0, mid)) + std::string(kLong, fill) + std::string(bytes.substr(mid))});
    return out;
}

/// Truncations, flips and garbage of one file.
inline std::vector<Variant> byteVariants(std::string_view bytes, std::uint32_t seed)
{
    std::vector<Variant> out = truncations(bytes);
    for (Variant& v : flips(bytes, seed))
        out.push_back(std::move(v));
    for (Variant& v : garbage(seed + 1))
        out.push_back(std::move(v));
    return out;
}

/// Keeps at most `max` of `all`, evenly spread.
inline std::vector<Variant> spread(std::vector<Variant> all, std::size_t max)
{
    if (all.size() <= max)
        return all;
    std::vector<Variant> out;
    for (std::size_t i = 0; i < max; ++i)
        out.push_back(std::move(all[i * all.size() / max]));
    return out;
}

/// Each scalar value after a ':' in a JSON text replaced by a string, an object, an array, null,
/// true and a mixed array (at most kMaxSwaps variants).
inline std::vector<Variant> jsonValueSwaps(std::string_view json)
{
    static const char* const kValues[] = {"\"x\"", "{}", "[]", "null", "true", "[1, \"a\", {}]"};
    std::vector<Variant> all;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '"') { // skip strings that are keys or values
            for (++i; i < json.size() && json[i] != '"'; ++i)
                if (json[i] == '\\')
                    ++i;
            continue;
        }
        if (json[i] != ':')
            continue;
        std::size_t start = json.find_first_not_of(" \t\r\n", i + 1);
        if (start == std::string_view::npos || json[start] == '{' || json[start] == '[')
            continue;
        std::size_t end = start + 1;
        if (json[start] == '"') {
            while (end < json.size() && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            end = std::min(end + 1, json.size());
        } else {
            end = json.find_first_of(",}] \t\r\n", start);
            end = end == std::string_view::npos ? json.size() : end;
        }
        for (const char* v : kValues)
            all.push_back({"value at byte " + std::to_string(start) + " replaced by " + v,
                           std::string(json.substr(0, start)) + v + std::string(json.substr(end))});
    }
    return spread(std::move(all), kMaxSwaps);
}

/// Each `sep`-separated field of each line replaced by text, emptied, and removed (at most
/// kMaxSwaps variants).
inline std::vector<Variant> fieldSwaps(std::string_view text, char sep)
{
    std::vector<Variant> all;
    std::size_t lineStart = 0;
    while (lineStart < text.size()) {
        std::size_t lineEnd = text.find('\n', lineStart);
        lineEnd = lineEnd == std::string_view::npos ? text.size() : lineEnd;
        for (std::size_t f = lineStart; f <= lineEnd;) {
            std::size_t e = text.find(sep, f);
            e = e == std::string_view::npos || e > lineEnd ? lineEnd : e;
            const std::string before(text.substr(0, f)), after(text.substr(e));
            const std::string where = "field at byte " + std::to_string(f);
            all.push_back({where + " replaced by text", before + "x1y" + after});
            all.push_back({where + " emptied", before + after});
            if (e < lineEnd) // the field and its separator removed: a short row
                all.push_back({where + " removed", before + std::string(text.substr(e + 1))});
            f = e + 1;
        }
        lineStart = lineEnd + 1;
    }
    return spread(std::move(all), kMaxSwaps);
}

/// Names the variant a call is working on; prints it when one call runs for over 30 s, so a hang
/// shows up in the log before CTest's timeout kills the program. Diagnostic only, never a failure.
class HangReporter {
public:
    HangReporter() : m_thread([this] { watch(); }) {}
    ~HangReporter()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    HangReporter(const HangReporter&) = delete;
    HangReporter& operator=(const HangReporter&) = delete;

    void enter(std::string what)
    {
        std::lock_guard lock(m_mutex);
        m_what = std::move(what);
        m_since = std::chrono::steady_clock::now();
        m_reported = false;
    }

private:
    void watch()
    {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, std::chrono::seconds(1));
            if (!m_what.empty() && !m_reported &&
                std::chrono::steady_clock::now() - m_since > std::chrono::seconds(30)) {
                std::fprintf(stderr, "still running after 30 s: %s\n", m_what.c_str());
                m_reported = true;
            }
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::string m_what;
    std::chrono::steady_clock::time_point m_since;
    bool m_reported = false;
    bool m_stop = false;
    std::thread m_thread;
};

/// Loads variants of one format and collects what is wrong: an error without a file, naming
/// another path, or without a message; a curve or series whose columns differ in length; a
/// progress fraction outside [0, 1]; an empty warning.
class Audit {
public:
    Audit(std::string format, HangReporter& hangs) : m_format(std::move(format)), m_hangs(hangs) {}

    std::size_t variants = 0, problemCount = 0;
    std::size_t imported = 0, importErrors = 0, folders = 0, folderErrors = 0; ///< outcomes per call
    std::vector<std::string> problems;                                         ///< the first few

    /// importFile(target) and readFolder(target); an error must name `scope` or a path inside it.
    void load(const std::string& label, const std::string& target, const std::string& scope)
    {
        ++variants;
        const std::string what = m_format + ", " + label + ": ";
        core::ImportOptions options;
        options.logs.tokensPerStep = 1024; // so a run without tokens still gets D and C
        m_hangs.enter(what + "importFile(" + target + ")");
        auto sweep = core::importFile(target, options, progressCheck(what + "importFile"));
        if (!sweep) {
            ++importErrors;
            checkError(what + "importFile", sweep.error(), scope);
        } else {
            ++imported;
            for (const core::Run& run : sweep->runs)
                for (const core::Curve& c : run.curves)
                    if (c.step.size() != c.value.size() || c.tokens.size() != c.value.size() ||
                        c.flops.size() != c.value.size())
                        problem(what + "importFile: run '" + run.id + "' curve '" + c.metric +
                                "' has columns of different lengths");
            checkWarnings(what + "importFile", sweep->notes);
        }
        m_hangs.enter(what + "readFolder(" + target + ")");
        auto folder = core::readFolder(target, options, progressCheck(what + "readFolder"));
        if (!folder) {
            ++folderErrors;
            checkError(what + "readFolder", folder.error(), scope);
        } else {
            ++folders;
            for (const core::LoggedRun& run : folder->logs.runs)
                for (const core::LoggedSeries& s : run.series)
                    if (s.step.size() != s.value.size() || s.tokens.size() != s.value.size())
                        problem(what + "readFolder: run '" + run.id + "' series '" + s.metric +
                                "' has columns of different lengths");
            checkWarnings(what + "readFolder", folder->logs.warnings);
        }
        m_hangs.enter({});
    }

    [[nodiscard]] std::string summary() const
    {
        std::string out = m_format + ": " + std::to_string(variants) + " variants; importFile " +
                          std::to_string(imported) + " loaded, " + std::to_string(importErrors) +
                          " errors; readFolder " + std::to_string(folders) + " read, " +
                          std::to_string(folderErrors) + " errors; " + std::to_string(problemCount) +
                          " problems";
        for (const std::string& p : problems)
            out += "\n  " + p;
        return out;
    }

private:
    static bool inside(const std::string& file, const std::string& scope)
    {
        return file == scope || (file.size() > scope.size() && file.compare(0, scope.size(), scope) == 0 &&
                                 file[scope.size()] == '/');
    }

    void problem(std::string text)
    {
        if (++problemCount <= 12)
            problems.push_back(std::move(text));
    }

    void checkError(const std::string& what, const core::Error& e, const std::string& scope)
    {
        if (m_verbose)
            std::fprintf(stderr, "%s: %s\n", what.c_str(), e.toString().c_str());
        if (e.message.empty())
            problem(what + ": error without a message: " + e.toString());
        if (e.file.empty())
            problem(what + ": error without a file: " + e.toString());
        else if (!inside(e.file, scope))
            problem(what + ": error names '" + e.file + "', not " + scope + ": " + e.toString());
    }

    void checkWarnings(const std::string& what, const std::vector<std::string>& warnings)
    {
        for (const std::string& w : warnings)
            if (w.empty())
                problem(what + ": an empty warning or note");
    }

    core::Progress progressCheck(std::string what)
    {
        return [this, what = std::move(what)](double f) {
            if (!std::isfinite(f) || f < -1e-9 || f > 1 + 1e-9)
                problem(what + ": progress " + std::to_string(f));
            return true;
        };
    }

    std::string m_format;
    HangReporter& m_hangs;
    bool m_verbose = std::getenv("SCALELAB_CORRUPTION_VERBOSE") != nullptr; ///< print every error
};

} // namespace corrupt
