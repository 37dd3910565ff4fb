// SPDX-License-Identifier: GPL-3.0-or-later
// "Copy to clipboard" tables (core/report/ResultTables): exact Markdown, LaTeX (booktabs) and CSV
// text for a small fit and an allocation, LaTeX escaping and Greek names, RFC 4180 quoting,
// absent values, and filling the input from a FitResult and a BootstrapResult.
#include "core/report/ResultTables.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

namespace {

const double kNaN = std::nan("");

core::ResultTableInput twoParameterFit()
{
    core::ResultTableInput in;
    in.law = "chinchilla";
    in.names = {"E", "alpha"};
    in.values = {1.8172181, 0.34731052};
    in.stderrs = {0.0123456789, 0.001};
    in.lower = {1.79, kNaN, 99.0}; // the third entry (a derived quantity) is ignored
    in.upper = {1.84, kNaN, 99.0};
    in.objectiveName = "huber-log";
    in.objective = 0.00123;
    in.points = 240;
    in.rmseLog = 0.0101;
    in.r2Log = 0.987654321;
    return in;
}

core::ResultTableInput withAllocation()
{
    core::ResultTableInput in;
    in.objectiveName = "lsq-log";
    in.objective = 0.5;
    in.points = 3;
    core::Allocation a;
    a.C = 5.76e23;
    a.N = 72248702500.382214;
    a.D = 1328743585388.1547;
    a.tokensPerParam = 18.391244955314253;
    a.loss = 1.9744411083974122;
    in.allocation = a;
    core::AllocationIntervals ci;
    ci.level = 0.9;
    ci.C = {5.76e23, 5.76e23};
    ci.N = {6.1e10, 8.4e10};
    ci.D = {1.1e12, 1.5e12};
    ci.tokensPerParam = {14.5, 23.25};
    ci.loss = {1.96, 1.99};
    in.allocationIntervals = ci;
    return in;
}

} // namespace

