// The Engine facade: Parse -> Bind -> Plan -> Execute, one transaction per
// statement, schema commands on the store.
#include "query/engine.h"

#include "query/binder/binder.h"
#include "query/executor/cached_read_txn.h"
#include "query/executor/executor.h"
#include "query/parser/parser.h"
#include "query/planner/plan_cache.h"
#include "query/planner/planner.h"

namespace copmap::query {

bool QueryCounters::ContainsUpdates() const {
  return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
         properties_set || labels_added || labels_removed || indexes_added || indexes_removed;
}

namespace {

class CollectingSink final : public RowSink {
 public:
  explicit CollectingSink(QueryResult* result) : result_(result) {}
  Status OnHeader(const std::vector<std::string>& columns) override {
    result_->columns = columns;
    return Status::OK();
  }
  Status OnRow(const std::vector<Value>& row) override {
    result_->rows.push_back(row);
    return Status::OK();
  }

 private:
  QueryResult* result_;
};

class EngineImpl final : public Engine {
 public:
  EngineImpl(std::unique_ptr<storage::GraphStore> store, const EngineOptions& options)
      : store_(std::move(store)), options_(options) {}

  Result<QuerySummary> Execute(std::string_view text, const QueryOptions& options,
                               RowSink& sink) override {
    const auto start = std::chrono::steady_clock::now();
    QuerySummary summary;
    // A statement seen before skips parse, bind and plan (parameters are
    // bound per execution); schema commands are never cached.
    std::shared_ptr<const CachedPlan> cached = plans_.Find(text);
    std::unique_ptr<BoundStatement> bound;
    if (!cached) {
      COPMAP_ASSIGN_OR_RETURN(bound, ParseAndBind(text));
    }
    const bool writes = cached ? cached->plan.writes : bound->writes;
    if (options.read_only && writes) {
      return Status::PermissionDenied("the statement writes, and the caller may only read");
    }
    if (bound && (bound->create_schema || bound->drop_schema || bound->show_schema)) {
      COPMAP_RETURN_IF_ERROR(RunSchemaCommand(*bound, sink, &summary));
      summary.elapsed = Elapsed(start);
      return summary;
    }
    std::unique_ptr<storage::Transaction> txn = Begin(writes);
    if (cached && !cached->basis.StillHolds(PlanBasis::Of(*txn))) cached = nullptr;
    if (!cached) {
      if (!bound) {
        COPMAP_ASSIGN_OR_RETURN(bound, ParseAndBind(text));
      }
      auto fresh = std::make_shared<CachedPlan>();
      fresh->basis = PlanBasis::Of(*txn);
      COPMAP_ASSIGN_OR_RETURN(fresh->plan, Plan(std::move(bound), *txn));
      plans_.Put(text, fresh);
      cached = std::move(fresh);
    }
    const LogicalPlan& plan = cached->plan;
    if (plan.bound->mode == ast::StatementMode::kExplain) {
      summary.plan = plan.ToString();
      COPMAP_RETURN_IF_ERROR(sink.OnHeader(plan.columns));
      summary.elapsed = Elapsed(start);
      return summary;
    }
    ExecContext ctx;
    ctx.txn = txn.get();
    ctx.params = &options.params;
    const auto timeout = options.timeout.count() > 0 ? options.timeout : options_.default_timeout;
    ctx.deadline = std::chrono::steady_clock::now() + timeout;
    ctx.cancel = options.cancel;
    ctx.max_var_length_depth = options_.max_var_length_depth;
    ctx.profile = options.profile || plan.bound->mode == ast::StatementMode::kProfile;
    if (!plan.bound->queries.empty()) ctx.query = &plan.bound->queries[0];
    const uint64_t max_rows = options.max_rows ? options.max_rows : options_.default_max_rows;
    Result<ExecuteResult> result = query::Execute(plan, ctx, sink, max_rows);
    if (!result.ok()) {
      txn->Rollback();  // a failing query changes nothing
      return result.status();
    }
    if (plan.writes) COPMAP_RETURN_IF_ERROR(txn->Commit());
    summary.counters = ctx.counters;
    summary.plan = std::move(result->profile);
    summary.elapsed = Elapsed(start);
    return summary;
  }

  Result<std::string> Explain(std::string_view text, const ValueMap&) override {
    COPMAP_ASSIGN_OR_RETURN(std::unique_ptr<BoundStatement> bound, ParseAndBind(text));
    if (bound->create_schema || bound->drop_schema || bound->show_schema) {
      return std::string(bound->show_schema ? "ShowSchema\n" : "SchemaCommand\n");
    }
    storage::TransactionOptions txn_options;
    txn_options.read_only = true;
    std::unique_ptr<storage::Transaction> txn = store_->Begin(txn_options);
    COPMAP_ASSIGN_OR_RETURN(LogicalPlan plan, Plan(std::move(bound), *txn));
    return plan.ToString();
  }

