// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/SqliteStatement.h"

#include "core/io/logs/MlflowRunRecord.h"

#include <sqlite3.h>

#include <utility>
#include <variant>

namespace core {

SqliteStatement::SqliteStatement(sqlite3_stmt* statement, sqlite3* db, std::string file) noexcept
    : m_statement(statement), m_db(db), m_file(std::move(file))
{
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_db(other.m_db),
      m_file(std::move(other.m_file))
{
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_db = other.m_db;
        m_file = std::move(other.m_file);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

tl::expected<bool, Error> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return tl::unexpected(Error::at(m_file, 0, 0, std::string("SQLite: ") + sqlite3_errmsg(m_db)));
}

int SqliteStatement::type(int column) const
{
    return sqlite3_column_type(m_statement, column);
}

bool SqliteStatement::isNull(int column) const
{
    return type(column) == SQLITE_NULL;
}

std::optional<double> SqliteStatement::number(int column) const
{
    switch (type(column)) {
    case SQLITE_INTEGER: return static_cast<double>(sqlite3_column_int64(m_statement, column));
    case SQLITE_FLOAT: return sqlite3_column_double(m_statement, column);
    case SQLITE_TEXT: {
        const AttributeValue v = mlflowParamValue(text(column));
        if (std::holds_alternative<double>(v))
            return std::get<double>(v);
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

std::string SqliteStatement::text(int column) const
{
    const unsigned char* p = sqlite3_column_text(m_statement, column);
    if (p == nullptr)
        return {};
    const int n = sqlite3_column_bytes(m_statement, column);
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

} // namespace core
