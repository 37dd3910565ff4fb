// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartExporter.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QLineSeries>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <cmath>
#include <vector>

class TestChartExporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pngScalesWithDpiAndRecordsIt();
    void pngOfAPlainWidgetScalesItsChildren();
    void svgHasTheSeriesAsAVectorPathAndScreenSizedText();
    void pdfIsAVectorPageOfTheChartsAspect();
    void saveDispatchesOnTheSuffix();
    void failedExportsLeaveNoFileAndKeepExistingOnes();
};

namespace {
const QColor kSeriesColour(0xd6, 0x27, 0x28); // #d62728

/// A 600x400 chart view with one 3 px #d62728 zigzag line of `points` points, on screen.
struct Chart {
    QChartView view;
    explicit Chart(int points = 12)
    {
        auto* chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setTitle(QStringLiteral("Scaling"));
        chart->legend()->hide();
        auto* series = new QLineSeries;
        for (int i = 0; i < points; ++i)
            series->append(i, (i % 2 == 0) ? 1.0 : 4.0 + 0.1 * i);
        QPen pen(kSeriesColour);
        pen.setWidthF(3);
        series->setPen(pen);
        chart->addSeries(series);
        chart->createDefaultAxes();
        QChart* initial = view.chart();
        view.setChart(chart); // the view owns `chart` now and gives its initial chart back to us
        delete initial;
        view.resize(600, 400);
        view.show();
    }
};

/// Pixels within a small distance of `colour` (antialiased edges are left out).
int countNear(const QImage& image, const QColor& colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) <
                40)
                ++n;
        }
    return n;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The inflated content of every /FlateDecode stream of a PDF, concatenated.
QByteArray inflatedPdfStreams(const QByteArray& pdf)
{
    QByteArray out;
    qsizetype from = 0;
    for (;;) {
        const qsizetype start = pdf.indexOf("stream\n", from);
        if (start < 0)
            break;
        if (start >= 3 && pdf.mid(start - 3, 3) == "end") {
            from = start + 7;
            continue;
        }
        const qsizetype dataStart = start + 7;
        const qsizetype end = pdf.indexOf("endstream", dataStart);
        if (end < 0)
            break;
        const qsizetype object = pdf.lastIndexOf(" obj", start);
        if (object >= 0 && pdf.mid(object, start - object).contains("/FlateDecode")) {
            // qUncompress wants a 4-byte size; it grows the buffer when the guess is too small.
            QByteArray data("\x00\x10\x00\x00", 4);
            data += pdf.mid(dataStart, end - dataStart);
            out += qUncompress(data);
        }
        from = end + 9;
    }
    return out;
}
} // namespace

