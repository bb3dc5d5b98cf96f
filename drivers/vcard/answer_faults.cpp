#include "answer_faults.hpp"

namespace cccd::vcard {

void ProtectedAnswerFaults::sessionStarted()
{
    ++session_;
    index_ = 0;
    last_.clear();
}

Bytes ProtectedAnswerFaults::apply(Bytes honest)
{
    Bytes sent = honest;
    if (previousSession_ && session_ == 1) firstSession_.push_back(honest);
    if (previousSession_ && session_ > 1 && index_ < firstSession_.size()) sent = firstSession_[index_]; // valid, under old keys
    if (replay_ && index_ == 1 && !last_.empty()) sent = last_; // the answer before, sent again: its MAC is for another count
    if (badMac_ && sent.size() >= 3) sent[sent.size() - 3] ^= 0x01; // the last byte of DO'8E' sits before the SW
    last_ = std::move(honest);
    ++index_;
    return sent;
}

} // namespace cccd::vcard
