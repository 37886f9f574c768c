// Checks migsafe's lock model against a real PostgreSQL.
//
//   lockmodel_oracle DIR     runs every DIR/*.sql case file (format: testdata/lockmodel/README.md)
//
// Connects with libpq's defaults (PGHOST, PGPORT, PGUSER, PGDATABASE), so run it under
// tools/pg-sandbox.sh. Prints one line per case and "N passed, M failed"; exits 1 on a mismatch.
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pg/lock_mode.hpp"
#include "pg/statement_facts.hpp"
#include "sql/parsed_file.hpp"

namespace {

using migsafe::pg::LockMode;
using migsafe::pg::StatementFacts;
using Rows = std::vector<std::vector<std::string>>;

struct Case {
    std::string name;
    std::string sql;
    std::set<std::string> unmodelled;  // relations the statement does not name (see README)
    std::string rewrite_unknowable;    // why the statement alone cannot tell whether it rewrites
};

struct CaseFile {
    std::string setup;
    std::vector<Case> cases;
};

CaseFile read_case_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    CaseFile file;
    std::string line;
    bool in_setup = false;
    const std::string case_prefix = "-- case: ";
    const std::string unmodelled_prefix = "-- unmodelled: ";
    const std::string rewrite_prefix = "-- rewrite-unknowable: ";
    while (std::getline(in, line)) {
        if (line == "-- setup") {
            in_setup = true;
        } else if (line.starts_with(case_prefix)) {
            in_setup = false;
            file.cases.push_back({line.substr(case_prefix.size()), "", {}, ""});
        } else if (line.starts_with(unmodelled_prefix) && !file.cases.empty()) {
            file.cases.back().unmodelled.insert(line.substr(unmodelled_prefix.size()));
        } else if (line.starts_with(rewrite_prefix) && !file.cases.empty()) {
            file.cases.back().rewrite_unknowable = line.substr(rewrite_prefix.size());
        } else if (in_setup) {
            file.setup += line + "\n";
        } else if (!file.cases.empty()) {
            file.cases.back().sql += line + "\n";
        }
    }
    return file;
}

class Connection {
  public:
    Connection() : conn_(PQconnectdb("")) {
        if (PQstatus(conn_) != CONNECTION_OK)
            throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(conn_));
        // Nothing the oracle does may hang the test suite.
        query("SET statement_timeout = '20s'; SET client_min_messages = warning");
    }
    ~Connection() { PQfinish(conn_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&&) = delete;
    Connection& operator=(Connection&&) = delete;

    // Runs one or more statements; returns the last one's rows. Throws on any error.
    Rows query(const std::string& sql) {
        PGresult* result = PQexec(conn_, sql.c_str());
        return take(result);
    }

    void send(const std::string& sql) {
        if (PQsendQuery(conn_, sql.c_str()) == 0)
            throw std::runtime_error(std::string("cannot send: ") + PQerrorMessage(conn_));
    }
    // True while a sent query is still running.
    bool busy() {
        if (PQconsumeInput(conn_) == 0)
            throw std::runtime_error(std::string("connection lost: ") + PQerrorMessage(conn_));
        return PQisBusy(conn_) != 0;
    }
    // Collects a sent query's results; throws if any failed.
    void finish() {
        std::string error;
        while (PGresult* result = PQgetResult(conn_)) {
            try {
                take(result);
            } catch (const std::exception& e) {
                error = e.what();
            }
        }
        if (!error.empty()) throw std::runtime_error(error);
    }
    int pid() const { return PQbackendPID(conn_); }

  private:
    Rows take(PGresult* result) {
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            std::string message = PQresultErrorMessage(result);
            PQclear(result);
            while (!message.empty() && message.back() == '\n')
                message.pop_back();
            throw std::runtime_error(message);
        }
        Rows rows;
        for (int r = 0; r < PQntuples(result); ++r) {
            std::vector<std::string>& row = rows.emplace_back();
            for (int c = 0; c < PQnfields(result); ++c)
                row.emplace_back(PQgetvalue(result, r, c));
        }
        PQclear(result);
        return rows;
    }

    PGconn* conn_;
};

struct Relation {
    std::string name;
    char kind = 'r';  // pg_class.relkind
    std::string filenode;
};

// The case schema's tables, partitioned tables, materialized views, indexes, views and sequences,
// by oid.
std::map<std::string, Relation> relations(Connection& conn, const std::string& schema) {
    std::map<std::string, Relation> result;
    for (const auto& row :
         conn.query("SELECT c.oid, c.relname, c.relkind, c.relfilenode FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" +
                    schema + "' AND c.relkind IN ('r', 'p', 'm', 'i', 'I', 'v', 'S')")) {
        result[row[0]] = {row[1], row[2].empty() ? 'r' : row[2][0], row[3]};
    }
    return result;
}