class TestResultTables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void markdown()
    {
        const std::string expected = "| Parameter | Estimate | Std. error | 95% CI lower | 95% CI upper |\n"
                                     "|:---|---:|---:|---:|---:|\n"
                                     "| E | 1.81722 | 0.0123457 | 1.79 | 1.84 |\n"
                                     "| alpha | 0.347311 | 0.001 |  |  |\n"
                                     "\n"
                                     "| Statistic | Value |\n"
                                     "|:---|---:|\n"
                                     "| Law | chinchilla |\n"
                                     "| Objective | huber-log |\n"
                                     "| Objective value | 0.00123 |\n"
                                     "| Points | 240 |\n"
                                     "| RMSE of log loss | 0.0101 |\n"
                                     "| R^2 of log loss | 0.987654 |\n";
        QCOMPARE(core::formatResultTables(twoParameterFit(), core::TableFormat::Markdown), expected);
    }

    void latex()
    {
        const std::string expected =
            "\\begin{tabular}{lrrrr}\n"
            "\\toprule\n"
            "Parameter & Estimate & Std.\\ error & 95\\% CI lower & 95\\% CI upper \\\\\n"
            "\\midrule\n"
            "$E$ & $1.81722$ & $0.0123457$ & $1.79$ & $1.84$ \\\\\n"
            "$\\alpha$ & $0.347311$ & $0.001$ &  &  \\\\\n"
            "\\bottomrule\n"
            "\\end{tabular}\n"
            "\n"
            "\\begin{tabular}{lr}\n"
            "\\toprule\n"
            "Statistic & Value \\\\\n"
            "\\midrule\n"
            "Law & chinchilla \\\\\n"
            "Objective & huber-log \\\\\n"
            "Objective value & $0.00123$ \\\\\n"
            "Points & 240 \\\\\n"
            "RMSE of log loss & $0.0101$ \\\\\n"
            "$R^2$ of log loss & $0.987654$ \\\\\n"
            "\\bottomrule\n"
            "\\end{tabular}\n";
        QCOMPARE(core::formatResultTables(twoParameterFit(), core::TableFormat::Latex), expected);
    }

    void csvIsExact()
    {
        const std::string expected = "section,name,value,standard_error,level,lower,upper\n"
                                     "parameter,E,1.8172181,0.0123456789,0.95,1.79,1.84\n"
                                     "parameter,alpha,0.34731052,0.001,,,\n"
                                     "statistic,law,chinchilla,,,,\n"
                                     "statistic,objective,huber-log,,,,\n"
                                     "statistic,objective_value,0.00123,,,,\n"
                                     "statistic,points,240,,,,\n"
                                     "statistic,rmse_log,0.0101,,,,\n"
                                     "statistic,r2_log,0.987654321,,,,\n";
        QCOMPARE(core::formatResultTables(twoParameterFit(), core::TableFormat::Csv), expected);
        // Exact text, in full below 1e6: 400 not 4e+02; 1e6 and up keep the exponent.
        core::ResultTableInput in;
        in.names = {"a", "b", "c", "d"};
        in.values = {400.0, 123456.5, 1e6, 1.0 / 3.0};
        QVERIFY(core::formatResultTables(in, core::TableFormat::Csv)
                    .starts_with("section,name,value,standard_error,level,lower,upper\n"
                                 "parameter,a,400,,,,\nparameter,b,123456.5,,,,\nparameter,c,1000000,,,,\n"
                                 "parameter,d,0.3333333333333333,,,,\n"));
    }

    void allocationInEachFormat()
    {
        const auto in = withAllocation();
        const std::string markdown = "| Statistic | Value |\n"
                                     "|:---|---:|\n"
                                     "| Objective | lsq-log |\n"
                                     "| Objective value | 0.5 |\n"
                                     "| Points | 3 |\n"
                                     "| RMSE of log loss |  |\n"
                                     "| R^2 of log loss |  |\n"
                                     "\n"
                                     "| Quantity | Value | 90% CI lower | 90% CI upper |\n"
                                     "|:---|---:|---:|---:|\n"
                                     "| C (FLOPs) | 5.76e+23 | 5.76e+23 | 5.76e+23 |\n"
                                     "| N_opt (parameters) | 7.22487e+10 | 6.1e+10 | 8.4e+10 |\n"
                                     "| D_opt (tokens) | 1.32874e+12 | 1.1e+12 | 1.5e+12 |\n"
                                     "| D/N (tokens per parameter) | 18.3912 | 14.5 | 23.25 |\n"
                                     "| Loss (nats/token) | 1.97444 | 1.96 | 1.99 |\n";
        QCOMPARE(core::formatResultTables(in, core::TableFormat::Markdown), markdown);
        const std::string latex = core::formatResultTables(in, core::TableFormat::Latex);
        const std::string latexAllocation =
            "\\begin{tabular}{lrrr}\n"
            "\\toprule\n"
            "Quantity & Value & 90\\% CI lower & 90\\% CI upper \\\\\n"
            "\\midrule\n"
            "$C$ (FLOPs) & $5.76 \\times 10^{23}$ & $5.76 \\times 10^{23}$ & $5.76 \\times 10^{23}$ \\\\\n"
            "$N_\\mathrm{opt}$ (parameters) & $7.22487 \\times 10^{10}$ & "
            "$6.1 \\times 10^{10}$ & $8.4 \\times 10^{10}$ \\\\\n"
            "$D_\\mathrm{opt}$ (tokens) & $1.32874 \\times 10^{12}$ & "
            "$1.1 \\times 10^{12}$ & $1.5 \\times 10^{12}$ \\\\\n"
            "$D/N$ (tokens per parameter) & $18.3912$ & $14.5$ & $23.25$ \\\\\n"
            "Loss (nats/token) & $1.97444$ & $1.96$ & $1.99$ \\\\\n"
            "\\bottomrule\n"
            "\\end{tabular}\n";
        QVERIFY2(latex.ends_with("\n\n" + latexAllocation), latex.c_str());
        const std::string csv = core::formatResultTables(in, core::TableFormat::Csv);
        const std::string csvAllocation = "allocation,C,5.76e+23,,0.9,5.76e+23,5.76e+23\n"
                                          "allocation,N_opt,72248702500.38222,,0.9,6.1e+10,8.4e+10\n"
                                          "allocation,D_opt,1328743585388.1548,,0.9,1.1e+12,1.5e+12\n"
                                          "allocation,tokens_per_param,18.391244955314253,,0.9,14.5,23.25\n"
                                          "allocation,loss,1.9744411083974123,,0.9,1.96,1.99\n";
        QVERIFY2(csv.ends_with("statistic,r2_log,,,,,\n" + csvAllocation), csv.c_str());
        // Inference rows appear with inference tokens; without intervals there are no CI columns.
        auto plain = in;
        plain.allocationIntervals.reset();
        plain.allocation->inferenceTokens = 2e12;
        plain.allocation->totalFlops = 6.6e23;
        const std::string md = core::formatResultTables(plain, core::TableFormat::Markdown);
        QVERIFY2(md.ends_with("| Quantity | Value |\n|:---|---:|\n| C (FLOPs) | 5.76e+23 |\n"
                              "| N_opt (parameters) | 7.22487e+10 |\n| D_opt (tokens) | 1.32874e+12 |\n"
                              "| D/N (tokens per parameter) | 18.3912 |\n| Loss (nats/token) | 1.97444 |\n"
                              "| Inference tokens | 2e+12 |\n| Total FLOPs | 6.6e+23 |\n"),
                 md.c_str());
    }

    void latexEscapesTextAndWritesGreek()
    {
        QCOMPARE(core::latexEscape("R_D 5% & #2 $x$ {y} ~ ^ \\"),
                 std::string("R\\_D 5\\% \\& \\#2 \\$x\\$ \\{y\\} \\textasciitilde{} \\textasciicircum{} "
                             "\\textbackslash{}"));
        core::ResultTableInput in;
        in.law = "my_law #2";
        in.names = {"beta", "alphaN", "alpha_D", "RDstar", "a%b", "betamax_x"};
        in.values = {-0.5, 1e-05, INFINITY, 2.0, 3.0, 4.0};
        in.digits = 5;
        const std::string latex = core::formatResultTables(in, core::TableFormat::Latex);
        const std::string rows =
            "\\begin{tabular}{lrr}\n\\toprule\nParameter & Estimate & Std.\\ error \\\\\n\\midrule\n"
            "$\\beta$ & $-0.5$ &  \\\\\n"
            "$\\alpha_{N}$ & $1 \\times 10^{-5}$ &  \\\\\n"
            "$\\alpha_{D}$ & $\\infty$ &  \\\\\n"
            "RDstar & $2$ &  \\\\\n"
            "a\\%b & $3$ &  \\\\\n"
            "betamax\\_x & $4$ &  \\\\\n"
            "\\bottomrule\n\\end{tabular}\n";
        QVERIFY2(latex.starts_with(rows), latex.c_str());
        QVERIFY(latex.find("Law & my\\_law \\#2 \\\\\n") != std::string::npos);
    }

    void csvQuotesPerRfc4180()
    {
        QCOMPARE(core::csvField("plain"), std::string("plain"));
        QCOMPARE(core::csvField("a,b"), std::string("\"a,b\""));
        QCOMPARE(core::csvField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
        QCOMPARE(core::csvField("two\nlines"), std::string("\"two\nlines\""));
        core::ResultTableInput in;
        in.names = {"a,b", "q\""};
        in.values = {1.0, 2.0};
        in.objectiveName = "custom, \"robust\"";
        const std::string csv = core::formatResultTables(in, core::TableFormat::Csv);
        QVERIFY2(csv.starts_with("section,name,value,standard_error,level,lower,upper\n"
                                 "parameter,\"a,b\",1,,,,\n"
                                 "parameter,\"q\"\"\",2,,,,\n"
                                 "statistic,objective,\"custom, \"\"robust\"\"\",,,,\n"),
                 csv.c_str());
        // Markdown escapes the cell separator.
        const std::string md = core::formatResultTables(in, core::TableFormat::Markdown);
        QVERIFY(md.starts_with("| Parameter | Estimate | Std. error |\n|:---|---:|---:|\n| a,b | 1 |  |\n"));
        in.names = {"a|b"};
        QVERIFY(core::formatResultTables(in, core::TableFormat::Markdown).find("| a\\|b | 1 |  |\n") !=
                std::string::npos);
    }

    void inputFromFitAndBootstrap()
    {
        core::FitResult fit;
        fit.names = {"E", "A", "alpha"};
        fit.params = {1.5, 400.0, 0.3};
        fit.stderrs = {0.1, 20.0, 0.01};
        fit.objective = 0.25;
        fit.residuals = {0.1, -0.1, 0.2, 0.0};
        fit.rmseLog = 0.12;
        fit.r2Log = 0.9;
        core::BootstrapResult boot;
        boot.names = {"E", "A", "alpha", "a"};
        boot.lower = {1.4, 380.0, 0.28, 0.5};
        boot.upper = {1.6, 420.0, 0.32, 0.6};
        const auto in = core::resultTableInput(fit, core::Objective::HuberLog, &boot);
        QCOMPARE(in.names, fit.names);
        QCOMPARE(in.values, fit.params);
        QCOMPARE(in.stderrs, fit.stderrs);
        QCOMPARE(in.lower, boot.lower);
        QCOMPARE(in.objectiveName, std::string("huber-log"));
        QCOMPARE(in.points, std::size_t(4));
        QCOMPARE(in.objective, 0.25);
        QCOMPARE(in.rmseLog, 0.12);
        QCOMPARE(in.r2Log, 0.9);
        const std::string csv = core::formatResultTables(in, core::TableFormat::Csv);
        QVERIFY2(csv.starts_with("section,name,value,standard_error,level,lower,upper\n"
                                 "parameter,E,1.5,0.1,0.95,1.4,1.6\n"
                                 "parameter,A,400,20,0.95,380,420\n"
                                 "parameter,alpha,0.3,0.01,0.95,0.28,0.32\n"
                                 "statistic,objective,huber-log,,,,\n"),
                 csv.c_str());
        const auto noBoot = core::resultTableInput(fit, core::Objective::LsqLog);
        QVERIFY(noBoot.lower.empty() && noBoot.upper.empty());
    }
};

QTEST_APPLESS_MAIN(TestResultTables)
#include "tst_ResultTables.moc"
