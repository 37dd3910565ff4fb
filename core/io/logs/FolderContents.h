// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/ImportOptions.h"
#include "core/io/logs/AttributeTable.h"
#include "core/io/logs/LoggedRun.h"
#include "core/io/logs/RunAssembler.h"
#include "core/util/Error.h"
#include "core/util/Progress.h"

#include <tl/expected.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core {

/// Everything found in a folder of runs, read but not yet turned into a Sweep: what the folder
/// dialog shows before loading (counts per format, runs, metrics, the join table) and what the
/// folder importer assembles. A value type.
struct FolderContents {
    /// One file or run directory that an importer claimed.
    struct Source {
        std::string path;     ///< relative to the folder, '/'-separated
        std::string format;   ///< importer id
        std::size_t runs = 0; ///< runs read from it
        std::size_t points = 0;
    };
    /// A file or directory that gave no runs, and why (unrecognised, unreadable, corrupt...).
    struct Skipped {
        std::string path;
        std::string reason;
    };

    std::string folder;
    std::vector<Source> sources;
    std::vector<Skipped> skipped;
    RunLogs logs;                               ///< every run, ids unique (relative paths)
    std::map<std::string, std::size_t> runsPerFormat;
    MetricChoice metrics;                       ///< the loss metric options would use, and all metrics
    std::optional<AttributeTable> joinTable;    ///< the table joined (given or found), if any
    std::string joinColumn;                     ///< its column matched against the runs
    std::size_t joinMatches = 0;                ///< runs it names
};

/// Finds and reads every run under `folder`, recursively: each directory an importer claims as a
/// whole (sniffDirectory >= 0.5: a TensorBoard run, an mlruns/ store) is read by it and not
/// descended into; every other file goes to the importer that sniffs it best; hidden entries
/// (".name") are skipped. Run tables (CSV, JSON Lines) contribute their runs with N, D, C as
/// read. A table that is not a run table but names runs in one of its columns (file names, file
/// stems or run names, e.g. PolyPythia's metadata.tsv) is joined when options.logs.joinTable is
/// empty. Files that fail to read are listed in `skipped` with their error and do not stop the
/// rest. Errors (values): `folder` is not a readable directory; nothing in it gives a run (the
/// first few reasons listed); an explicit join table or option that fails; "cancelled".
/// `folder` may also be a single log file or a directory an importer claims as a whole: then it
/// is the one source (what the GUI's run-log dialog shows before loading it).
/// Progress goes from 0 to 1 by bytes read. Runs on the calling thread.
[[nodiscard]] tl::expected<FolderContents, Error> readFolder(const std::string& folder,
                                                             const ImportOptions& options,
                                                             const Progress& progress = {});

/// What loading `contents` with `options` would say about each quantity, without reading again
/// or copying points: "N from 'model_size' (detected) for 9 of 9 runs", runs without N, the
/// join. For a dialog that updates as the user edits the options. Errors as assembleSweep's for
/// a bad key, join column or pattern. Pure; any thread.
[[nodiscard]] tl::expected<std::vector<std::string>, Error> describeQuantities(const FolderContents& contents,
                                                                              const RunMetadataOptions& options);

} // namespace core