LockMode mode_from_pg_locks(const std::string& name) {
    for (int m = 1; m <= static_cast<int>(LockMode::AccessExclusive); ++m) {
        const auto mode = static_cast<LockMode>(m);
        if (migsafe::pg::lock_mode_pg_locks_name(mode) == name) return mode;
    }
    throw std::runtime_error("unknown lock mode " + name);
}

// Strongest relation lock per oid held (or, with `waiting`, also requested) by backend `pid`.
std::map<std::string, LockMode> locks_of(Connection& conn, int pid, bool waiting) {
    std::map<std::string, LockMode> result;
    const std::string sql =
        "SELECT relation, mode FROM pg_locks WHERE locktype = 'relation' AND pid = " +
        std::to_string(pid) +
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())" +
        (waiting ? "" : " AND granted");
    for (const auto& row : conn.query(sql)) {
        const LockMode mode = mode_from_pg_locks(row[1]);
        LockMode& strongest = result[row[0]];
        strongest = std::max(strongest, mode);
    }
    return result;
}

struct Observation {
    std::map<std::string, LockMode> locks;  // by oid
    std::map<std::string, Relation> before;
    std::map<std::string, Relation> after;
    std::set<std::string> missing_before;  // "table.column" with pg_attribute.atthasmissing
    std::set<std::string> missing_after;
    std::set<std::string> invalid_after;  // indexes with pg_index.indisvalid = false
};

// Columns whose value for old rows lives in the catalog (a fast default), as "table.column".
std::set<std::string> columns_with_missing_values(Connection& conn, const std::string& schema) {
    std::set<std::string> result;
    for (const auto& row : conn.query(
             "SELECT c.relname || '.' || a.attname FROM pg_attribute a"
             " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
             " WHERE n.nspname = '" +
             schema + "' AND a.atthasmissing AND NOT a.attisdropped"))
        result.insert(row[0]);
    return result;
}

std::set<std::string> invalid_indexes(Connection& conn, const std::string& schema) {
    std::set<std::string> result;
    for (const auto& row :
         conn.query("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" +
                    schema + "' AND NOT i.indisvalid"))
        result.insert(row[0]);
    return result;
}

