#include "exit_codes.hpp"

namespace cccd::cli {

int exitCodeFor(const Error& error) noexcept
{
    switch (error.kind()) {
    case ErrorKind::InvalidArgument: return exitUsage;
    case ErrorKind::ServiceUnavailable:
    case ErrorKind::NoReader:
    case ErrorKind::NoCard: return exitNoReaderOrCard;
    case ErrorKind::AccessDenied: return exitAccessDenied;
    case ErrorKind::CardRemoved:
    case ErrorKind::Communication:
    case ErrorKind::CardError:
    case ErrorKind::MalformedData: return exitCommunication;
    case ErrorKind::Internal:
    case ErrorKind::Unsupported:
    case ErrorKind::NotFound: break;
    }
    return exitInternal;
}

} // namespace cccd::cli