  // The server asks this before every call: a statement already planned is
  // answered from its cached plan (whether it writes never depends on the
  // plan's basis).
  Result<bool> IsWrite(std::string_view text) override {
    if (std::shared_ptr<const CachedPlan> cached = plans_.Find(text)) return cached->plan.writes;
    COPMAP_ASSIGN_OR_RETURN(std::unique_ptr<BoundStatement> bound, ParseAndBind(text));
    return bound->writes;
  }

  storage::GraphStore& store() override { return *store_; }

 private:
  // A read-only statement reads through a record cache: its snapshot never
  // changes under it, so a record read once is right for the whole query.
  std::unique_ptr<storage::Transaction> Begin(bool writes) {
    storage::TransactionOptions txn_options;
    txn_options.read_only = !writes;
    std::unique_ptr<storage::Transaction> txn = store_->Begin(txn_options);
    if (writes) return txn;
    return std::make_unique<CachedReadTransaction>(std::move(txn));
  }

  static Result<std::unique_ptr<BoundStatement>> ParseAndBind(std::string_view text) {
    COPMAP_ASSIGN_OR_RETURN(ast::Statement statement, Parse(text));
    COPMAP_ASSIGN_OR_RETURN(BoundStatement bound, Bind(statement, text));
    return std::make_unique<BoundStatement>(std::move(bound));
  }

  static std::chrono::microseconds Elapsed(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
  }

  Status RunSchemaCommand(const BoundStatement& bound, RowSink& sink, QuerySummary* summary) {
    if (bound.show_schema) {
      COPMAP_RETURN_IF_ERROR(sink.OnHeader({"name", "type", "label", "property"}));
      std::unique_ptr<storage::Transaction> txn = store_->Begin({true});
      for (const storage::IndexInfo& info : txn->Indexes()) {
        const bool unique = info.kind == storage::IndexKind::kUnique;
        if (bound.show_schema->constraints && !unique) continue;
        COPMAP_RETURN_IF_ERROR(sink.OnRow({Value(info.name), Value(unique ? "UNIQUE" : "RANGE"),
                                           Value(txn->LabelName(info.label)),
                                           Value(txn->PropKeyName(info.property))}));
      }
      return Status::OK();
    }
    COPMAP_RETURN_IF_ERROR(sink.OnHeader({}));
    if (bound.create_schema) {
      const ast::CreateSchema& c = *bound.create_schema;
      if (c.variable.name != c.property_variable.name) {
        return Status::SemanticError("Unknown variable `" + c.property_variable.name +
                                     "` in the index property; expected `" + c.variable.name +
                                     "`");
      }
      const std::string name = c.name ? *c.name
                                      : std::string(c.unique ? "constraint_" : "index_") +
                                            c.label + "_" + c.property;
      Status s = store_->CreateIndex(name, c.unique ? storage::IndexKind::kUnique
                                                    : storage::IndexKind::kRange,
                                     c.label, c.property);
      if (!s.ok() && c.if_not_exists) {
        std::unique_ptr<storage::Transaction> txn = store_->Begin({true});
        for (const storage::IndexInfo& info : txn->Indexes()) {
          if (info.name == name) return Status::OK();
        }
      }
      COPMAP_RETURN_IF_ERROR(s);
      summary->counters.indexes_added = 1;
      return Status::OK();
    }
    const ast::DropSchema& d = *bound.drop_schema;
    Status s = store_->DropIndex(d.name);
    if (s.IsNotFound() && d.if_exists) return Status::OK();
    COPMAP_RETURN_IF_ERROR(s);
    summary->counters.indexes_removed = 1;
    return Status::OK();
  }

  std::unique_ptr<storage::GraphStore> store_;
  EngineOptions options_;
  PlanCache plans_;
};

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& dir, const EngineOptions& options) {
  COPMAP_ASSIGN_OR_RETURN(std::unique_ptr<storage::GraphStore> store,
                          storage::GraphStore::Open(dir, options.store));
  return Wrap(std::move(store), options);
}

std::unique_ptr<Engine> Engine::Wrap(std::unique_ptr<storage::GraphStore> store,
                                     const EngineOptions& options) {
  return std::make_unique<EngineImpl>(std::move(store), options);
}

Result<QueryResult> Engine::Run(std::string_view text, const QueryOptions& options) {
  QueryResult result;
  CollectingSink sink(&result);
  COPMAP_ASSIGN_OR_RETURN(result.summary, Execute(text, options, sink));
  return result;
}

}  // namespace copmap::query