void TestChartExporter::pngScalesWithDpiAndRecordsIt()
{
    Chart c;
    QVERIFY(QTest::qWaitForWindowExposed(&c.view));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(ui::ChartExporter::pngDpiChoices(), (QList<int>{96, 150, 300}));

    const QString p96 = dir.filePath(QStringLiteral("chart96.png"));
    const QString p192 = dir.filePath(QStringLiteral("chart192.png"));
    const QString pDefault = dir.filePath(QStringLiteral("default.png"));
    QString error;
    QVERIFY2(ui::ChartExporter::savePng(&c.view, p96, 96, &error), qPrintable(error));
    QVERIFY2(ui::ChartExporter::savePng(&c.view, p192, 192, &error), qPrintable(error));
    QVERIFY(ui::ChartExporter::savePng(&c.view, pDefault)); // the old two-argument call: 96 DPI
    const QImage i96(p96), i192(p192), iDefault(pDefault);
    QVERIFY(!i96.isNull() && !i192.isNull() && !iDefault.isNull());

    QCOMPARE(i96.size(), c.view.viewport()->size());
    QCOMPARE(iDefault.size(), i96.size());
    QVERIFY2(std::abs(i192.width() - 2 * i96.width()) <= 1 && std::abs(i192.height() - 2 * i96.height()) <= 1,
             qPrintable(QStringLiteral("%1x%2").arg(i192.width()).arg(i192.height())));
    // The file records its DPI (PNG pHYs, whole pixels per metre).
    QCOMPARE(i96.dotsPerMeterX(), qRound(96 / 0.0254));
    QCOMPARE(i96.dotsPerMeterY(), qRound(96 / 0.0254));
    QCOMPARE(i192.dotsPerMeterX(), qRound(192 / 0.0254));
    QCOMPARE(i192.dotsPerMeterY(), qRound(192 / 0.0254));
    // White background, not transparent or black.
    QCOMPARE(i192.pixelColor(1, 1), QColor(Qt::white));
    QCOMPARE(i192.pixelColor(i192.width() - 2, i192.height() - 2), QColor(Qt::white));

    // The line is there and redrawn at the higher resolution: a 3 px line twice as long and twice
    // as thick covers about 4x the pixels (an upscaled or thin-lined render would not).
    const int n96 = countNear(i96, kSeriesColour);
    const int n192 = countNear(i192, kSeriesColour);
    QVERIFY2(n96 > 2000, qPrintable(QString::number(n96)));
    const double ratio = static_cast<double>(n192) / n96;
    QVERIFY2(ratio > 3.3 && ratio < 5.0, qPrintable(QStringLiteral("%1 / %2").arg(n192).arg(n96)));

    // renderImage is what savePng writes.
    const QImage direct = ui::ChartExporter::renderImage(&c.view, 192);
    QCOMPARE(direct.size(), i192.size());
    QCOMPARE(countNear(direct, kSeriesColour), n192);
    QVERIFY(ui::ChartExporter::renderImage(&c.view, 10).isNull());
    QVERIFY(ui::ChartExporter::renderImage(nullptr, 96).isNull());
}

void TestChartExporter::pngOfAPlainWidgetScalesItsChildren()
{
    // MainWindow's screenshot path: an ordinary widget with children, not a graphics view.
    QWidget window;
    window.resize(200, 100);
    auto* child = new QWidget(&window);
    child->setGeometry(10, 10, 50, 40);
    child->setAutoFillBackground(true);
    QPalette palette = child->palette();
    palette.setColor(QPalette::Window, QColor(0x2c, 0xa0, 0x2c));
    child->setPalette(palette);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QImage at96 = ui::ChartExporter::renderImage(&window, 96);
    const QImage at192 = ui::ChartExporter::renderImage(&window, 192);
    QCOMPARE(at96.size(), QSize(200, 100));
    QCOMPARE(at192.size(), QSize(400, 200));
    QCOMPARE(countNear(at96, QColor(0x2c, 0xa0, 0x2c)), 50 * 40);
    QCOMPARE(countNear(at192, QColor(0x2c, 0xa0, 0x2c)), 4 * 50 * 40);
    QCOMPARE(at192.pixelColor(25 * 2, 25 * 2), QColor(0x2c, 0xa0, 0x2c));
}

