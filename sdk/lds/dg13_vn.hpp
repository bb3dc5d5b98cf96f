// DG13 of the Vietnamese card: 6D { SEQUENCE { INTEGER version, OID, fields } } where each field is
// SEQUENCE { INTEGER n, value(s) }. Fields are keyed by n, never by position; nested values (parents)
// are flattened in order; unknown numbers are kept.
#pragma once

#include "core/bytes.hpp"

#include <map>
#include <string>
#include <vector>

namespace cccd::lds {

struct Dg13Field {
    std::vector<std::string> values; ///< the strings of the field in order (parents: father, mother); may be empty
    Bytes encoded;                   ///< the field's TLV as read, for fields the SDK does not interpret
};

struct Dg13 {
    std::string oid;
    std::map<int, Dg13Field> fields;

    /** The first value of field n, or empty. */
    std::string value(int n) const;
};

Dg13 parseDg13(ByteView file);

} // namespace cccd::lds
