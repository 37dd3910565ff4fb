// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliOptions.h"

#include "core/data/Role.h"

#include <optional>

namespace {

/// Splits "N=Model Size,C=Training FLOP" at commas that start a new "ROLE=", so a column name may
/// itself hold commas ("loss=val, smoothed" stays one mapping).
tl::expected<void, std::string> parseColumns(const std::string& text, core::ImportOptions& out,
                                            std::map<std::string, std::string>& xy)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ',')
            continue;
        std::string piece = text.substr(start, i - start);
        const auto eq = piece.find('=');
        const bool startsMapping = eq != std::string::npos
                                   && (core::roleFromName(piece.substr(0, eq)) || piece.substr(0, eq) == "x"
                                       || piece.substr(0, eq) == "y");
        if (!parts.empty() && !startsMapping)
            parts.back() += ',' + piece;
        else
            parts.push_back(piece);
        start = i + 1;
    }
    for (const std::string& p : parts) {
        const auto eq = p.find('=');
        if (eq == std::string::npos || eq + 1 == p.size())
            return tl::make_unexpected("--columns: expected ROLE=COLUMN, found '" + p + "'");
        if (p.substr(0, eq) == "x" || p.substr(0, eq) == "y") {
            xy[p.substr(0, eq)] = p.substr(eq + 1);
            continue;
        }
        const auto role = core::roleFromName(p.substr(0, eq));
        if (!role)
            return tl::make_unexpected("--columns: unknown role '" + p.substr(0, eq) +
                                       "' (roles: N, D, C, budget, loss, run, step, unique_tokens; x, y for --law formula)");
        out.columns[*role] = p.substr(eq + 1);
    }
    return {};
}

tl::expected<core::RowFilter, std::string> parseWhere(const std::string& text)
{
    const auto neq = text.find("!=");
    const auto eq = text.find('=');
    core::RowFilter f;
    if (neq != std::string::npos && neq < eq) {
        f.column = text.substr(0, neq);
        f.value = text.substr(neq + 2);
        f.equals = false;
    } else if (eq != std::string::npos) {
        f.column = text.substr(0, eq);
        f.value = text.substr(eq + 1);
    }
    if (f.column.empty())
        return tl::make_unexpected("--where: expected COLUMN=VALUE or COLUMN!=VALUE, found '" + text + "'");
    return f;
}

std::vector<std::string> splitPlus(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '+') {
            if (i > start)
                out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

} // namespace