void TestChartExporter::svgHasTheSeriesAsAVectorPathAndScreenSizedText()
{
    Chart c;
    QVERIFY(QTest::qWaitForWindowExposed(&c.view));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QString error;
    QVERIFY2(ui::ChartExporter::saveSvg(&c.view, path, QStringLiteral("My sweep"), &error),
             qPrintable(error));
    const QByteArray svg = readAll(path);
    QVERIFY(svg.size() > 1000);

    // Walk the tree with inherited presentation attributes, as QSvgGenerator puts them on <g>.
    QXmlStreamReader xml(svg);
    std::vector<QString> strokes{QString()}, widths{QString()}, fontSizes{QString()};
    int seriesShapes = 0, images = 0;
    QString title, titleFontSize;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto a = xml.attributes();
            strokes.push_back(a.hasAttribute(QLatin1String("stroke"))
                                  ? a.value(QLatin1String("stroke")).toString()
                                  : strokes.back());
            widths.push_back(a.hasAttribute(QLatin1String("stroke-width"))
                                 ? a.value(QLatin1String("stroke-width")).toString()
                                 : widths.back());
            fontSizes.push_back(a.hasAttribute(QLatin1String("font-size"))
                                    ? a.value(QLatin1String("font-size")).toString()
                                    : fontSizes.back());
            const auto name = xml.name();
            if ((name == QLatin1String("path") || name == QLatin1String("polyline")) &&
                strokes.back().compare(QLatin1String("#d62728"), Qt::CaseInsensitive) == 0 &&
                widths.back() == QLatin1String("3"))
                ++seriesShapes;
            if (name == QLatin1String("image"))
                ++images;
            if (name == QLatin1String("title"))
                title = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            else if (name == QLatin1String("text")) {
                const QString fontSize = fontSizes.back();
                if (xml.readElementText(QXmlStreamReader::IncludeChildElements) == QLatin1String("Scaling"))
                    titleFontSize = fontSize;
            }
            if (xml.isEndElement()) { // readElementText consumed the end tag
                strokes.pop_back();
                widths.pop_back();
                fontSizes.pop_back();
            }
        } else if (xml.isEndElement()) {
            strokes.pop_back();
            widths.pop_back();
            fontSizes.pop_back();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(seriesShapes >= 1, "no path or polyline stroked #d62728, 3 px wide");
    QCOMPARE(images, 0); // vector only
    QCOMPARE(title, QStringLiteral("My sweep"));
    // Text has its on-screen size: a 9 pt title at 96 DPI is 12 px, not QSvgGenerator's 72-DPI 9.
    const double expected = c.view.chart()->titleFont().pointSizeF() * c.view.logicalDpiY() / 72.0;
    QVERIFY2(std::abs(titleFontSize.toDouble() - expected) <= 0.5,
             qPrintable(QStringLiteral("%1 vs %2").arg(titleFontSize).arg(expected)));
}

