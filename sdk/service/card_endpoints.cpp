// GET /v1/readers and POST /v1/read: the card operations, one per reader at a time.
#include "cccd/card_reader.hpp"
#include "cccd/error.hpp"
#include "core/log.hpp"
#include "crypto/crypto.hpp"
#include "service/agent_impl.hpp"
#include "reading/report_json.hpp"
#include "service/report_filter.hpp"
#include "service/request_body.hpp"

namespace cccd::service {

namespace {
// Holds a reader for one card operation; a second one on the same reader is told who is busy.
class ReaderClaim {
public:
    ReaderClaim(Agent::Impl& agent, std::string reader) : agent_(agent), reader_(std::move(reader))
    {
        std::lock_guard<std::mutex> lock(agent_.busyMutex);
        auto& busy = agent_.busyReaders;
        bool taken = busy.count(reader_) || busy.count("") || (reader_.empty() && !busy.empty());
        if (taken) throw HttpError{409, "busy", "the reader " + (reader_.empty() ? *busy.begin() : reader_) + " is busy with another card operation"};
        busy.insert(reader_);
    }
    ~ReaderClaim()
    {
        std::lock_guard<std::mutex> lock(agent_.busyMutex);
        agent_.busyReaders.erase(reader_);
    }
    ReaderClaim(const ReaderClaim&) = delete;
    ReaderClaim& operator=(const ReaderClaim&) = delete;

private:
    Agent::Impl& agent_;
    std::string reader_;
};

nlohmann::json readCardFor(Agent::Impl& a, const httplib::Request& req, const CallerDecision& caller)
{
    ReadRequest request = readRequestFrom(jsonBody(req), caller.limits);
    AccessKey& key = request.key;
    const std::set<std::string>& fields = request.fields;
    bool face = request.face, verify = request.verify;
    std::string requestId = request.requestId.value_or(toHex(crypto::systemRandom().bytes(8)));

    ReadOptions options;
    options.reader = request.reader.value_or(a.options.reader);
    options.waitForCard = std::chrono::milliseconds(static_cast<long long>(request.waitSeconds * 1000));
    options.readFace = face;
    options.verify = verify;
    options.trust = a.trust;
    const std::string& to = caller.caller; // a read's events go to its caller only
    options.onProgress = [&a, requestId, &to](const ReadProgress& p) {
        int percent = p.total ? static_cast<int>(100 * p.done / p.total) : 0;
        a.events.publish("progress", {{"request_id", requestId}, {"file", p.file}, {"done", p.done}, {"total", p.total}, {"percent", percent}}, to);
    };
    options.onDocument = [&a, requestId, &fields, &to](const Document& d) {
        a.events.publish("document", {{"request_id", requestId}, {"document", documentFields(d, fields)}}, to);
    };
    try {
        ReaderClaim claim(a, options.waitForCard.count() > 0 ? options.reader : chooseReader(options.reader));
        ReadResult result = readCard(key, options);
        nlohmann::json report = filteredReport(result, fields, face, verify);
        report["request_id"] = requestId;
        a.forgetChipPhoto(caller.caller); // the previous citizen's photo goes, whatever this read brings
        if (face && result.face) {
            std::lock_guard<std::mutex> lock(a.faceMutex);
            a.lastChipPhoto[caller.caller] = result.face->data; // for this caller's face match, until its next read
        }
        a.events.publish("done", {{"request_id", requestId}}, to);
        log::info("agent: read " + (result.document.idNumber ? maskId(*result.document.idNumber) : std::string("-")) + " " +
                  toString(result.verification.overall));
        return report;
    } catch (const HttpError& e) {
        a.events.publish("error", {{"request_id", requestId}, {"error", {{"code", e.code}, {"message", e.message}}}}, to);
        throw;
    } catch (const Error& e) {
        a.events.publish("error", {{"request_id", requestId}, {"error", {{"code", httpErrorFor(e).code}, {"message", e.what()}}}}, to);
        throw;
    }
}
} // namespace

void Agent::Impl::addCardEndpoints()
{
    route("GET", "/v1/readers", false, [](const httplib::Request&, const CallerDecision&) { return reading::readersJson(listReaders()); });
    route("POST", "/v1/read", false, [this](const httplib::Request& req, const CallerDecision& caller) { return readCardFor(*this, req, caller); });
}

} // namespace cccd::service
