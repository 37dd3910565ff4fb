// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/fit/FitJobSpec.h"
#include "core/io/ImportOptions.h"
#include "core/plot/PlotPoints.h"
#include "ui/Document.h"

#include <QByteArray>
#include <QString>

#include <tl/expected.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ui {

/// The visible part of the chart, in data units (> 0): x from xLo to xHi, loss from yLo to yHi.
struct ChartRange {
    double xLo = 0.0, xHi = 0.0, yLo = 0.0, yHi = 0.0;
    bool operator==(const ChartRange&) const = default;
};

/// The fit that was on screen when the project was saved, kept for reference (the project is
/// refitted on open; the fit is deterministic, so the refit should give exactly these numbers).
struct SavedFit {
    std::string lawId;
    std::vector<std::string> names; ///< parameter names, in the law's order
    std::vector<double> params;     ///< one per name
    double objective = 0.0;         ///< the minimised sum (core::FitResult::objective)
    bool operator==(const SavedFit&) const = default;
};

/// Everything a project file holds: a value type, independent of any Document. Runs are named by
/// core::Run::id (never by index), so a project survives a data file whose rows were reordered.
struct ProjectState {
    /// The format this build writes; files with a larger formatVersion are refused.
    static constexpr int kFormatVersion = 1;

    QString dataPath;                        ///< absolute path of the run table (stored relative)
    core::ImportOptions importOptions;       ///< how the run table was read (column mapping etc.)
    core::FitJobSpec fitSpec;                ///< the fit settings; its excludedRuns are not used
    std::vector<std::string> excludedRunIds; ///< runs the user excluded from the fit
    std::optional<SavedFit> fit;             ///< the fit result at save time, if one had landed
    double budget = 5.76e23;                 ///< the budget slider, C in FLOPs
    Document::View view = Document::View::Data;
    core::XQuantity x = core::XQuantity::N;
    QString colorBy;
    std::vector<std::string> hiddenRunIds; ///< runs hidden in the run list
    double smoothing = 0.0;                ///< EMA factor of displayed training curves
    QString seedColumn;                    ///< attribute by which seed-mates are averaged ("" = none)
    std::optional<ChartRange> chart;       ///< the chart's zoom, when known
    /// Recovery files only: the project file the autosaved state belongs to (empty if unsaved).
    QString originalProjectPath;

    /// Field by field; doubles with ==, so NaN != NaN (tests compare bits where it matters).
    bool operator==(const ProjectState& other) const;
};

/// A project file that could not be read: the file, the JSON key at fault (dotted path, e.g.
/// "fit.selection.points"; empty for a syntax error or an I/O error), for a syntax error the
/// byte offset and its 1-based line and column, and what is wrong.
struct ProjectFileError {
    QString file;
    QString key;
    qint64 offset = -1;
    int line = 0;
    int column = 0;
    QString message;

    /// "file: key 'fit.delta': expected a number", "file:3:14 (offset 40): unterminated string".
    [[nodiscard]] QString toString() const;
};

/// The default extension of project files (".scalelab", JSON inside).
inline constexpr const char* kProjectSuffix = "scalelab";

/// How a project file stores the data path.
enum class DataPathStyle {
    Relative, ///< relative to the project file's directory (project files: they move with the data)
    Absolute, ///< absolute (recovery files, which live far from the data)
};

/// The JSON text of `state` (UTF-8, indented) for a file at `projectPath` (the data path is
/// written relative to its directory, or absolute). Doubles are written so they read back
/// bit-exact (non-finite values and -0 as the strings "inf", "-inf", "nan", "-0").
[[nodiscard]] QByteArray projectToJson(const ProjectState& state, const QString& projectPath,
                                       DataPathStyle style = DataPathStyle::Relative);

/// Parses `json` read from `projectPath`; a relative data path is resolved against the project
/// file's directory. Errors (values, naming `projectPath`): malformed JSON (offset, line, column),
/// a missing or newer formatVersion, a key of the wrong type or with an unknown value. Missing
/// optional keys take their defaults.
[[nodiscard]] tl::expected<ProjectState, ProjectFileError> projectFromJson(const QByteArray& json,
                                                                           const QString& projectPath);

/// Reads and parses the file at `path` (errors as projectFromJson, plus "cannot read").
[[nodiscard]] tl::expected<ProjectState, ProjectFileError> readProjectFile(const QString& path);

/// Test-only: `hook` runs inside writeProjectFile after half of the bytes are written to the
/// temporary file and before the rename (commit), so a test can kill the writer there. Empty
/// (the default) for none. Set it before saving, from the thread that saves.
void setProjectWriteHookForTests(std::function<void()> hook);

/// Writes `state` to `path` atomically through QSaveFile (the old file stays intact on failure,
/// and when the writer is killed part-way: only the final rename replaces it).
/// Error: the file and the reason.
[[nodiscard]] tl::expected<void, ProjectFileError>
writeProjectFile(const ProjectState& state, const QString& path,
                 DataPathStyle style = DataPathStyle::Relative);

} // namespace ui