void TestChartExporter::pdfIsAVectorPageOfTheChartsAspect()
{
    Chart c(12);
    QVERIFY(QTest::qWaitForWindowExposed(&c.view));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.pdf"));
    QString error;
    QVERIFY2(ui::ChartExporter::savePdf(&c.view, path, QStringLiteral("Sweep A"), &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY2(pdf.size() > 1024, qPrintable(QString::number(pdf.size())));
    QVERIFY(!pdf.contains("/Subtype /Image")); // never a raster
    // Title metadata (UTF-16BE with a byte order mark).
    QByteArray utf16("\xfe\xff");
    for (QChar ch : QStringLiteral("Sweep A")) {
        utf16.append(static_cast<char>(ch.unicode() >> 8));
        utf16.append(static_cast<char>(ch.unicode() & 0xff));
    }
    QVERIFY(pdf.contains("/Title (" + utf16 + ")"));
    // The page has the viewport's aspect at the view's DPI: 600x400 px at 96 DPI is 450x300 pt.
    const QSize vp = c.view.viewport()->size();
    const double dpi = c.view.logicalDpiX();
    const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const auto m = box.match(QString::fromLatin1(pdf));
    QVERIFY(m.hasMatch());
    QVERIFY2(std::abs(m.captured(1).toDouble() - vp.width() * 72.0 / dpi) < 1 &&
                 std::abs(m.captured(2).toDouble() - vp.height() * 72.0 / dpi) < 1,
             qPrintable(m.captured(0)));
    // The series is a stroked vector path in the page content: its colour, its 3-unit width, then
    // at least one segment per point pair.
    const QString content = QString::fromLatin1(inflatedPdfStreams(pdf));
    const QRegularExpression stroke(QStringLiteral("0\\.839\\d* 0\\.152\\d* 0\\.156\\d* SCN\\s+3 w"));
    const auto s = stroke.match(content);
    QVERIFY2(s.hasMatch(), "no #d62728 3-unit stroke in the page content");
    const QString after = content.mid(s.capturedEnd(), 4000);
    const qsizetype segments = after.count(QRegularExpression(QStringLiteral(" l\\n")));
    QVERIFY2(segments >= 11, qPrintable(QString::number(segments)));

    // More points, more path: the size grows.
    Chart more(400);
    QVERIFY(QTest::qWaitForWindowExposed(&more.view));
    const QString bigger = dir.filePath(QStringLiteral("more.pdf"));
    QVERIFY(ui::ChartExporter::savePdf(&more.view, bigger));
    QVERIFY(readAll(bigger).size() > pdf.size() + 1000);
    QVERIFY(readAll(bigger).contains("/Title (")); // defaults to the file's base name
}

void TestChartExporter::saveDispatchesOnTheSuffix()
{
    Chart c;
    QVERIFY(QTest::qWaitForWindowExposed(&c.view));
    QTemporaryDir dir;
    QVERIFY(ui::ChartExporter::save(&c.view, dir.filePath(QStringLiteral("a.PNG")), 150));
    QVERIFY(ui::ChartExporter::save(&c.view, dir.filePath(QStringLiteral("a.svg"))));
    QVERIFY(ui::ChartExporter::save(&c.view, dir.filePath(QStringLiteral("a.pdf"))));
    QCOMPARE(QImageReader(dir.filePath(QStringLiteral("a.PNG"))).format(), QByteArray("png"));
    QCOMPARE(QImage(dir.filePath(QStringLiteral("a.PNG"))).dotsPerMeterX(), qRound(150 / 0.0254));
    QVERIFY(readAll(dir.filePath(QStringLiteral("a.svg"))).contains("<svg"));
    QVERIFY(readAll(dir.filePath(QStringLiteral("a.pdf"))).startsWith("%PDF-"));
    QString error;
    QVERIFY(!ui::ChartExporter::save(&c.view, dir.filePath(QStringLiteral("a.bmp")), 96, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("bmp")), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.bmp"))));
}

void TestChartExporter::failedExportsLeaveNoFileAndKeepExistingOnes()
{
    Chart c;
    QVERIFY(QTest::qWaitForWindowExposed(&c.view));
    QTemporaryDir dir;
    const QString missingDir = dir.filePath(QStringLiteral("no/such/dir"));
    for (const QString& name : {QStringLiteral("x.png"), QStringLiteral("x.svg"), QStringLiteral("x.pdf")}) {
        const QString path = missingDir + QLatin1Char('/') + name;
        QString error;
        QVERIFY(!ui::ChartExporter::save(&c.view, path, 96, {}, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
    QVERIFY(!QDir(dir.filePath(QStringLiteral("no"))).exists());

    // An existing file survives every kind of failure byte for byte, and no temporary is left.
    const QString existing = dir.filePath(QStringLiteral("keep.png"));
    const QByteArray original("not really a png, but precious");
    {
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original);
    }
    QString error;
    QVERIFY(!ui::ChartExporter::savePng(&c.view, existing, 5000, &error)); // DPI out of range
    QVERIFY(!error.isEmpty());
    QVERIFY(!ui::ChartExporter::savePng(nullptr, existing));
    QVERIFY(!ui::ChartExporter::saveSvg(nullptr, existing));
    QVERIFY(!ui::ChartExporter::savePdf(nullptr, existing));
    // A writer that fails half way through (as a full disk would): the half-written temporary file
    // is discarded.
    error.clear();
    const bool wrote = ui::ChartExporter::writeAtomically(
        existing,
        [](QIODevice& device, QString& why) {
            device.write(QByteArray(4096, 'x'));
            why = QStringLiteral("simulated failure");
            return false;
        },
        &error);
    QVERIFY(!wrote);
    QVERIFY2(error.contains(QStringLiteral("simulated failure")), qPrintable(error));
    QCOMPARE(readAll(existing), original);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("keep.png")});

    // A directory that cannot be written (when this user is not exempt from permissions, unlike root).
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(locked));
    const QString lockedFile = locked + QStringLiteral("/keep.svg");
    {
        QFile f(lockedFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original);
    }
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
    QFile probe(locked + QStringLiteral("/probe"));
    if (!probe.open(QIODevice::WriteOnly)) {
        QVERIFY(!ui::ChartExporter::saveSvg(&c.view, lockedFile));
        QCOMPARE(readAll(lockedFile), original);
    } else {
        probe.close();
        probe.remove();
        qInfo("permissions are not enforced for this user; the read-only directory case is not run");
    }
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // A successful export does replace the file.
    QVERIFY(ui::ChartExporter::savePng(&c.view, existing));
    QVERIFY(!QImage(existing).isNull());
}

QTEST_MAIN(TestChartExporter)
#include "tst_ChartExporter.moc"
