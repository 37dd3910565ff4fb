// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChartToolBar.h"

#include "ui/ColorScale.h"
#include "ui/Document.h"

#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>
#include <set>
#include <string>

namespace ui {

ChartToolBar::ChartToolBar(Document* document, QWidget* parent)
    : QToolBar(tr("Chart"), parent), m_document(document), m_xGroup(new QActionGroup(this)),
      m_viewGroup(new QActionGroup(this)), m_colorBy(new QComboBox(this)), m_smoothing(new QSlider(Qt::Horizontal, this)),
      m_seeds(new QComboBox(this))
{
    setObjectName(QStringLiteral("chartToolBar"));
    addWidget(new QLabel(tr(" x axis: "), this));
    const struct {
        core::XQuantity q;
        QString text;
        QString tip;
    } quantities[] = {{core::XQuantity::N, QStringLiteral("N"), tr("Parameters")},
                      {core::XQuantity::D, QStringLiteral("D"), tr("Training tokens")},
                      {core::XQuantity::C, QStringLiteral("C"), tr("Training compute (FLOPs)")}};
    for (const auto& q : quantities) {
        QAction* a = addAction(q.text);
        a->setToolTip(q.tip);
        a->setCheckable(true);
        a->setData(static_cast<int>(q.q));
        m_xGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, x = q.q] { m_document->setXQuantity(x); });
    }
    addSeparator();
    addWidget(new QLabel(tr(" view: "), this));
    const struct {
        Document::View v;
        QString text;
        QString tip;
        QKeySequence key;
    } views[] = {
        {Document::View::Data, tr("Loss"), tr("Loss against N, D or C with the fitted law"), QKeySequence(Qt::CTRL | Qt::Key_1)},
        {Document::View::IsoFlop, tr("IsoFLOP"), tr("IsoFLOP profiles with their parabolas and vertices (approach 2)"),
         QKeySequence(Qt::CTRL | Qt::Key_2)},
        {Document::View::Allocation, tr("Allocation"), tr("N_opt(C) and D_opt(C) from each approach"),
         QKeySequence(Qt::CTRL | Qt::Key_3)},
        {Document::View::Residuals, tr("Residuals"), tr("Log residuals of the fit against x"), QKeySequence(Qt::CTRL | Qt::Key_4)}};
    for (const auto& v : views) {
        QAction* a = addAction(v.text);
        a->setToolTip(v.tip + QStringLiteral(" (") + v.key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        a->setShortcut(v.key);
        a->setCheckable(true);
        a->setData(static_cast<int>(v.v));
        m_viewGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, target = v.v] {
            if (target == Document::View::IsoFlop && m_document->xQuantity() != core::XQuantity::N) {
                m_document->undoStack()->beginMacro(tr("Show IsoFLOP profiles"));
                m_document->setView(target);
                m_document->setXQuantity(core::XQuantity::N); // profiles are loss against N
                m_document->undoStack()->endMacro();
            } else {
                m_document->setView(target);
            }
        });
    }
    addSeparator();
    addWidget(new QLabel(tr(" colour by: "), this));
    m_colorBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_colorBy, &QComboBox::activated, this, [this](int index) { m_document->setColorBy(m_colorBy->itemText(index)); });
    addWidget(m_colorBy);
    addSeparator();
    addWidget(new QLabel(tr(" smooth: "), this));
    m_smoothing->setRange(0, 99);
    m_smoothing->setFixedWidth(90);
    m_smoothing->setToolTip(tr("Exponential moving average of training curves (0 = off); the raw curve stays faint behind"));
    connect(m_smoothing, &QSlider::valueChanged, this, [this](int v) { m_document->setSmoothing(v / 100.0); });
    addWidget(m_smoothing);
    addWidget(new QLabel(tr(" seeds: "), this));
    m_seeds->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_seeds->setToolTip(tr("Draw runs that differ only in this attribute as their mean with a min\u2013max band"));
    connect(m_seeds, &QComboBox::activated, this,
            [this](int index) { m_document->setSeedColumn(index == 0 ? QString() : m_seeds->itemText(index)); });
    addWidget(m_seeds);
    connect(m_document, &Document::changed, this, &ChartToolBar::sync);
    sync();
}

void ChartToolBar::addViewActionsTo(QMenu* menu) const
{
    menu->addActions(m_viewGroup->actions());
}

void ChartToolBar::sync()
{
    for (QAction* a : m_xGroup->actions())
        a->setChecked(a->data().toInt() == static_cast<int>(m_document->xQuantity()));
    for (QAction* a : m_viewGroup->actions())
        a->setChecked(a->data().toInt() == static_cast<int>(m_document->view()));
    const QStringList choices = ColorScale::attributesOf(m_document->sweep());
    QStringList current;
    for (int i = 0; i < m_colorBy->count(); ++i)
        current << m_colorBy->itemText(i);
    if (current != choices) {
        m_colorBy->clear();
        m_colorBy->addItems(choices);
    }
    m_colorBy->setCurrentText(m_document->colorBy());
    {
        const QSignalBlocker block(m_smoothing);
        m_smoothing->setValue(static_cast<int>(std::lround(m_document->smoothing() * 100)));
    }
    QStringList attributes{tr("none")};
    std::set<std::string> names;
    for (const core::Run& r : m_document->sweep().runs)
        for (const auto& [name, value] : r.attributes)
            names.insert(name);
    for (const std::string& n : names)
        attributes << QString::fromStdString(n);
    QStringList shown;
    for (int i = 0; i < m_seeds->count(); ++i)
        shown << m_seeds->itemText(i);
    if (shown != attributes) {
        m_seeds->clear();
        m_seeds->addItems(attributes);
    }
    m_seeds->setCurrentIndex(m_document->seedColumn().isEmpty() ? 0 : std::max(0, m_seeds->findText(m_document->seedColumn())));
}

} // namespace ui
