// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProjectFile.h"

#include "ui/JsonNode.h"
#include "ui/ReloadCommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <functional>
#include <cstdint>
#include <limits>

namespace ui {

using namespace Qt::StringLiterals;

namespace {

template <typename E> using Name = JsonName<E>;
constexpr Name<core::FitSelection::Points> kPoints[] = {{core::FitSelection::Points::Final, "final"},
                                                        {core::FitSelection::Points::Min, "min"},
                                                        {core::FitSelection::Points::All, "all"}};
constexpr Name<core::XQuantity> kQuantities[] = {
    {core::XQuantity::N, "N"}, {core::XQuantity::D, "D"}, {core::XQuantity::C, "C"}};
constexpr Name<core::Objective> kObjectives[] = {{core::Objective::LsqLog, "lsq-log"},
                                                 {core::Objective::Lsq, "lsq"},
                                                 {core::Objective::HuberLog, "huber-log"}};
constexpr Name<core::StartGrid> kGrids[] = {{core::StartGrid::Default, "default"},
                                            {core::StartGrid::Chinchilla, "chinchilla"},
                                            {core::StartGrid::Lhs, "lhs"},
                                            {core::StartGrid::None, "none"}};
constexpr Name<Document::View> kViews[] = {{Document::View::Data, "data"},
                                           {Document::View::IsoFlop, "isoflop"},
                                           {Document::View::Allocation, "allocation"},
                                           {Document::View::Residuals, "residuals"}};
constexpr Name<char> kHoldout[] = {{'N', "N"}, {'C', "C"}};

constexpr std::uint64_t kExactIntegers = JsonNode::kExactIntegers;

QJsonValue real(double v)
{
    if (std::isnan(v))
        return u"nan"_s;
    if (std::isinf(v))
        return v > 0 ? u"inf"_s : u"-inf"_s;
    if (v == 0.0 && std::signbit(v))
        return u"-0"_s;
    return v; // Qt writes the shortest text that reads back to the same double
}

QJsonValue integer(std::uint64_t v)
{
    return v <= kExactIntegers ? QJsonValue(static_cast<double>(v)) : QJsonValue(QString::number(v));
}

QJsonArray strings(const std::vector<std::string>& list)
{
    QJsonArray a;
    for (const std::string& s : list)
        a.append(QString::fromStdString(s));
    return a;
}

QJsonObject numberMap(const std::map<std::string, double>& map)
{
    QJsonObject o;
    for (const auto& [name, value] : map)
        o.insert(QString::fromStdString(name), real(value));
    return o;
}

QJsonObject importToJson(const core::ImportOptions& options)
{
    QJsonObject columns;
    for (const auto& [role, column] : options.columns)
        columns.insert(QString::fromUtf8(core::roleName(role)), QString::fromStdString(column));
    QJsonArray filters;
    for (const core::RowFilter& f : options.filters)
        filters.append(QJsonObject{{u"column"_s, QString::fromStdString(f.column)},
                                   {u"value"_s, QString::fromStdString(f.value)},
                                   {u"equals"_s, f.equals}});
    const QString delimiter = options.delimiter == 0 ? QString() : QString(QLatin1Char(options.delimiter));
    const core::RunMetadataOptions& l = options.logs;
    QJsonObject keys;
    for (const auto& [role, key] : l.keys)
        keys.insert(QString::fromUtf8(core::roleName(role)), QString::fromStdString(key));
    const QJsonObject logs{{u"metric"_s, QString::fromStdString(l.metric)},
                           {u"keys"_s, keys},
                           {u"namePattern"_s, QString::fromStdString(l.namePattern)},
                           {u"joinTable"_s, QString::fromStdString(l.joinTable)},
                           {u"joinColumn"_s, QString::fromStdString(l.joinColumn)},
                           {u"tokensPerStep"_s, real(l.tokensPerStep)}};
    return {{u"columns"_s, columns},
            {u"filters"_s, filters},
            {u"runKey"_s, strings(options.runKey)},
            {u"delimiter"_s, delimiter},
            {u"logs"_s, logs}};
}

core::ImportOptions importFromJson(const JsonNode& in)
{
    core::ImportOptions options;
    const JsonNode columns = in[u"columns"_s];
    for (const QString& name : columns.keys()) {
        if (const auto role = core::roleFromName(name.toStdString()))
            options.columns[*role] = columns[name].text();
        else
            columns[name].fail(u"unknown column role \"%1\""_s.arg(name));
    }
    const JsonNode filters = in[u"filters"_s];
    for (qsizetype i = 0; i < filters.size(); ++i) {
        const JsonNode f = filters.at(i);
        options.filters.push_back(
            {f[u"column"_s].text(), f[u"value"_s].text(), f[u"equals"_s].boolean(true)});
    }
    options.runKey = in[u"runKey"_s].strings();
    const QString delimiter = in[u"delimiter"_s].string();
    if (delimiter.size() > 1 || (delimiter.size() == 1 && delimiter[0].unicode() > 127))
        in[u"delimiter"_s].fail(u"expected one ASCII character or \"\""_s);
    else if (delimiter.size() == 1)
        options.delimiter = delimiter[0].toLatin1();
    const JsonNode logs = in[u"logs"_s]; // absent in projects saved before run logs were read
    core::RunMetadataOptions& l = options.logs;
    l.metric = logs[u"metric"_s].text();
    const JsonNode keys = logs[u"keys"_s];
    for (const QString& name : keys.keys()) {
        if (const auto role = core::roleFromName(name.toStdString()))
            l.keys[*role] = keys[name].text();
        else
            keys[name].fail(u"unknown role \"%1\""_s.arg(name));
    }
    l.namePattern = logs[u"namePattern"_s].text();
    l.joinTable = logs[u"joinTable"_s].text();
    l.joinColumn = logs[u"joinColumn"_s].text();
    l.tokensPerStep = logs[u"tokensPerStep"_s].number(0.0);
    if (!(l.tokensPerStep >= 0))
        logs[u"tokensPerStep"_s].fail(u"expected a number >= 0"_s);
    return options;
}

QJsonObject fitToJson(const ProjectState& s)
{
    const core::FitJobSpec& f = s.fitSpec;
    QJsonObject bounds;
    for (const auto& [name, b] : f.bounds)
        bounds.insert(QString::fromStdString(name), QJsonArray{real(b.lower), real(b.upper)});
    const QJsonObject selection{{u"points"_s, jsonNameOf(kPoints, f.selection.points)},
                                {u"excludeTopLoss"_s, integer(f.selection.excludeTopLoss)},
                                {u"x"_s, jsonNameOf(kQuantities, f.selection.x)}};
    QJsonObject o{{u"law"_s, QString::fromStdString(f.lawId)},
                  {u"selection"_s, selection},
                  {u"excludedRuns"_s, strings(s.excludedRunIds)},
                  {u"objective"_s, jsonNameOf(kObjectives, f.objective)},
                  {u"delta"_s, real(f.delta)},
                  {u"grid"_s, jsonNameOf(kGrids, f.grid)},
                  {u"lhsStarts"_s, integer(f.lhsStarts)},
                  {u"fixed"_s, numberMap(f.fixed)},
                  {u"bounds"_s, bounds},
                  {u"starts"_s, numberMap(f.starts)},
                  {u"bootstrap"_s, integer(f.bootstrap)},
                  {u"seed"_s, integer(f.seed)},
                  {u"threads"_s, integer(f.threads)},
                  {u"range"_s, QJsonValue::Null},
                  {u"backtest"_s, QJsonValue::Null}};
    if (f.range)
        o[u"range"_s] = QJsonObject{{u"quantity"_s, jsonNameOf(kQuantities, f.range->quantity)},
                                    {u"lower"_s, real(f.range->lower)},
                                    {u"upper"_s, real(f.range->upper)}};
    if (f.backtest)
        o[u"backtest"_s] = QJsonObject{{u"quantity"_s, jsonNameOf(kHoldout, f.backtest->quantity)},
                                       {u"threshold"_s, real(f.backtest->threshold)}};
    return o;
}

void fitFromJson(const JsonNode& in, ProjectState& s)
{
    core::FitJobSpec& f = s.fitSpec;
    f.lawId = in[u"law"_s].text(f.lawId);
    const JsonNode selection = in[u"selection"_s];
    f.selection.points = selection[u"points"_s].choice(kPoints, f.selection.points);
    f.selection.excludeTopLoss = selection[u"excludeTopLoss"_s].count(0);
    f.selection.x = selection[u"x"_s].choice(kQuantities, f.selection.x);
    s.excludedRunIds = in[u"excludedRuns"_s].strings();
    f.objective = in[u"objective"_s].choice(kObjectives, f.objective);
    f.delta = in[u"delta"_s].number(f.delta);
    f.grid = in[u"grid"_s].choice(kGrids, f.grid);
    f.lhsStarts = in[u"lhsStarts"_s].count(f.lhsStarts);
    f.fixed = in[u"fixed"_s].numbers();
    f.starts = in[u"starts"_s].numbers();
    const JsonNode bounds = in[u"bounds"_s];
    for (const QString& name : bounds.keys()) {
        const JsonNode b = bounds[name];
        if (b.size() != 2)
            b.fail(u"expected [lower, upper]"_s);
        else
            f.bounds[name.toStdString()] = {b.at(0).number(0.0), b.at(1).number(0.0)};
    }
    f.bootstrap = in[u"bootstrap"_s].count(f.bootstrap);
    f.seed = in[u"seed"_s].count(f.seed, std::numeric_limits<std::uint64_t>::max());
    f.threads =
        static_cast<unsigned>(in[u"threads"_s].count(f.threads, std::numeric_limits<unsigned>::max()));
    if (const JsonNode range = in[u"range"_s]; !range.keys().isEmpty())
        f.range = core::FitRange{range[u"quantity"_s].choice(kQuantities, core::XQuantity::N),
                                 range[u"lower"_s].number(0.0),
                                 range[u"upper"_s].number(std::numeric_limits<double>::infinity())};
    if (const JsonNode backtest = in[u"backtest"_s]; !backtest.keys().isEmpty())
        f.backtest = core::HoldoutSplit{backtest[u"quantity"_s].choice(kHoldout, 'N'),
                                        backtest[u"threshold"_s].number(0.0)};
}

} // namespace

bool ProjectState::operator==(const ProjectState& o) const
{
    return dataPath == o.dataPath && sameImportOptions(importOptions, o.importOptions) && fitSpec == o.fitSpec &&
           excludedRunIds == o.excludedRunIds && fit == o.fit && budget == o.budget && view == o.view &&
           x == o.x && colorBy == o.colorBy && hiddenRunIds == o.hiddenRunIds && chart == o.chart &&
           smoothing == o.smoothing && seedColumn == o.seedColumn &&
           originalProjectPath == o.originalProjectPath;
}

QString ProjectFileError::toString() const
{
    if (offset >= 0)
        return u"%1:%2:%3 (offset %4): %5"_s.arg(file).arg(line).arg(column).arg(offset).arg(message);
    if (!key.isEmpty())
        return u"%1: key '%2': %3"_s.arg(file, key, message);
    return u"%1: %2"_s.arg(file, message);
}

QByteArray projectToJson(const ProjectState& s, const QString& projectPath, DataPathStyle style)
{
    const QString data = style == DataPathStyle::Relative && !s.dataPath.isEmpty()
                             ? QFileInfo(projectPath).absoluteDir().relativeFilePath(s.dataPath)
                             : s.dataPath;
    QJsonObject view{{u"x"_s, jsonNameOf(kQuantities, s.x)},     {u"colorBy"_s, s.colorBy},
                     {u"view"_s, jsonNameOf(kViews, s.view)},    {u"budget"_s, real(s.budget)},
                     {u"hiddenRuns"_s, strings(s.hiddenRunIds)}, {u"chart"_s, QJsonValue::Null},
                     {u"smoothing"_s, real(s.smoothing)},        {u"seedColumn"_s, s.seedColumn}};
    if (s.chart)
        view[u"chart"_s] = QJsonObject{{u"xLo"_s, real(s.chart->xLo)},
                                       {u"xHi"_s, real(s.chart->xHi)},
                                       {u"yLo"_s, real(s.chart->yLo)},
                                       {u"yHi"_s, real(s.chart->yHi)}};
    core::ImportOptions import = s.importOptions;
    if (style == DataPathStyle::Relative && !import.logs.joinTable.empty()) // moves with the project, like the data
        import.logs.joinTable = QDir::fromNativeSeparators(QFileInfo(projectPath).absoluteDir().relativeFilePath(
                                                               QString::fromStdString(import.logs.joinTable)))
                                    .toStdString();
    const QJsonObject dataObject{{u"path"_s, QDir::fromNativeSeparators(data)},
                                 {u"import"_s, importToJson(import)}};
    QJsonObject root{
        {u"formatVersion"_s, ProjectState::kFormatVersion},
        {u"application"_s, u"ScaleLab %1"_s.arg(QCoreApplication::applicationVersion()).trimmed()},
        {u"data"_s, dataObject},
        {u"fit"_s, fitToJson(s)},
        {u"view"_s, view}};
    if (s.fit) {
        QJsonArray params;
        for (double v : s.fit->params)
            params.append(real(v));
        root[u"result"_s] = QJsonObject{{u"law"_s, QString::fromStdString(s.fit->lawId)},
                                        {u"names"_s, strings(s.fit->names)},
                                        {u"params"_s, params},
                                        {u"objective"_s, real(s.fit->objective)}};
    }
    if (!s.originalProjectPath.isEmpty())
        root[u"originalProject"_s] = s.originalProjectPath;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

tl::expected<ProjectState, ProjectFileError> projectFromJson(const QByteArray& json,
                                                             const QString& projectPath)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parse.offset);
        const auto line = static_cast<int>(before.count('\n')) + 1;
        const auto column = static_cast<int>(parse.offset - before.lastIndexOf('\n'));
        return tl::unexpected(ProjectFileError{
            projectPath, {}, parse.offset, line, column, u"not valid JSON: %1"_s.arg(parse.errorString())});
    }
    auto error = [&](const QString& key, const QString& message) {
        return tl::unexpected(ProjectFileError{projectPath, key, -1, 0, 0, message});
    };
    if (!doc.isObject())
        return error({}, u"not a ScaleLab project (no JSON object)"_s);
    const QJsonValue version = doc.object().value(u"formatVersion"_s);
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != std::floor(version.toDouble()))
        return error(u"formatVersion"_s, u"missing or not a whole number >= 1; not a ScaleLab project?"_s);
    if (version.toDouble() > ProjectState::kFormatVersion)
        return error(u"formatVersion"_s,
                     u"format version %1 was written by a newer ScaleLab; this version reads "
                     u"up to %2. Please update ScaleLab to open it."_s.arg(version.toDouble())
                         .arg(ProjectState::kFormatVersion));

    std::optional<JsonProblem> problem;
    const JsonNode root(problem, doc.object());
    ProjectState s;
    const JsonNode data = root[u"data"_s];
    const QString path = data[u"path"_s].string();
    const QDir projectDir = QFileInfo(projectPath).absoluteDir();
    if (path.isEmpty())
        data[u"path"_s].fail(u"missing: the project names no data file"_s);
    else
        s.dataPath = QDir::cleanPath(QFileInfo(path).isAbsolute() ? path : projectDir.filePath(path));
    s.importOptions = importFromJson(data[u"import"_s]);
    if (const QString join = QString::fromStdString(s.importOptions.logs.joinTable); !join.isEmpty())
        s.importOptions.logs.joinTable =
            QDir::cleanPath(QFileInfo(join).isAbsolute() ? join : projectDir.filePath(join)).toStdString();
    fitFromJson(root[u"fit"_s], s);

    const JsonNode view = root[u"view"_s];
    s.x = view[u"x"_s].choice(kQuantities, s.x);
    s.colorBy = view[u"colorBy"_s].string();
    s.view = view[u"view"_s].choice(kViews, s.view);
    s.budget = view[u"budget"_s].number(s.budget);
    s.hiddenRunIds = view[u"hiddenRuns"_s].strings();
    s.smoothing = view[u"smoothing"_s].number(0.0); // both optional (absent in the first version-1 files)
    s.seedColumn = view[u"seedColumn"_s].string();
    if (const JsonNode chart = view[u"chart"_s]; !chart.keys().isEmpty())
        s.chart = ChartRange{chart[u"xLo"_s].number(0.0), chart[u"xHi"_s].number(0.0),
                             chart[u"yLo"_s].number(0.0), chart[u"yHi"_s].number(0.0)};

    if (const JsonNode result = root[u"result"_s]; !result.keys().isEmpty()) {
        SavedFit fit{result[u"law"_s].text(), result[u"names"_s].strings(), {}, 0.0};
        const JsonNode params = result[u"params"_s];
        for (qsizetype i = 0; i < params.size(); ++i)
            fit.params.push_back(params.at(i).number(0.0));
        if (fit.params.size() != fit.names.size())
            params.fail(u"expected one value per name in result.names"_s);
        fit.objective = result[u"objective"_s].number(0.0);
        s.fit = std::move(fit);
    }
    s.originalProjectPath = root[u"originalProject"_s].string();
    if (problem)
        return error(problem->key, problem->message);
    return s;
}