std::string quote_ident(const std::string& name) {
    std::string quoted = "\"";
    for (const char c : name)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// Runs the statement in a transaction, reads its locks and relfilenodes, rolls back.
Observation observe_in_transaction(Connection& conn, const std::string& schema,
                                   const std::string& statement) {
    Observation seen;
    seen.before = relations(conn, schema);
    seen.missing_before = columns_with_missing_values(conn, schema);
    conn.query("BEGIN");
    try {
        conn.query(statement);
        seen.locks = locks_of(conn, conn.pid(), false);
        seen.after = relations(conn, schema);
        seen.missing_after = columns_with_missing_values(conn, schema);
        seen.invalid_after = invalid_indexes(conn, schema);
    } catch (...) {
        conn.query("ROLLBACK");
        throw;
    }
    conn.query("ROLLBACK");
    return seen;
}

// The tables and partitioned tables of `rels` as schema-qualified names for LOCK TABLE.
std::vector<std::string> lockable_tables(const std::string& schema,
                                         const std::map<std::string, Relation>& rels) {
    std::vector<std::string> tables;
    for (const auto& [oid, rel] : rels) {
        if (rel.kind != 'r' && rel.kind != 'p') continue;  // LOCK TABLE takes tables only
        tables.push_back(quote_ident(schema) + "." + quote_ident(rel.name));
    }
    return tables;
}

// Opens a REPEATABLE READ transaction with a snapshot and ACCESS SHARE on every table: a
// concurrent build waits for the snapshot, anything needing a stronger lock waits for the locks.
void hold_snapshot_and_share_locks(Connection& conn, const std::vector<std::string>& tables) {
    conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    for (const std::string& table : tables)
        conn.query("LOCK TABLE " + table + " IN ACCESS SHARE MODE");
    conn.query("SELECT 1");
}

// Takes ACCESS SHARE on each of `tables` that it can get without waiting, in an open transaction.
void lock_what_is_free(Connection& conn, const std::vector<std::string>& tables) {
    conn.query("BEGIN");
    for (const std::string& table : tables) {
        conn.query("SAVEPOINT s");
        try {
            conn.query("LOCK TABLE " + table + " IN ACCESS SHARE MODE NOWAIT");
            conn.query("RELEASE s");
        } catch (const std::exception&) {
            conn.query("ROLLBACK TO s");
        }
    }
}

// Runs a statement that cannot run in a transaction block on `runner` while other sessions make
// it wait, and reads its locks (held or requested) from a third session at every wait:
//  1. `first` holds a snapshot and ACCESS SHARE on every table: CONCURRENTLY waits for old
//     snapshots or lockers, VACUUM FULL for its lock;
//  2. before `first` ends, `second` takes ACCESS SHARE on every table it can, so a second phase
//     (DETACH PARTITION CONCURRENTLY's final ACCESS EXCLUSIVE) waits again.
// The observation is the strongest mode seen per relation over all waits.
Observation observe_concurrently(Connection& runner, const std::string& schema,
                                 const std::string& statement) {
    using namespace std::chrono_literals;
    Observation seen;
    Connection first;
    Connection second;
    Connection observer;
    seen.before = relations(observer, schema);
    seen.missing_before = columns_with_missing_values(observer, schema);
    const std::vector<std::string> tables = lockable_tables(schema, seen.before);
    hold_snapshot_and_share_locks(first, tables);

    runner.send(statement);
    int waits = 0;
    std::vector<Connection*> blockers{&first, &second};
    for (size_t phase = 0; phase < blockers.size(); ++phase) {
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        while (std::chrono::steady_clock::now() < deadline && runner.busy()) {
            // Waiting for this phase's blocker, not still waking up from the previous one.
            const std::string pid = std::to_string(runner.pid());
            const Rows rows = observer.query("SELECT " + std::to_string(blockers[phase]->pid()) +
                                             " = ANY(pg_blocking_pids(" + pid +
                                             ")) FROM pg_stat_activity WHERE pid = " + pid);
            if (!rows.empty() && rows[0][0] == "t") {
                ++waits;
                for (const auto& [oid, mode] : locks_of(observer, runner.pid(), true)) {
                    LockMode& strongest = seen.locks[oid];
                    strongest = std::max(strongest, mode);
                }
                break;
            }
            std::this_thread::sleep_for(2ms);
        }
        if (phase == 0) lock_what_is_free(second, tables);
        blockers[phase]->query("COMMIT");
    }
    while (runner.busy())
        std::this_thread::sleep_for(5ms);  // statement_timeout bounds this
    runner.finish();
    if (waits == 0) throw std::runtime_error("the statement never waited; its locks were not seen");
    seen.after = relations(observer, schema);
    seen.missing_after = columns_with_missing_values(observer, schema);
    seen.invalid_after = invalid_indexes(observer, schema);
    return seen;
}

// Runs a statement that cannot run in a transaction block under a 1 s statement_timeout while
// another session holds a snapshot and ACCESS SHARE on every table, so it is cancelled in the
// middle; returns the INVALID indexes it leaves behind.
std::set<std::string> observe_cancelled(Connection& runner, const std::string& schema,
                                        const std::string& statement) {
    Connection blocker;
    hold_snapshot_and_share_locks(blocker, lockable_tables(schema, relations(blocker, schema)));
    runner.query("SET statement_timeout = '1s'");
    std::string error;
    try {
        runner.query(statement);
    } catch (const std::exception& e) {
        error = e.what();
    }
    runner.query("SET statement_timeout = '20s'");
    blocker.query("COMMIT");
    if (error.find("statement timeout") == std::string::npos) {
        throw std::runtime_error("the statement was not cancelled by statement_timeout" +
                                 (error.empty() ? std::string() : ": " + error));
    }
    return invalid_indexes(runner, schema);
}

// One line of output; returns whether the case passed.
bool check_case(Connection& conn, const std::string& schema, const std::string& setup,
                const Case& c) {
    const auto parsed = migsafe::sql::parse_file(c.sql);
    std::vector<const migsafe::sql::Statement*> statements;
    for (const auto& statement : parsed->statements) {
        if (statement.origin == migsafe::sql::StatementOrigin::TopLevel)
            statements.push_back(&statement);
    }
    if (statements.size() != 1 || statements[0]->node == nullptr) {
        std::cout << "ERROR " << c.name << ": a case needs exactly one statement migsafe parses\n";
        return false;
    }
    const StatementFacts facts = migsafe::pg::describe_statement(statements[0]->node);

    const auto prepare = [&] {
        conn.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema +
                   "; SET search_path = " + schema);
        conn.query(setup);
    };
    Observation seen;
    std::optional<std::set<std::string>> invalid_after_cancel;
    try {
        prepare();
        seen = facts.allowed_in_transaction ? observe_in_transaction(conn, schema, c.sql)
                                            : observe_concurrently(conn, schema, c.sql);
        if (!facts.allowed_in_transaction) {
            prepare();
            invalid_after_cancel = observe_cancelled(conn, schema, c.sql);
        }
    } catch (const std::exception& e) {
        std::cout << "ERROR " << c.name << ": " << e.what() << "\n";
        return false;
    }

    std::vector<std::string> problems;
    std::vector<std::string> notes;
    // Fast default: some column now has its old rows' value in the catalog.
    const bool stored_missing = std::any_of(
        seen.missing_after.begin(), seen.missing_after.end(),
        [&](const std::string& column) { return !seen.missing_before.contains(column); });
    if (stored_missing != facts.stores_missing_default) {
        problems.push_back(std::string("model stores_missing_default=") +
                           (facts.stores_missing_default ? "true" : "false") + ", PostgreSQL " +
                           (stored_missing ? "set" : "did not set") + " atthasmissing");
    }
    for (const std::string& index : seen.invalid_after)
        problems.push_back("the statement succeeded but left index " + index + " INVALID");
    if (invalid_after_cancel) {
        const bool left_invalid = !invalid_after_cancel->empty();
        if (left_invalid != facts.cancel_leaves_invalid_index) {
            problems.push_back(std::string("model cancel_leaves_invalid_index=") +
                               (facts.cancel_leaves_invalid_index ? "true" : "false") +
                               ", cancelled by statement_timeout PostgreSQL left " +
                               (left_invalid ? "an INVALID index" : "no INVALID index"));
        } else if (left_invalid) {
            notes.push_back("cancelled: INVALID " + *invalid_after_cancel->begin());
        }
    }
    // Relations the statement creates are invisible to other sessions: only pre-existing ones
    // count.
    for (const auto& [oid, rel] : seen.before) {
        const auto held = seen.locks.find(oid);
        const LockMode pg = held == seen.locks.end() ? LockMode::None : held->second;
        const LockMode model = facts.lock_on({"", rel.name});
        const bool is_index = rel.kind == 'i' || rel.kind == 'I';
        if (is_index && model == LockMode::None)
            continue;  // indexes count when the model names them
        if (model == pg) continue;
        if (model == LockMode::None && !migsafe::pg::is_dangerous(pg)) continue;
        if (model == LockMode::None && c.unmodelled.contains(rel.name)) {
            notes.push_back("unmodelled " + std::string(lock_mode_name(pg)) + " on " + rel.name);
            continue;
        }
        problems.push_back("model " + std::string(lock_mode_name(model)) + " on " + rel.name +
                           ", PostgreSQL " + std::string(lock_mode_name(pg)));
    }
    // The model must not name a relation the case does not have.
    for (const auto& lock : facts.locks) {
        const bool known = std::any_of(seen.before.begin(), seen.before.end(), [&](const auto& r) {
            return r.second.name == lock.relation.name;
        });
        const bool created =
            std::any_of(facts.creates.begin(), facts.creates.end(),
                        [&](const auto& n) { return n.same_object(lock.relation); });
        if (!known && !created)
            problems.push_back("model locks " + lock.relation.display() + ", which does not exist");
    }
    // A new relfilenode means the table was rewritten; TRUNCATE's new empty file copies nothing.
    if (facts.kind != migsafe::pg::StatementKind::Truncate) {
        bool rewritten = false;
        for (const auto& [oid, rel] : seen.before) {
            if (rel.kind != 'r' && rel.kind != 'm') continue;
            const auto now = seen.after.find(oid);
            if (now != seen.after.end() && now->second.filenode != rel.filenode) rewritten = true;
        }
        if (!c.rewrite_unknowable.empty()) {
            notes.push_back(std::string("PostgreSQL ") +
                            (rewritten ? "rewrote" : "did not rewrite") +
                            "; rewrite not compared: " + c.rewrite_unknowable);
        } else if (rewritten != facts.rewrites_table) {
            problems.push_back(std::string("model rewrites_table=") +
                               (facts.rewrites_table ? "true" : "false") + ", PostgreSQL " +
                               (rewritten ? "rewrote the table" : "kept the relfilenode"));
        }
    }

    if (problems.empty()) {
        std::cout << "ok " << c.name;
        for (const auto& note : notes)
            std::cout << " (" << note << ")";
        std::cout << "\n";
        return true;
    }
    for (const auto& problem : problems)
        std::cout << "MISMATCH " << c.name << ": " << problem << "\n";
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: lockmodel_oracle DIR\n";
        return 2;
    }
    try {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
            if (entry.path().extension() == ".sql") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        Connection conn;
        int passed = 0;
        int failed = 0;
        int n = 0;
        for (const auto& path : files) {
            const CaseFile file = read_case_file(path);
            for (const Case& c : file.cases) {
                const std::string schema = "lockmodel_" + std::to_string(++n);
                Case named = c;
                named.name = path.stem().string() + "/" + c.name;
                (check_case(conn, schema, file.setup, named) ? passed : failed) += 1;
                conn.query("RESET search_path; DROP SCHEMA " + schema + " CASCADE");
            }
        }
        std::cout << passed << " passed, " << failed << " failed\n";
        return failed == 0 && passed > 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "lockmodel_oracle: " << e.what() << "\n";
        return 2;
    }
}
