// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/Importers.h"

#include "core/io/DelimitedImporter.h"
#include "core/io/FileBuffer.h"
#include "core/io/JsonLinesImporter.h"
#include "core/io/logs/RunHistoryImporter.h"
#include "core/io/logs/WandbCsvExportImporter.h"

#include <array>

namespace core {

std::span<const Importer* const> importers()
{
    static const DelimitedImporter delimited;
    static const JsonLinesImporter jsonLines;
    static const RunHistoryImporter runHistory; // before jsonLines: wins the tie on .jsonl histories
    static const WandbCsvExportImporter wandbCsv;
    static const std::array<const Importer*, 4> table{&delimited, &runHistory, &jsonLines, &wandbCsv};
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
        std::string known;
        for (const Importer* importer : importers())
            for (std::string_view ext : importer->extensions())
                known += (known.empty() ? "" : ", ") + std::string(ext);
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
