// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/Sweep.h"
#include "core/fit/FitJobSpec.h"
#include "core/io/ImportOptions.h"
#include "core/util/Error.h"
#include "core/plot/PlotPoints.h"
#include "ui/ColorScale.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace ui {

class SweepLoader;

/// The one document of a window: owns the current core::Sweep (shared, immutable once set, so a
/// worker thread can fit it while the GUI draws it), where it came from and how it was read, the
/// per-run visibility and colour, the x quantity and the colour-by attribute, the fit settings and
/// the user's exclusions (one core::FitJobSpec), the budget C of the allocation readouts, the
/// chosen view, and the QUndoStack every edit goes through. Views read it and call its setters; they never
/// mutate core values. Emits one changed(what) signal per edit. Loading runs on a worker thread
/// (SweepLoader); its result is applied here on the GUI thread. GUI thread only.
class Document : public QObject {
    Q_OBJECT
public:
    enum class Change : unsigned {
        Sweep = 0x1,      ///< a new sweep: everything else changed too
        Visibility = 0x2, ///< some run was shown or hidden
        XQuantity = 0x4,  ///< the x axis quantity changed
        Colors = 0x8,     ///< the colour-by attribute (and so the run colours) changed
        FitSettings = 0x10, ///< the fit spec (law, settings, exclusions, range, backtest) changed
        Budget = 0x20,    ///< the budget C changed
        View = 0x40,      ///< the chosen view changed
        Curves = 0x80,    ///< curve smoothing or seed averaging changed
    };
    /// What the central chart shows.
    enum class View {
        Data,       ///< loss against N, D or C (Document::xQuantity) with the fitted law
        IsoFlop,    ///< loss against N per budget, with the profiles' parabolas and vertices
        Allocation, ///< N_opt(C) and D_opt(C) from each approach, with CI bands
        Residuals,  ///< log residual of the fit against the x quantity
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    [[nodiscard]] const core::Sweep& sweep() const { return *m_sweep; }
    /// The same sweep, shared: workers keep it alive while they read it.
    [[nodiscard]] std::shared_ptr<const core::Sweep> sharedSweep() const { return m_sweep; }
    [[nodiscard]] const QString& sourcePath() const { return m_sourcePath; }
    [[nodiscard]] const core::ImportOptions& importOptions() const { return m_options; }
    [[nodiscard]] int runCount() const { return static_cast<int>(m_sweep->runs.size()); }

    /// Replaces the sweep (e.g. a finished load); resets visibility, colours, x, the fit spec (a
    /// default for the data, see defaultFitSpec), the budget, the view and the undo stack.
    void setSweep(core::Sweep sweep, const QString& sourcePath = {},
                  const core::ImportOptions& options = {});

    /// Starts loading `path` off the GUI thread; a newer load cancels an older one.
    void load(const QString& path, const core::ImportOptions& options = {});
    void cancelLoad();
    [[nodiscard]] bool isLoading() const;

    [[nodiscard]] bool isRunVisible(int run) const;
    /// Undoable. Does nothing when the run already has that visibility.
    void setRunVisible(int run, bool visible);
    [[nodiscard]] QColor runColor(int run) const { return m_colors.colorOf(static_cast<std::size_t>(run)); }
    [[nodiscard]] const ColorScale& colorScale() const { return m_colors; }

    [[nodiscard]] core::XQuantity xQuantity() const { return m_x; }
    /// Undoable. Does nothing when `q` is already selected.
    void setXQuantity(core::XQuantity q);

    [[nodiscard]] const QString& colorBy() const { return m_colors.attribute(); }
    /// Undoable. One of ColorScale::attributesOf(sweep()).
    void setColorBy(const QString& attribute);

    [[nodiscard]] const core::FitJobSpec& fitSpec() const { return m_fitSpec; }
    /// Undoable (the stack shows `text`). Does nothing when `spec` equals the current one.
    void setFitSpec(const core::FitJobSpec& spec, const QString& text);
    [[nodiscard]] bool isRunExcluded(int run) const;
    /// Excludes `runs` from the fit (or includes them again), as one undoable step.
    void setRunsExcluded(const std::vector<std::size_t>& runs, bool excluded);
    /// The default fit for `sweep`: chinchilla in N and D when some runs have both, else the
    /// power law in the default x; lsq-log, the default start grid, 200 bootstrap resamples; the
    /// final point of each run, or every point for training curves of up to 20,000 points.
    [[nodiscard]] static core::FitJobSpec defaultFitSpec(const core::Sweep& sweep);

    /// The training budget C (FLOPs, > 0) of the allocation readouts and chart markers.
    [[nodiscard]] double budget() const { return m_budget; }
    /// Undoable; consecutive calls merge into one step (a slider drag). Ignores C not finite or <= 0.
    void setBudget(double C);
    /// 10x the largest C of the sweep's runs, rounded to one significant digit; 5.76e23 without data.
    [[nodiscard]] static double defaultBudget(const core::Sweep& sweep);

