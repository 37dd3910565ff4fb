// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/logs/SqliteDb.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

namespace core {

namespace {

constexpr int kBusyTimeoutMs = 2000;

Error sqliteError(const std::string& path, sqlite3* db, const char* fallback)
{
    const char* message = db != nullptr ? sqlite3_errmsg(db) : fallback;
    return Error::at(path, 0, 0, std::string("SQLite: ") + (message != nullptr ? message : fallback));
}

std::uint32_t bigEndian(const unsigned char* p, int bytes)
{
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

/// Compares the page count in the 100-byte header (when SQLite would trust it) with the size of
/// the file: a shorter file was truncated. Sets `wal` when the header marks WAL mode.
tl::expected<void, Error> checkHeader(const std::string& path, bool& wal)
{
    wal = false;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f)
        return tl::unexpected(Error::at(path, 0, 0, std::string("cannot open: ") + std::strerror(errno)));
    unsigned char header[100];
    const std::size_t n = std::fread(header, 1, sizeof header, f.get());
    if (n < sizeof header || std::memcmp(header, "SQLite format 3", 16) != 0)
        return {}; // SQLite reports what is wrong
    wal = header[18] == 2 || header[19] == 2;
    std::uint64_t pageSize = bigEndian(header + 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    const std::uint32_t pages = bigEndian(header + 28, 4);
    const bool trusted = pages > 0 && bigEndian(header + 24, 4) == bigEndian(header + 92, 4);
    if (!trusted || pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return {};
    if (std::fseek(f.get(), 0, SEEK_END) != 0)
        return {};
    const long size = std::ftell(f.get());
    const std::uint64_t expected = pageSize * pages;
    if (size >= 0 && static_cast<std::uint64_t>(size) < expected)
        return tl::unexpected(Error::at(
            path, 0, 0,
            "truncated SQLite database: its header says " + std::to_string(pages) + " pages of "
                + std::to_string(pageSize) + " bytes (" + std::to_string(expected)
                + " bytes), the file has " + std::to_string(size) + " bytes"));
    return {};
}

/// Opens with `flags` and reads the schema. On failure returns the SQLite result code and
/// closes the handle.
int tryOpen(const std::string& name, int flags, sqlite3*& db, std::string& message)
{
    db = nullptr;
    int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(db, 0);
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        // Reading the schema makes SQLite check the header and the first page.
        rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    if (rc != SQLITE_OK) {
        message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        db = nullptr;
    }
    return rc;
}

/// `path` as an SQLite file: URI, with the characters URIs reserve escaped.
std::string fileUri(const std::string& path)
{
    std::string uri = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7f) {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            uri += buffer;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri + "?mode=ro&immutable=1";
}

} // namespace

tl::expected<SqliteDb, Error> SqliteDb::openReadOnly(const std::string& path)
{
    bool wal = false;
    if (auto header = checkHeader(path, wal); !header)
        return tl::unexpected(header.error());
    sqlite3* db = nullptr;
    std::string message;
    // A read-only connection to a WAL database creates (and leaves) the -wal and -shm files. When
    // there is no -wal file there is nothing to recover, so read the file as immutable instead.
    std::error_code ec;
    const bool immutable = wal && !std::filesystem::exists(path + "-wal", ec);
    int rc = immutable ? tryOpen(fileUri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, db, message)
                       : tryOpen(path, SQLITE_OPEN_READONLY, db, message);
    if (!immutable && (rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY)) {
        std::string retryMessage;
        if (tryOpen(fileUri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, db, retryMessage) == SQLITE_OK)
            rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK)
        return tl::unexpected(Error::at(path, 0, 0, "SQLite: " + message));
    return SqliteDb(db, path);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

SqliteDb::~SqliteDb()
{
    sqlite3_close_v2(m_db);
}

tl::expected<SqliteStatement, Error> SqliteDb::prepare(std::string_view sql) const
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return tl::unexpected(sqliteError(m_path, m_db, "cannot prepare a statement"));
    }
    return SqliteStatement(statement, m_db, m_path);
}

tl::expected<std::vector<std::string>, Error> SqliteDb::tables() const
{
    return texts("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", 0);
}

tl::expected<std::vector<std::string>, Error> SqliteDb::columns(const std::string& table) const
{
    std::string quoted = "\"";
    for (char c : table)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted += '"';
    return texts("PRAGMA table_info(" + quoted + ")", 1);
}

tl::expected<std::vector<std::string>, Error> SqliteDb::texts(std::string_view sql, int column) const
{
    auto statement = prepare(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    std::vector<std::string> out;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return out;
        out.push_back(statement->text(column));
    }
}

} // namespace core
