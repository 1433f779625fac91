// RocksBulkLoader::Finish(): closing the streams, merging the adjacency,
// writing the scans, index, counts and names, and the one atomic ingestion.
#include <algorithm>
#include <mutex>

#include "storage/bulk_loader.h"
#include "storage/keys.h"
#include "storage/rocks_status.h"

namespace copmap::storage {

Status RocksBulkLoader::WriteSorted(Cf cf, const std::string& name,
                                    std::vector<std::pair<std::string, std::string>>* rows,
                                    bool as_merge, std::vector<std::string>* files) {
  std::sort(rows->begin(), rows->end());
  SstStream out(store_, cf, dir_, name, as_merge, limits_.sst_file_bytes);
  for (const auto& [key, value] : *rows) COPMAP_RETURN_IF_ERROR(out.Add(key, value));
  COPMAP_RETURN_IF_ERROR(out.Close());
  files->insert(files->end(), out.files().begin(), out.files().end());
  rows->clear();
  rows->shrink_to_fit();
  return Status::OK();
}

Status RocksBulkLoader::SpillIndex() {
  index_bytes_ = 0;
  return WriteSorted(Cf::kIndex, "index-run-" + std::to_string(index_runs_.size()), &index_rows_,
                     false, &index_runs_);
}

Status RocksBulkLoader::Finish() {
  COPMAP_RETURN_IF_ERROR(CheckUsable());
  Status s = FinishAll();
  if (!s.ok()) {
    failed_ = true;
    return s.WithContext("bulk load failed; the database is unchanged");
  }
  finished_ = true;
  for (auto [space, id] : reserved_) store_->catalog().Publish(space, id);
  Cleanup();
  return Status::OK();
}

Status RocksBulkLoader::FinishAll() {
  std::vector<std::string> files[int(Cf::kCount)];
  COPMAP_RETURN_IF_ERROR(SubmitChunk(&node_chunk_, nodes_.get()));
  COPMAP_RETURN_IF_ERROR(SubmitChunk(&rel_chunk_, rels_.get()));
  COPMAP_RETURN_IF_ERROR(worker_->Submit(
      [this] {
        COPMAP_RETURN_IF_ERROR(nodes_->Close());
        return rels_->Close();
      },
      0));
  // Drains the worker (so the node and rel files are complete) first.
  COPMAP_RETURN_IF_ERROR(
      adjacency_.Finish(store_, &files[int(Cf::kAdj)], &files[int(Cf::kCounts)]));
  files[int(Cf::kNodes)] = nodes_->files();
  files[int(Cf::kRels)] = rels_->files();

  for (auto [lists, cf, name] : {std::tuple{&labels_, Cf::kLabels, "labels"},
                                 std::tuple{&types_, Cf::kRelTypes, "reltypes"}}) {
    SstStream out(store_, cf, dir_, name, false, limits_.sst_file_bytes);
    COPMAP_RETURN_IF_ERROR(lists->WriteTo(&out));
    files[int(cf)] = out.files();
  }

  files[int(Cf::kIndex)] = index_runs_;
  COPMAP_RETURN_IF_ERROR(
      WriteSorted(Cf::kIndex, "index", &index_rows_, false, &files[int(Cf::kIndex)]));

  // Counts other than degrees: they sort after every 'D' key.
  std::vector<std::pair<std::string, std::string>> counts;
  for (uint32_t l = 0; l < labels_.tags(); ++l) {
    if (labels_.Count(l) > 0) {
      counts.emplace_back(keys::LabelCountKey(l), keys::EncodeCount(int64_t(labels_.Count(l))));
    }
  }
  for (uint32_t t = 0; t < types_.tags(); ++t) {
    if (types_.Count(t) > 0) {
      counts.emplace_back(keys::TypeCountKey(t), keys::EncodeCount(int64_t(types_.Count(t))));
    }
  }
  if (nodes_added_ > 0) {
    counts.emplace_back(keys::NodeCountKey(), keys::EncodeCount(int64_t(nodes_added_)));
    counts.emplace_back(keys::NodeHighWaterKey(), keys::EncodeCount(int64_t(next_node_)));
  }
  if (rels_added_ > 0) {
    counts.emplace_back(keys::RelCountKey(), keys::EncodeCount(int64_t(rels_added_)));
    counts.emplace_back(keys::RelHighWaterKey(), keys::EncodeCount(int64_t(next_rel_)));
  }
  COPMAP_RETURN_IF_ERROR(
      WriteSorted(Cf::kCounts, "counts", &counts, /*as_merge=*/true, &files[int(Cf::kCounts)]));

  std::vector<std::pair<std::string, std::string>> names;
  for (auto [space, id] : reserved_) {
    names.emplace_back(keys::CatalogKey(Catalog::Tag(space), store_->catalog().Name(space, id)),
                       keys::Big32Key(id));
  }
  COPMAP_RETURN_IF_ERROR(WriteSorted(Cf::kMeta, "meta", &names, false, &files[int(Cf::kMeta)]));
  return Ingest(files);
}

Status RocksBulkLoader::Ingest(const std::vector<std::string> (&files)[int(Cf::kCount)]) {
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int i = 0; i < int(Cf::kCount); ++i) {
    if (files[i].empty()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = store_->cf(Cf(i));
    arg.external_files = files[i];
    arg.options.move_files = true;
    arg.options.snapshot_consistency = true;
    arg.options.allow_global_seqno = true;
    arg.options.allow_blocking_flush = true;
    args.push_back(std::move(arg));
  }
  if (args.empty()) return Status::OK();
  // Under the commit lock, exclusively: the schema the loader computed index
  // entries with is still the current one, and no commit runs between the
  // checks below and the ingestion.
  std::unique_lock lock(store_->commit_mutex());
  if (store_->schema()->version != schema_->version) {
    return Status::Conflict("the schema (indexes or constraints) changed during the bulk load");
  }
  if (store_->db()->GetLatestSequenceNumber() != start_sequence_) {
    COPMAP_RETURN_IF_ERROR(RecheckUniqueKeys(files[int(Cf::kIndex)]));
    COPMAP_RETURN_IF_ERROR(RecheckStoredEnds());
  }
  COPMAP_RETURN_IF_ERROR(TouchStoredEnds());
  // Ingested files may carry sequence number 0 (no new sequence): readers'
  // DataVersions are fenced by the epoch instead.
  store_->BumpDataEpoch();
  rocksdb::Status ingested = store_->db()->GetBaseDB()->IngestExternalFiles(args);
  store_->BumpDataEpoch();
  return FromRocks(ingested, "bulk load: ingesting");
}

}  // namespace copmap::storage
