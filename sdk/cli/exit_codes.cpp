#include "exit_codes.hpp"

#include "cccd/readers.hpp"

namespace cccd::cli {

int exitCodeFor(const Error& error) noexcept
{
    switch (error.kind()) {
    case ErrorKind::InvalidArgument:
    case ErrorKind::NotFound: return exitUsage; // a path, model or value the user gave: fix the command line or setup
    case ErrorKind::ServiceUnavailable:
    case ErrorKind::NoReader:
    case ErrorKind::NoCard: return exitNoReaderOrCard;
    case ErrorKind::AccessDenied: return exitAccessDenied;
    case ErrorKind::CardRemoved:
    case ErrorKind::Communication:
    case ErrorKind::CardError:
    case ErrorKind::MalformedData:
    case ErrorKind::Unsupported: return exitCommunication; // the card answered something the SDK cannot go on with
    case ErrorKind::Internal: break;
    }
    return exitInternal;
}

const char* errorCode(ErrorKind kind) noexcept
{
    switch (kind) {
    case ErrorKind::Internal: return "internal";
    case ErrorKind::InvalidArgument: return "invalid_argument";
    case ErrorKind::ServiceUnavailable: return "service_unavailable";
    case ErrorKind::NoReader: return "no_reader";
    case ErrorKind::NoCard: return "no_card";
    case ErrorKind::CardRemoved: return "card_removed";
    case ErrorKind::Communication: return "communication";
    case ErrorKind::AccessDenied: return "access_denied";
    case ErrorKind::CardError: return "card_error";
    case ErrorKind::MalformedData: return "malformed_data";
    case ErrorKind::Unsupported: return "unsupported";
    case ErrorKind::NotFound: return "not_found";
    }
    return "internal";
}

nlohmann::json errorJson(const Error& error)
{
    const char* code = dynamic_cast<const SeveralCards*>(&error) ? "several_cards" : errorCode(error.kind());
    return {{"error", {{"code", code}, {"message", error.what()}, {"exit_code", exitCodeFor(error)}}}};
}

} // namespace cccd::cli
