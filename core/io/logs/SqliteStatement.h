// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace core {

/// One prepared SQLite statement (RAII: finalized on destruction). Created by SqliteDb::prepare;
/// must not outlive the SqliteDb it came from. Move-only; not thread-safe (one per thread).
/// Column indices are 0-based. Errors name the database file and carry SQLite's message.
class SqliteStatement {
public:
    SqliteStatement(sqlite3_stmt* statement, sqlite3* db, std::string file) noexcept;
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    /// Advances to the next row: true when there is one, false when done, an Error (e.g.
    /// "database disk image is malformed") otherwise.
    [[nodiscard]] tl::expected<bool, Error> step();

    /// The column's storage class of the current row: SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT,
    /// SQLITE_BLOB or SQLITE_NULL.
    [[nodiscard]] int type(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    /// The column as a double; nullopt when it is NULL, text that is not a number, or a blob.
    [[nodiscard]] std::optional<double> number(int column) const;
    /// The column as text (numbers converted by SQLite; NULL as "").
    [[nodiscard]] std::string text(int column) const;

private:
    sqlite3_stmt* m_statement = nullptr;
    sqlite3* m_db = nullptr;
    std::string m_file;
};

} // namespace core
