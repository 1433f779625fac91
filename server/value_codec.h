// Conversions between copmap::Value and the wire's copmap.v1.Value.
//
// Every kind of Value has a wire form, so a query result or a parameter map
// survives a round trip unchanged: FromProto(ToProto(v)) == v.
#pragma once

#include "copmap.pb.h"
#include "storage/status.h"
#include "storage/value.h"

namespace copmap::server {

// Writes `value` into `out` (which is cleared first).
void ToProto(const Value& value, v1::Value* out);
void ToProto(const ValueMap& map, v1::ValueMap* out);

// Reads a wire value. An unset oneof is null. InvalidArgument for a path
// whose node and relationship counts do not fit (nodes == relationships + 1)
// or whose relationships do not connect consecutive nodes; `where` names the
// field in that message (e.g. "parameter $p").
Result<Value> FromProto(const v1::Value& value, std::string_view where = "value");
// Reads a map; a later duplicate key wins.
Result<ValueMap> FromProto(const v1::ValueMap& map, std::string_view where = "map");

}  // namespace copmap::server