tl::expected<ProjectState, ProjectFileError> readProjectFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tl::unexpected(
            ProjectFileError{path, {}, -1, 0, 0, u"cannot read: %1"_s.arg(file.errorString())});
    return projectFromJson(file.readAll(), path);
}

namespace {
std::function<void()>& writeHook()
{
    static std::function<void()> hook;
    return hook;
}
} // namespace

void setProjectWriteHookForTests(std::function<void()> hook)
{
    writeHook() = std::move(hook);
}

tl::expected<void, ProjectFileError> writeProjectFile(const ProjectState& state, const QString& path,
                                                      DataPathStyle style)
{
    QSaveFile file(path);
    const QByteArray json = projectToJson(state, path, style);
    const auto failed = [&] {
        return tl::unexpected(ProjectFileError{path, {}, -1, 0, 0, u"cannot write: %1"_s.arg(file.errorString())});
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    // The bytes go to a temporary file; only commit() renames it over `path`, so a writer killed
    // at any point leaves the previous file whole (tests pause here, half-way, and kill).
    const qsizetype half = json.size() / 2;
    if (file.write(json.constData(), half) != half)
        return failed();
    if (writeHook()) {
        file.flush();
        writeHook()();
    }
    if (file.write(json.constData() + half, json.size() - half) != json.size() - half || !file.commit())
        return failed();
    return {};
}

} // namespace ui
