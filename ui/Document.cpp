// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Document.h"

#include "ui/SetPropertyCommand.h"
#include "ui/SweepLoader.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
core::XQuantity defaultX(const core::Sweep& sweep)
{
    auto any = [&](double core::Run::*field) {
        return std::any_of(sweep.runs.begin(), sweep.runs.end(),
                           [&](const core::Run& r) { return std::isfinite(r.*field); });
    };
    // A training curve has one N for all its points: plot it against tokens (or compute) instead.
    if (sweep.layout == "curves")
        return any(&core::Run::D) || !any(&core::Run::C) ? core::XQuantity::D : core::XQuantity::C;
    if (any(&core::Run::N))
        return core::XQuantity::N;
    if (any(&core::Run::C))
        return core::XQuantity::C;
    return core::XQuantity::D;
}

QString quantityText(core::XQuantity q)
{
    return QString::fromUtf8(core::xQuantityName(q));
}
} // namespace

Document::Document(QObject* parent) : QObject(parent), m_loader(new SweepLoader(this))
{
    connect(m_loader, &SweepLoader::progress, this, &Document::loadProgress);
    connect(m_loader, &SweepLoader::canceled, this, &Document::loadCanceled);
    connect(m_loader, &SweepLoader::finished, this,
            [this](const QString& path, const core::ImportOptions& options,
                   const std::shared_ptr<SweepLoader::Result>& result) {
                if (!*result) {
                    Q_EMIT loadFailed(path, QString::fromStdString(result->error().toString()));
                    return;
                }
                setSweep(std::move(**result), path, options);
                Q_EMIT loaded(path);
            });
}

Document::~Document() = default;

void Document::setSweep(core::Sweep sweep, const QString& sourcePath, const core::ImportOptions& options)
{
    m_sweep = std::move(sweep);
    m_sourcePath = sourcePath;
    m_options = options;
    m_visible.assign(m_sweep.runs.size(), 1);
    m_colors = ColorScale(m_sweep, ColorScale::defaultAttribute(m_sweep));
    m_x = defaultX(m_sweep);
    m_undo.clear();
    Q_EMIT changed(Change::Sweep | Change::Visibility | Change::XQuantity | Change::Colors);
}

void Document::load(const QString& path, const core::ImportOptions& options)
{
    m_loader->start(path, options);
    Q_EMIT loadStarted(path);
}

void Document::cancelLoad()
{
    m_loader->cancel();
}

bool Document::isLoading() const
{
    return m_loader->isRunning();
}

bool Document::isRunVisible(int run) const
{
    return run >= 0 && static_cast<std::size_t>(run) < m_visible.size() && m_visible[static_cast<std::size_t>(run)] != 0;
}

void Document::setRunVisible(int run, bool visible)
{
    if (run < 0 || run >= runCount() || isRunVisible(run) == visible)
        return;
    const QString name = QString::fromStdString(m_sweep.runs[static_cast<std::size_t>(run)].name);
    m_undo.push(new SetPropertyCommand<bool>(
        visible ? tr("Show run %1").arg(name) : tr("Hide run %1").arg(name),
        [this, run] { return isRunVisible(run); },
        [this, run](const bool& v) { applyRunVisible(run, v); }, visible));
}

void Document::applyRunVisible(int run, bool visible)
{
    m_visible[static_cast<std::size_t>(run)] = visible ? 1 : 0;
    Q_EMIT changed(Change::Visibility);
}

void Document::setXQuantity(core::XQuantity q)
{
    if (q == m_x)
        return;
    m_undo.push(new SetPropertyCommand<core::XQuantity>(
        tr("Plot against %1").arg(quantityText(q)), [this] { return m_x; },
        [this](const core::XQuantity& v) { applyXQuantity(v); }, q));
}

void Document::applyXQuantity(core::XQuantity q)
{
    m_x = q;
    Q_EMIT changed(Change::XQuantity);
}

void Document::setColorBy(const QString& attribute)
{
    if (attribute == colorBy())
        return;
    m_undo.push(new SetPropertyCommand<QString>(
        tr("Colour by %1").arg(attribute), [this] { return colorBy(); },
        [this](const QString& v) { applyColorBy(v); }, attribute));
}

void Document::applyColorBy(const QString& attribute)
{
    m_colors = ColorScale(m_sweep, attribute);
    Q_EMIT changed(Change::Colors);
}

} // namespace ui
