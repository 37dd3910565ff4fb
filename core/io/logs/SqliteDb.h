// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/io/logs/SqliteStatement.h"
#include "core/util/Error.h"

#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace core {

/// A read-only connection to an SQLite database file (RAII: closed on destruction), through
/// Debian's libsqlite3. Never writes to the file; creates nothing beside it, except the -shm
/// file SQLite needs to read a WAL database whose -wal file exists (a server still writing it).
/// Move-only; not thread-safe (one connection per thread). Errors name the file and carry
/// SQLite's message.
class SqliteDb {
public:
    /// Opens `path` read-only and reads its schema, so a file that is not a database, is
    /// encrypted or is corrupt fails here. When a read-only open cannot proceed (a WAL database
    /// in a read-only directory), retries as an immutable URI (file:...?mode=ro&immutable=1); a
    /// WAL database without a -wal file is opened that way at once (a plain read-only open would
    /// leave empty -wal and -shm files behind). A file shorter than its header's page count says
    /// is reported as truncated. Busy (locked) databases are waited on for at most 2 s.
    [[nodiscard]] static tl::expected<SqliteDb, Error> openReadOnly(const std::string& path);

    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb& operator=(SqliteDb&& other) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    ~SqliteDb();

    /// Compiles one SQL statement.
    [[nodiscard]] tl::expected<SqliteStatement, Error> prepare(std::string_view sql) const;
    /// The names of the tables in the main schema.
    [[nodiscard]] tl::expected<std::vector<std::string>, Error> tables() const;
    /// The column names of `table` (PRAGMA table_info), empty when there is no such table.
    [[nodiscard]] tl::expected<std::vector<std::string>, Error> columns(const std::string& table) const;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    SqliteDb(sqlite3* db, std::string path) noexcept : m_db(db), m_path(std::move(path)) {}
    /// Column `column` (0-based) of every row of the query `sql`, as text.
    [[nodiscard]] tl::expected<std::vector<std::string>, Error> texts(std::string_view sql, int column) const;

    sqlite3* m_db = nullptr;
    std::string m_path;
};

} // namespace core