    /// Display smoothing of training curves: EMA factor in [0, 1) (0 = raw curves only).
    [[nodiscard]] double smoothing() const { return m_smoothing; }
    /// Undoable; consecutive calls merge (a slider drag). Values outside [0, 0.999] are clamped.
    void setSmoothing(double factor);
    /// The run attribute that holds the seed; runs differing only in it are drawn as one mean
    /// curve with a band ("" = no averaging).
    [[nodiscard]] const QString& seedColumn() const { return m_seedColumn; }
    /// Undoable.
    void setSeedColumn(const QString& column);

    [[nodiscard]] View view() const { return m_view; }
    /// Undoable.
    void setView(View view);

    [[nodiscard]] QUndoStack* undoStack() { return &m_undo; }

Q_SIGNALS:
    void changed(ui::Document::Changes what);
    void loadStarted(const QString& path);
    /// Fraction in [0, 1] of the running load.
    void loadProgress(double fraction);
    /// The load finished and its sweep is now current.
    void loaded(const QString& path);
    /// The load failed; `message` is core::Error::toString() (file:line:column: what).
    void loadFailed(const QString& path, const QString& message);
    void loadCanceled(const QString& path);

private:
    void applyRunVisible(int run, bool visible);
    void applyXQuantity(core::XQuantity q);
    void applyColorBy(const QString& attribute);
    void applyFitSpec(const core::FitJobSpec& spec);
    void applyBudget(double C);
    void applyView(View view);
    void applySmoothing(double factor);
    void applySeedColumn(const QString& column);

    std::shared_ptr<const core::Sweep> m_sweep;
    QString m_sourcePath;
    core::ImportOptions m_options;
    std::vector<char> m_visible;
    ColorScale m_colors;
    core::XQuantity m_x = core::XQuantity::N;
    core::FitJobSpec m_fitSpec;
    double m_budget = 5.76e23;
    View m_view = View::Data;
    double m_smoothing = 0.0;
    QString m_seedColumn;
    QUndoStack m_undo;
    SweepLoader* m_loader = nullptr;

    // --- Project restore (ProjectController) ----------------------------------------------------
public:
    /// Sets the whole editable state at once, as a just-opened project or a recovery file has it,
    /// without undo entries: the undo stack is cleared (so it is clean), as after a load. Emits
    /// changed() once with the flags of every field that differs. Invalid parts keep the current
    /// value: `budget` not finite or <= 0, `colorBy` not one of ColorScale::attributesOf(sweep()),
    /// `visible` not one entry per run; excluded run indices past the sweep are dropped.
    void restoreState(const core::FitJobSpec& spec, double budget, View view, core::XQuantity x,
                      const QString& colorBy, const std::vector<char>& visible, double smoothing = 0.0,
                      const QString& seedColumn = {});

    // --- Re-reading with new import options: row filters, run key (ReloadCommand) -------------------
public:
    /// Re-reads sourcePath() with `options` as one undoable step (the stack shows `text`); undoing it
    /// re-reads with the options before. Each re-read runs on the worker thread like load(), but
    /// keeps the undo stack and the user's state: the fit spec (exclusions re-mapped by run id),
    /// visibility by run id (runs with new ids shown), x, view, budget, smoothing, seed column, and
    /// the colour-by attribute while the new sweep still has it. Ids a filter drops are remembered,
    /// so their runs get their exclusion and visibility back when they return (undo is exact). On
    /// success importOptions() becomes `options` and changed() reports every flag (as a load does);
    /// on failure loadFailed() carries the importer's message and sweep and options stay as they
    /// were (the command stays on the stack; undoing it re-reads the old options). Does nothing
    /// without a source path, while a load() runs, or when `options` equal the current ones (or
    /// those of a re-read still running). A load() started meanwhile drops a running re-read.
    void setImportOptions(const core::ImportOptions& options, const QString& text);
    /// True from a re-read's start until its result has been applied or reported.
    [[nodiscard]] bool isRereading() const;
    /// True only while changed() is emitted for a finished re-read: the same file with new import
    /// options, not another file (listeners that forget things on a new sweep can tell them apart).
    [[nodiscard]] bool isApplyingReread() const { return m_applyingReread; }

private:
    friend class ReloadCommand;
    /// Re-reads sourcePath() with `options` (ReloadCommand's redo and undo); supersedes a running
    /// re-read; nothing to do when none runs and `options` are already current.
    void startReread(const core::ImportOptions& options);
    void finishReread(const QString& path, const core::ImportOptions& options,
                      const std::shared_ptr<tl::expected<core::Sweep, core::Error>>& result);

    SweepLoader* m_rereader = nullptr;             ///< created on the first re-read
    std::weak_ptr<const core::Sweep> m_rereadBase; ///< the sweep the running re-read replaces
    core::ImportOptions m_rereadOptions;           ///< the options of the running re-read
    std::weak_ptr<const core::Sweep> m_dormantFor; ///< the sweep the dormant ids belong to
    std::set<std::string> m_dormantExcluded;       ///< excluded ids a filter dropped from the sweep
    std::set<std::string> m_dormantHidden;         ///< hidden ids a filter dropped from the sweep
    bool m_applyingReread = false;
};

} // namespace ui

Q_DECLARE_OPERATORS_FOR_FLAGS(ui::Document::Changes)
