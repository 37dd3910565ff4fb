// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include <functional>
#include <utility>

namespace ui {

/// The one generic undoable "set a property" command: stores the new value, and on redo swaps it
/// with the current one through `get`/`set`, so undo restores exactly what was there before.
/// `set` is expected to emit the owner's change signal. A non-negative `mergeId` lets consecutive
/// commands with the same id collapse into one (slider drags). GUI thread only.
template <typename T>
class SetPropertyCommand : public QUndoCommand {
public:
    using Getter = std::function<T()>;
    using Setter = std::function<void(const T&)>;

    SetPropertyCommand(const QString& text, Getter get, Setter set, T value, int mergeId = -1)
        : QUndoCommand(text), m_get(std::move(get)), m_set(std::move(set)),
          m_value(std::move(value)), m_mergeId(mergeId)
    {
    }

    void redo() override { swap(); }
    void undo() override { swap(); }
    [[nodiscard]] int id() const override { return m_mergeId; }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = dynamic_cast<const SetPropertyCommand<T>*>(other);
        if (o == nullptr || o->m_mergeId != m_mergeId || m_mergeId < 0)
            return false;
        // Our m_value holds the value from before this command; keep it and apply theirs.
        return true;
    }

private:
    void swap()
    {
        T old = m_get();
        m_set(m_value);
        m_value = std::move(old);
    }

    Getter m_get;
    Setter m_set;
    T m_value;
    int m_mergeId;
};

} // namespace ui
