// cccd-sample-bank-counter: the bank's own server for teller KYC at the counter. The page (web/) reads the card
// and the face through cccd-agent on the teller's PC; this server decides APPROVED / REFER / REJECTED and keeps
// every check in an append-only, hash-chained audit log.
//   cccd-sample-bank-counter [--port 8802] [--db FILE|postgresql://...] [--counter ID] [--bank NAME] [--secret-file FILE]
//   cccd-sample-bank-counter verify-log --db FILE|postgresql://...    exit 0 intact, 1 broken (where and how)
#include "bank-counter/kyc/audit_log.hpp"
#include "bank-counter/kyc/id_lookup_key.hpp"
#include "bank-counter/kyc/kyc_schema.hpp"
#include "bank-counter/kyc_routes.hpp"
#include "common/migrations.hpp"
#include "common/sample_server.hpp"

#include <filesystem>
#include <iostream>
#include <sys/stat.h>

using namespace cccd::samples;
using namespace cccd::samples::bank;

namespace {

const char* const app = "bank-counter";

bool isPostgres(const std::string& spec)
{
    return spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0;
}

// Next to the SQLite file; in the working folder for PostgreSQL (every server of one database needs the same file).
std::string defaultSecretFile(const std::string& db)
{
    if (isPostgres(db)) return "bank-counter.secret";
    return (std::filesystem::path(db).parent_path() / "bank-counter.secret").string();
}

int verifyLog(const std::string& spec)
{
    if (!isPostgres(spec) && !std::filesystem::exists(spec)) {
        std::cerr << "verify-log: no database file " << spec << "\n";
        return 2;
    }
    auto db = openDatabase(spec);
    ChainReport report;
    try {
        report = verifyChain(*db);
    } catch (const DatabaseError& e) {
        std::cerr << "verify-log: no KYC audit log in " << db->describe() << " (" << e.what() << ")\n";
        return 2;
    }
    if (report.intact) {
        std::cout << "audit log intact: " << report.checks << " checks, head hash " << report.headHash << "\n";
        return 0;
    }
    std::cout << "audit log BROKEN at check #" << *report.brokenAt << ": " << report.problem << "\n"
              << "(" << report.checks << " rows in the log; nothing after the break can be trusted)\n";
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    return runSample([&]() -> int {
        CLI::App cli{"Bank teller KYC (eKYC at the counter): card check, face match and an append-only audit log"};
        SampleOptions options;
        options.port = 8802;
        addSampleOptions(cli, options);
        CounterSettings counter;
        std::string secretFile;
        cli.add_option("--counter", counter.counterId, "This counter's (or teller's) ID, written into every check")->capture_default_str();
        cli.add_option("--bank", counter.bankName, "The bank's name on the page and the printed record")->capture_default_str();
        cli.add_option("--secret-file", secretFile, "Secret of the ID lookup hash (made on first start, mode 0600; default next to the SQLite file)");
        std::string verifyDb = std::string(app) + ".sqlite";
        CLI::App* verify = cli.add_subcommand("verify-log", "Walk the audit log's hash chain: exit 0 intact, 1 broken (and where)");
        verify->add_option("--db", verifyDb, "SQLite file or postgresql:// URL")->capture_default_str();
        CLI11_PARSE(cli, argc, argv);
        if (*verify) return verifyLog(verifyDb);

        if (options.webDir.empty()) options.webDir = CCCD_SAMPLE_WEB_DIR;
        options.commonWebDir = CCCD_SAMPLE_COMMON_WEB_DIR;
        if (options.db.empty()) options.db = std::string(app) + ".sqlite";
        ::umask(077); // the SQLite file holds names of customers: for this server's user only
        IdLookupKey key = IdLookupKey::loadOrCreate(secretFile.empty() ? defaultSecretFile(options.db) : secretFile);

        SampleServer server(app, options);
        migrate(server.db(), app, kycMigrations(server.db().dialect()));
        AuditLog log(server.db());
        addKycRoutes(server, log, key, counter);
        logLine(app, "counter " + counter.counterId + ", audit log in " + server.db().describe());
        return server.run();
    });
}