std::string CliOptions::usage()
{
    return R"(Usage: scalelab-cli COMMAND [OPTIONS]

Commands:
  info FILE|FOLDER
                 Read runs and describe them: runs, points, metrics, which column got which
                 role, derived quantities, value ranges and the rows left out of log plots
                 and fits (with line and reason). FILE is a run table (CSV, TSV, JSON Lines)
                 or a run log: a TensorBoard event file or run directory, an mlruns/ store or
                 mlflow.db, a Hugging Face trainer_state.json, a W&B CSV export or history
                 (CSV, JSONL), a per-run JSON file, or a per-run metric table (step column
                 plus metrics). A FOLDER is searched recursively for runs in all of these.

  fit FILE --law LAW
                 Fit a scaling law to the runs of FILE: multi-start search (variable
                 projection, Hoffmann's grid, Latin hypercube), Jacobian standard errors,
                 optional run bootstrap and extrapolation check. Prints the result.

  optimal (FILE [fit options] | --fit FIT.json | --law LAW --params name=value,...)
          (--budget C [--budget ...] | --target-loss L)
                 Compute-optimal allocation (Chinchilla approach 3): N_opt, D_opt, D/N and the
                 predicted loss at each budget (FLOPs, C = 6ND), or the smallest budget that
                 reaches a loss; 95% intervals when the fit has bootstrap samples.
                 --inference-tokens T: a budget is training plus 2 N T inference FLOPs
                 (Sardana and Frankle). --unique-tokens U: unique data cap (law datacon).
                 --flops 6nd (default) is recorded with the result.

  isoflop FILE [--group auto|budget|C] [--vertex parabola|spline] [--flops 6nd|kaplan|chinchilla]
                 Chinchilla approach 2: per budget (the budget column, else C binned), a
                 parabola of loss in ln N and its vertex N_opt, D_opt, loss with a 95%
                 interval and warnings (edge, no minimum, too few points, narrow); then
                 N_opt = k C^a and D_opt = k' C^b. --flops kaplan|chinchilla recounts each
                 run's C from its columns d_model, n_layers, n_heads, d_head, d_ff,
                 vocab_size, seq_len.

  envelope FILE [--skip-tokens K] [--skip-steps K] [--ema F] [--seed-column COL]
                [--points-per-decade P] [--min-c C] [--max-c C] [--flops ...]
                 Chinchilla approach 1: the lowest loss over the training curves at
                 log-spaced C, which run reaches it, and N_opt, D_opt power laws in C.

  predict (--fit FIT.json | --law LAW --params name=value,...) --at N=VALUE,D=VALUE [--at ...]
                 Predicted loss at each point, from a fit's JSON output or given parameters.
                 For the power law, --at gives its x quantity (--x N|D|C, or the fit's).

Options for info and fit:
  --columns ROLE=NAME[,ROLE=NAME...]
                 Map columns to roles explicitly (roles: N, D, C, budget, loss, run, step,
                 unique_tokens; x and y for --law formula).
                 May repeat, one role each, for column names holding commas.
  --where COLUMN=VALUE | COLUMN!=VALUE
                 Keep only rows where COLUMN equals (or differs from) VALUE. May repeat;
                 all filters must hold. Numbers compare as numbers (1e-3 == 0.001).
                 For run logs and folders: keep the runs whose parameter or attribute
                 COLUMN (or "run", the run name) matches, e.g. dataset_name=c4_original.
  --run-key COL+COL...
                 Identify a run by several columns, e.g. model+total_steps+peak_lr.
  --format text|json
                 Output format (default text).

Options for run logs and folders (info, fit, isoflop, envelope):
  --metric NAME  The metric used as loss (default: one named like a loss, validation
                 first; info lists the others).
  --key ROLE=KEY Take N, D, C, budget or unique_tokens from this run parameter, e.g.
                 N=model_size, D=hyperparameters.tokens. Values like 70m or 1.4B are read
                 with their suffix. Default: keys named like them (params, n_params,
                 model_size; tokens, train_tokens). May repeat.
  --name-pattern REGEX
                 Named groups of REGEX, searched in each run's name then file name, become
                 attributes; groups N, D, C set those, e.g. '(?<N>\d+m)-seed(?<seed>\d+)'.
  --join TABLE   A CSV/TSV of run attributes joined on the column naming the runs' names,
                 files or file stems (default in a folder: a table found there that does).
  --join-column COL
                 The join table's column to match (default: the one matching most runs).
  --tokens-per-step T | --batch-size B --seq-len S
                 Tokens = step x T (T = B x S) where the log has no token counts.

Options for fit:
  --law power|chinchilla|kaplan|datacon|bnsl|bnsl2|bnsl3|formula
                 power: L = E + A*x^-alpha; chinchilla: L = E + A/N^alpha + B/D^beta;
                 kaplan: L = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD; datacon: Muennighoff's
                 data-constrained law (needs unique tokens); bnsl*: broken power law in x
                 with 1-3 breaks; formula: --formula EXPR (columns x and y).
  --formula EXPR            A user law in x, e.g. 'b1*(1-exp(-b2*x))'; its parameters and
                            starts come from --start, in that order.
  --x N|D|C      The input of one-variable laws (default N).
  --objective lsq-log|lsq|huber-log
                 Least squares on log loss (default; lsq for formula), on loss, or the
                 summed Huber loss on log loss (Chinchilla approach 3).
  --delta X                 Huber threshold (default 1e-3).
  --overestimate-penalty K  Weight over-predicted points K times (K >= 1; default 1).
  --weights COLUMN          Per-run weights from a numeric column.
  --fix name=value[,...]    Hold parameters fixed.
  --bounds name=lo:hi[,...] Keep parameters in [lo, hi] (inf allowed).
  --tie follower=leader     Make one parameter equal another, e.g. beta=alpha.
  --start name=value[,...]  Start values (default: the law's published values).
  --grid default|chinchilla|lhs:K|none
                 Starts: variable projection for power and chinchilla, else 32 Latin-
                 hypercube starts (default); Hoffmann's 4,500 starts; K Latin-hypercube
                 starts; or the start values only.
  --points final|min|all    Which points of each run (default final).
  --exclude-top-loss K      Drop the K highest-loss points.
  --bootstrap K             K resamples of runs: 95% percentile intervals.
  --seed S                  Seed of the bootstrap and the Latin hypercube (default 0).
  --holdout-above N=VALUE|C=VALUE
                 Also fit the runs at or below VALUE and report the error of the
                 predicted loss on the runs above it.

General:
  --help         Show this help.
  --version      Show the version.

Exit status: 0 on success (fit: converged), 1 when a fit did not converge (the result is still
printed), 2 on bad input or usage (message on stderr).
)";
}

tl::expected<CliOptions, std::string> CliOptions::parse(const std::vector<std::string>& args)
{
    CliOptions o;
    std::optional<std::string> command;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string a = args[i];
        std::optional<std::string> inlineValue;
        if (a.rfind("--", 0) == 0) {
            if (const auto eq = a.find('='); eq != std::string::npos) {
                inlineValue = a.substr(eq + 1);
                a = a.substr(0, eq);
            }
        }
        auto next = [&]() -> tl::expected<std::string, std::string> {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= args.size())
                return tl::make_unexpected(a + ": missing value");
            return args[++i];
        };
        if (a == "--help" || a == "-h") {
            o.command = Command::Help;
            return o;
        }
        if (a == "--version") {
            o.command = Command::Version;
            return o;
        }
        if (a == "--columns") {
            auto v = next();
            if (!v)
                return tl::make_unexpected(v.error());
            if (auto r = parseColumns(*v, o.import, o.xyColumns); !r)
                return tl::make_unexpected(r.error());
        } else if (a == "--where") {
            auto v = next();
            if (!v)
                return tl::make_unexpected(v.error());
            auto f = parseWhere(*v);
            if (!f)
                return tl::make_unexpected(f.error());
            o.import.filters.push_back(*f);
        } else if (a == "--run-key") {
            auto v = next();
            if (!v)
                return tl::make_unexpected(v.error());
            o.import.runKey = splitPlus(*v);
            if (o.import.runKey.empty())
                return tl::make_unexpected("--run-key: expected COLUMN[+COLUMN...]");
        } else if (a == "--format") {
            auto v = next();
            if (!v)
                return tl::make_unexpected(v.error());
            if (*v == "json")
                o.format = Format::Json;
            else if (*v == "text")
                o.format = Format::Text;
            else
                return tl::make_unexpected("--format: expected text or json, found '" + *v + "'");
        } else if (auto logFlag = o.logs.consume(a, next, o.import.logs); !logFlag) {
            return tl::make_unexpected(logFlag.error());
        } else if (*logFlag) {
            continue;
        } else if (auto consumed = o.fit.consume(a, next); !consumed) {
            return tl::make_unexpected(consumed.error());
        } else if (*consumed) {
            continue;
        } else if (auto prof = o.profile.consume(a, next); !prof) {
            return tl::make_unexpected(prof.error());
        } else if (*prof) {
            continue;
        } else if (auto opt = o.optimal.consume(a, next); !opt) {
            return tl::make_unexpected(opt.error());
        } else if (*opt) {
            continue;
        } else if (auto taken = o.predict.consume(a, next); !taken) {
            return tl::make_unexpected(taken.error());
        } else if (*taken) {
            continue;
        } else if (a.rfind("--", 0) == 0 || (a.size() > 1 && a[0] == '-')) {
            return tl::make_unexpected("unknown option '" + a + "' (see --help)");
        } else if (!command) {
            command = a;
        } else if (o.file.empty()) {
            o.file = a;
        } else {
            return tl::make_unexpected("unexpected argument '" + a + "' (see --help)");
        }
    }
    if (!command)
        return tl::make_unexpected("no command given (see --help)");
    if (auto r = o.logs.finish(o.import.logs); !r)
        return tl::make_unexpected(r.error());
    if (*command != "info" && *command != "fit" && *command != "predict" && *command != "optimal"
        && *command != "isoflop" && *command != "envelope")
        return tl::make_unexpected("unknown command '" + *command + "' (see --help)");
    if (*command != "isoflop" && o.profile.isoflopGiven)
        return tl::make_unexpected(*command + ": --vertex and --group belong to the isoflop command");
    if (*command != "envelope" && o.profile.envelopeGiven)
        return tl::make_unexpected(*command + ": --skip-tokens, --skip-steps, --ema, --seed-column, "
                                   "--points-per-decade, --min-c and --max-c belong to the envelope command");
    if (*command == "isoflop" || *command == "envelope") {
        const OptimalCliOptions& op = o.optimal;
        if (!op.budgets.empty() || op.targetLoss || op.inferenceTokens > 0.0 || op.uniqueTokens > 0.0)
            return tl::make_unexpected(*command + ": of the optimal options only --flops applies");
        if (o.fit.anyGiven || o.predict.anyGiven)
            return tl::make_unexpected(*command + ": fit and predict options do not apply");
        if (o.file.empty())
            return tl::make_unexpected(*command + ": missing FILE (see --help)");
        o.command = *command == "isoflop" ? Command::IsoFlop : Command::Envelope;
        return o;
    }
    if (*command != "optimal" && o.optimal.anyGiven)
        return tl::make_unexpected(*command + ": --budget, --target-loss, --flops, --inference-tokens and "
                                   "--unique-tokens belong to the optimal command");
    if (*command == "optimal") {
        if (!o.predict.at.empty())
            return tl::make_unexpected("optimal: --at belongs to the predict command");
        if (o.optimal.budgets.empty() && !o.optimal.targetLoss)
            return tl::make_unexpected("optimal: give --budget C (e.g. --budget 5.76e23) or --target-loss L");
        const bool fromFile = !o.file.empty(), fromFit = !o.predict.fitFile.empty(),
                   fromParams = !o.predict.params.empty();
        if (fromFile + fromFit + fromParams != 1)
            return tl::make_unexpected("optimal: give exactly one of FILE (with fit options), --fit FIT.json, "
                                       "or --law and --params");
        if ((fromFile || fromParams) && o.fit.law.empty())
            return tl::make_unexpected("optimal: missing --law");
        o.command = Command::Optimal;
        return o;
    }
    if (*command != "predict" && o.predict.anyGiven)
        return tl::make_unexpected(*command + ": --fit, --params and --at belong to the predict command");
    if (*command == "predict") {
        if (!o.file.empty())
            return tl::make_unexpected("predict: unexpected argument '" + o.file + "' (use --fit FIT.json)");
        if (o.predict.at.empty())
            return tl::make_unexpected("predict: missing --at (e.g. --at N=7e10,D=1.4e12)");
        if (o.predict.fitFile.empty() == (o.fit.law.empty() || o.predict.params.empty()))
            return tl::make_unexpected("predict: give either --fit FIT.json or both --law and --params");
        o.command = Command::Predict;
        return o;
    }
    if (o.file.empty())
        return tl::make_unexpected(*command + ": missing FILE (see --help)");
    if (*command == "info" && o.fit.anyGiven)
        return tl::make_unexpected("info: fit options (--law, --objective, --fix, --grid, ...) belong to the fit command");
    if (*command == "fit" && o.fit.law.empty())
        return tl::make_unexpected("fit: missing --law (e.g. chinchilla, power, kaplan, formula)");
    o.command = *command == "fit" ? Command::Fit : Command::Info;
    return o;
}
