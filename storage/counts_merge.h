// The merge operator of the counts column family (see keys.h).
//
// Degree and global counts are kept as merge operands (+1, -1) rather than
// read-modify-write, so that two transactions adding relationships to the
// same popular node never conflict: a merge needs no read and is not tracked
// for conflicts. High-water marks ('H' keys) merge by maximum instead of sum.
#pragma once

#include <memory>

#include <rocksdb/merge_operator.h>

namespace copmap::storage {

std::shared_ptr<rocksdb::MergeOperator> NewCountsMergeOperator();

}  // namespace copmap::storage
