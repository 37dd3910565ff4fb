// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/Importers.h"

#include "core/io/DelimitedImporter.h"
#include "core/io/FileBuffer.h"
#include "core/io/JsonLinesImporter.h"
#include "core/io/logs/HfTrainerStateImporter.h"
#include "core/io/logs/MlflowFileStoreImporter.h"
#include "core/io/logs/MlflowSqliteImporter.h"
#include "core/io/logs/RunHistoryImporter.h"
#include "core/io/logs/RunJsonImporter.h"
#include "core/io/logs/FolderImporter.h"
#include "core/io/logs/TensorBoardImporter.h"
#include "core/io/logs/WandbCsvExportImporter.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

namespace core {

std::span<const Importer* const> importers()
{
    // One static instance per importer, then one table entry each (keep one per line).
    static const DelimitedImporter delimited;
    static const JsonLinesImporter jsonLines;
    static const RunHistoryImporter runHistory; // before jsonLines: wins the tie on .jsonl histories
    static const WandbCsvExportImporter wandbCsv;
    static const TensorBoardImporter tensorBoard;
    static const FolderImporter folder;
    static const HfTrainerStateImporter hfTrainerState;
    static const RunJsonImporter runJson;
    static const MlflowFileStoreImporter mlflow;
    static const MlflowSqliteImporter mlflowSqlite;
    static const Importer* const table[] = {
        &delimited,
        &runHistory,
        &jsonLines,
        &wandbCsv,
        &tensorBoard,
        &folder,
        &hfTrainerState,
        &runJson,
        &mlflow,
        &mlflowSqlite,
    };
    return table;
}

const Importer* importerById(std::string_view id)
{
    for (const Importer* importer : importers())
        if (importer->id() == id)
            return importer;
    return nullptr;
}

tl::expected<const Importer*, Error> importerFor(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        const Importer* best = nullptr;
        double bestScore = 0;
        for (const Importer* importer : importers()) {
            const double score = importer->sniffDirectory(path);
            if (score > bestScore) {
                best = importer;
                bestScore = score;
            }
        }
        if (best == nullptr)
            return tl::unexpected(Error::at(path, 0, 0, "no importer reads this directory"));
        return best;
    }
    constexpr std::size_t kHead = std::size_t{64} << 10;
    auto file = FileBuffer::open(path, kHead);
    if (!file)
        return tl::unexpected(file.error());
    const std::string_view head(file->begin(),
                                static_cast<std::size_t>(file->end() - file->begin()));
    const Importer* best = nullptr;
    double bestScore = 0;
    for (const Importer* importer : importers()) {
        const double score = importer->sniff(path, head);
        if (score > bestScore) {
            best = importer;
            bestScore = score;
        }
    }
    if (best == nullptr) {
        std::vector<std::string> seen; // several importers read .csv, .json...
        std::string known;
        for (const Importer* importer : importers())
            for (std::string_view ext : importer->extensions())
                if (std::find(seen.begin(), seen.end(), ext) == seen.end()) {
                    seen.emplace_back(ext);
                    known += (known.empty() ? "" : ", ") + std::string(ext);
                }
        Error error;
        error.file = path;
        error.message = "no importer recognises this file (known extensions: " + known + ")";
        return tl::unexpected(std::move(error));
    }
    return best;
}

tl::expected<Sweep, Error> importFile(const std::string& path, const ImportOptions& options,
                                      const Progress& progress)
{
    auto importer = importerFor(path);
    if (!importer)
        return tl::unexpected(importer.error());
    return (*importer)->read(path, options, progress);
}

} // namespace core
