// Binding expressions: precedence (the parser keeps operator chains flat),
// names, functions and aggregates.
#include <algorithm>

#include "query/binder/binder_impl.h"
#include "query/parser/error_handler.h"
#include "query/runtime/aggregates.h"
#include "query/runtime/arithmetic.h"
#include "query/runtime/functions.h"

namespace copmap::query {

namespace {

using ast::BinaryOp;

int Precedence(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return 1;
    case BinaryOp::kXor: return 2;
    case BinaryOp::kAnd: return 3;
    // 4: prefix NOT
    case BinaryOp::kEq: case BinaryOp::kNe: case BinaryOp::kLt: case BinaryOp::kLe:
    case BinaryOp::kGt: case BinaryOp::kGe: return 5;
    case BinaryOp::kRegexMatch: case BinaryOp::kIn: case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith: case BinaryOp::kContains: case BinaryOp::kIsNull:
    case BinaryOp::kIsNotNull: return 6;
    case BinaryOp::kAdd: case BinaryOp::kSub: return 7;
    case BinaryOp::kMul: case BinaryOp::kDiv: case BinaryOp::kMod: return 8;
    case BinaryOp::kPow: return 9;
  }
  return 0;
}
constexpr int kNotPrecedence = 4;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsGraphFunction(const std::string& lower) {
  static const char* kNames[] = {"id",    "labels",    "type",   "properties",    "keys",
                                 "startnode", "endnode", "nodes", "relationships", "length",
                                 "exists", "size"};
  for (const char* n : kNames) {
    if (lower == n) return true;
  }
  return false;
}

// A deep copy (the middle operand of a comparison chain is compared twice).
ExprPtr CloneExpression(const BoundExpression& e) {
  auto copy = std::make_unique<BoundExpression>();
  copy->kind = e.kind;
  copy->offset = e.offset;
  copy->op = e.op;
  copy->slot = e.slot;
  copy->var_kind = e.var_kind;
  copy->has_subject = e.has_subject;
  copy->has_else = e.has_else;
  copy->has_where = e.has_where;
  copy->has_projection = e.has_projection;
  copy->pattern_index = e.pattern_index;
  copy->height = e.height;
  copy->value = e.value;
  copy->name = e.name;
  copy->names = e.names;
  copy->function = e.function;
  for (const ExprPtr& child : e.children) {
    copy->children.push_back(child ? CloneExpression(*child) : nullptr);
  }
  return copy;
}

struct PendingOp {
  bool is_not = false;
  BinaryOp op = BinaryOp::kAnd;
  uint32_t offset = 0;
  int precedence = 0;
};

}  // namespace

Status Binder::AddChild(BoundExpression* parent, ExprPtr child) const {
  if (child) parent->height = std::max(parent->height, child->height + 1);
  parent->children.push_back(std::move(child));
  if (parent->height > kMaxExpressionDepth) {
    return Error(StartOf(*parent), "ExpressionTooDeep",
                 "expression is nested too deeply (more than " +
                     std::to_string(kMaxExpressionDepth) +
                     " levels); compute parts of it in a WITH clause first");
  }
  return Status::OK();
}

ExprPtr Binder::Node(ExprKind kind, uint32_t offset) const {
  auto e = std::make_unique<BoundExpression>();
  e->kind = kind;
  e->offset = offset;
  return e;
}

Status Binder::Error(uint32_t offset, std::string_view detail, const std::string& message) const {
  return Status::SemanticError(
      FormatSourceError(source_, offset, std::string(detail) + ": " + message));
}

Status Binder::SyntaxErrorAt(uint32_t offset, std::string_view detail,
                             const std::string& message) const {
  return Status::SyntaxError(
      FormatSourceError(source_, offset, std::string(detail) + ": " + message));
}

Result<VarInfo> Binder::Lookup(const ast::Variable& v) const {
  auto it = scope_.find(v.name);
  if (it == scope_.end()) {
    return Error(v.offset, "UndefinedVariable", "Variable `" + v.name + "` not defined");
  }
  NoteRead(it->second.slot);
  return it->second;
}

Result<ExprPtr> Binder::BindOptional(const boost::optional<ast::Expression>& e) {
  if (!e) return ExprPtr();
  return BindExpression(*e);
}

Result<ExprPtr> Binder::BindExpression(const ast::Expression& e) {
  std::vector<ExprPtr> output;
  // Per entry of `output`: when it is a comparison built here, its last
  // right operand, so that a < b < c becomes a < b AND b < c as openCypher
  // reads it. Null otherwise (a parenthesized comparison does not chain).
  std::vector<const BoundExpression*> chain_ends;
  std::vector<PendingOp> ops;

  auto reduce = [&]() -> Status {
    PendingOp top = ops.back();
    ops.pop_back();
    if (top.is_not) {
      ExprPtr n = Node(ExprKind::kNot, top.offset);
      COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(output.back())));
      COPMAP_RETURN_IF_ERROR(CheckLiteralOperands(*n));
      output.back() = std::move(n);
      chain_ends.back() = nullptr;
      return Status::OK();
    }
    ExprPtr rhs = std::move(output.back());
    output.pop_back();
    chain_ends.pop_back();
    ExprPtr lhs = std::move(output.back());
    ExprKind kind;
    int code = static_cast<int>(top.op);
    switch (top.op) {
      case BinaryOp::kOr: kind = ExprKind::kOr; break;
      case BinaryOp::kXor: kind = ExprKind::kXor; break;
      case BinaryOp::kAnd: kind = ExprKind::kAnd; break;
      case BinaryOp::kEq: case BinaryOp::kNe: case BinaryOp::kLt: case BinaryOp::kLe:
      case BinaryOp::kGt: case BinaryOp::kGe: kind = ExprKind::kCompare; break;
      case BinaryOp::kAdd: kind = ExprKind::kArithmetic; code = int(runtime::ArithmeticOp::kAdd); break;
      case BinaryOp::kSub: kind = ExprKind::kArithmetic; code = int(runtime::ArithmeticOp::kSubtract); break;
      case BinaryOp::kMul: kind = ExprKind::kArithmetic; code = int(runtime::ArithmeticOp::kMultiply); break;
      case BinaryOp::kDiv: kind = ExprKind::kArithmetic; code = int(runtime::ArithmeticOp::kDivide); break;
      case BinaryOp::kMod: kind = ExprKind::kArithmetic; code = int(runtime::ArithmeticOp::kModulo); break;
      case BinaryOp::kPow: kind = ExprKind::kArithmetic; code = int(runtime::ArithmeticOp::kPower); break;
      default: kind = ExprKind::kPredicate; break;
    }
    const BoundExpression* chained = kind == ExprKind::kCompare ? chain_ends.back() : nullptr;
    ExprPtr n = Node(kind, chained ? chained->offset : lhs->offset);
    n->op = code;
    COPMAP_RETURN_IF_ERROR(AddChild(n.get(), chained ? CloneExpression(*chained) : std::move(lhs)));
    COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(rhs)));
    COPMAP_RETURN_IF_ERROR(CheckLiteralOperands(*n));
    chain_ends.back() = kind == ExprKind::kCompare ? n->children[1].get() : nullptr;
    if (chained) {
      ExprPtr both = Node(ExprKind::kAnd, lhs->offset);
      COPMAP_RETURN_IF_ERROR(AddChild(both.get(), std::move(lhs)));
      COPMAP_RETURN_IF_ERROR(AddChild(both.get(), std::move(n)));
      n = std::move(both);
    }
    output.back() = std::move(n);
    return Status::OK();
  };

  auto push_term = [&](const ast::Term& t) -> Status {
    // Leading NOTs bind looser than comparisons: they wait on the stack.
    size_t nots = 0;
    while (nots < t.prefixes.size() && t.prefixes[nots] == 'N') {
      ops.push_back(PendingOp{true, BinaryOp::kAnd, t.offset, kNotPrecedence});
      ++nots;
    }
    COPMAP_ASSIGN_OR_RETURN(ExprPtr bound, BindTerm(t, nots));
    output.push_back(std::move(bound));
    chain_ends.push_back(nullptr);
    return Status::OK();
  };

  COPMAP_RETURN_IF_ERROR(push_term(e.first));
  for (const ast::Operation& operation : e.rest) {
    const int precedence = Precedence(operation.op);
    while (!ops.empty() && ops.back().precedence >= precedence) {
      COPMAP_RETURN_IF_ERROR(reduce());
    }
    if (operation.op == BinaryOp::kIsNull || operation.op == BinaryOp::kIsNotNull) {
      ExprPtr n = Node(operation.op == BinaryOp::kIsNull ? ExprKind::kIsNull
                                                         : ExprKind::kIsNotNull,
                       output.back()->offset);
      COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(output.back())));
      output.back() = std::move(n);
      chain_ends.back() = nullptr;
      continue;
    }
    ops.push_back(PendingOp{false, operation.op, operation.offset, precedence});
    COPMAP_RETURN_IF_ERROR(push_term(operation.operand));
  }
  while (!ops.empty()) COPMAP_RETURN_IF_ERROR(reduce());
  if (output.back()->height > kMaxExpressionDepth) {
    return Error(e.offset, "ExpressionTooDeep", "expression is nested too deeply");
  }
  return std::move(output.back());
}

Result<ExprPtr> Binder::BindTerm(const ast::Term& t, size_t skip_prefixes) {
  COPMAP_ASSIGN_OR_RETURN(ExprPtr e, BindAtom(t.atom, t.offset));
  for (const ast::Postfix& p : t.postfixes) {
    if (const auto* lookup = boost::get<ast::PropertyLookup>(&p)) {
      ExprPtr n = Node(ExprKind::kProperty, lookup->offset);
      n->name = lookup->key;
      COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(e)));
      e = std::move(n);
    } else if (const auto* labels = boost::get<ast::LabelCheck>(&p)) {
      ExprPtr n = Node(ExprKind::kLabelCheck, labels->offset);
      n->names = labels->labels;
      COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(e)));
      e = std::move(n);
    } else {
      const ast::Subscript& s = boost::get<ast::x3::forward_ast<ast::Subscript>>(p).get();
      ExprPtr n = Node(s.is_slice ? ExprKind::kSlice : ExprKind::kSubscript, e->offset);
      if (!s.is_slice && !s.from) {
        return Error(e->offset, "InvalidSubscript", "a subscript needs an index");
      }
      COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(e)));
      COPMAP_ASSIGN_OR_RETURN(ExprPtr from, BindOptional(s.from));
      COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(from)));
      if (s.is_slice) {
        COPMAP_ASSIGN_OR_RETURN(ExprPtr to, BindOptional(s.to));
        COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(to)));
      }
      e = std::move(n);
    }
  }
  for (auto it = t.prefixes.rbegin(); it != t.prefixes.rend() - skip_prefixes; ++it) {
    // Fold a sign into a number literal so -9 stays a literal.
    if (*it == '-' && e->kind == ExprKind::kLiteral && e->value.is_number()) {
      e->value = e->value.is_int() ? Value(-e->value.as_int()) : Value(-e->value.as_float());
      continue;
    }
    ExprPtr n = Node(*it == '-' ? ExprKind::kNegate
                                : *it == '+' ? ExprKind::kUnaryPlus : ExprKind::kNot,
                     t.offset);
    COPMAP_RETURN_IF_ERROR(AddChild(n.get(), std::move(e)));
    COPMAP_RETURN_IF_ERROR(CheckLiteralOperands(*n));
    e = std::move(n);
  }
  return e;
}

namespace {

// Binds each kind of atom.
struct AtomBinder {
  Binder* b;
  uint32_t offset;
  using result_type = Result<ExprPtr>;
  Status AddChild(BoundExpression* parent, ExprPtr child) const {
    return b->AddChild(parent, std::move(child));
  }
  Result<ExprPtr> Literal(Value v) const {
    ExprPtr e = b->Node(ExprKind::kLiteral, offset);
    e->value = std::move(v);
    return e;
  }
  Result<ExprPtr> operator()(const ast::Nothing&) const {
    return Status::Internal("empty expression");
  }
  Result<ExprPtr> operator()(const ast::NullLiteral&) const { return Literal(Value()); }
  Result<ExprPtr> operator()(const ast::BoolLiteral& v) const { return Literal(Value(v.value)); }
  Result<ExprPtr> operator()(const ast::NumberLiteral& v) const {
    return Literal(v.is_float ? Value(v.float_value) : Value(v.int_value));
  }
  Result<ExprPtr> operator()(const ast::StringLiteral& v) const { return Literal(Value(v.value)); }
  Result<ExprPtr> operator()(const ast::Parameter& p) const {
    ExprPtr e = b->Node(ExprKind::kParameter, p.offset);
    e->name = p.name;
    return e;
  }
  Result<ExprPtr> operator()(const ast::Variable& v) const {
    COPMAP_ASSIGN_OR_RETURN(VarInfo info, b->Lookup(v));
    ExprPtr e = b->Node(info.kind == VarKind::kValue ? ExprKind::kSlot : ExprKind::kEntity,
                        v.offset);
    e->slot = info.slot;
    e->var_kind = info.kind;
    e->name = v.name;
    return e;
  }
  Result<ExprPtr> operator()(const ast::CountStar& c) const {
    ast::FunctionCall f;
    f.offset = c.offset;
    f.name = "count";
    return b->BindFunction(f);
  }
  Result<ExprPtr> operator()(const ast::ListLiteral& l) const {
    ExprPtr e = b->Node(ExprKind::kList, offset);
    for (const ast::Expression& item : l.items) {
      COPMAP_ASSIGN_OR_RETURN(ExprPtr c, b->BindExpression(item));
      COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(c)));
    }
    return e;
  }
  Result<ExprPtr> operator()(const ast::MapLiteral& m) const {
    ExprPtr e = b->Node(ExprKind::kMap, offset);
    for (const ast::MapEntry& entry : m.entries) {
      COPMAP_ASSIGN_OR_RETURN(ExprPtr c, b->BindExpression(entry.value));
      COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(c)));
      e->names.push_back(entry.key);
    }
    return e;
  }
  Result<ExprPtr> operator()(const ast::FunctionCall& f) const { return b->BindFunction(f); }
  Result<ExprPtr> operator()(const ast::CaseExpression& c) const {
    ExprPtr e = b->Node(ExprKind::kCase, c.offset);
    if (c.subject) {
      e->has_subject = true;
      COPMAP_ASSIGN_OR_RETURN(ExprPtr s, b->BindExpression(*c.subject));
      COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(s)));
    }
    for (const ast::CaseAlternative& alt : c.alternatives) {
      COPMAP_ASSIGN_OR_RETURN(ExprPtr w, b->BindExpression(alt.when));
      COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(w)));
      COPMAP_ASSIGN_OR_RETURN(ExprPtr t, b->BindExpression(alt.then));
      COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(t)));
    }
    if (c.otherwise) {
      e->has_else = true;
      COPMAP_ASSIGN_OR_RETURN(ExprPtr o, b->BindExpression(*c.otherwise));
      COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(o)));
    }
    return e;
  }
  // [x IN list WHERE p | f] and all/any/none/single(x IN list WHERE p):
  // the variable gets a slot of its own, visible only inside.
  Result<ExprPtr> Iteration(ExprKind kind, uint32_t at, const ast::Variable& var,
                            const ast::Expression& list,
                            const boost::optional<ast::Expression>& where,
                            const boost::optional<ast::Expression>* projection) const {
    ExprPtr e = b->Node(kind, at);
    COPMAP_ASSIGN_OR_RETURN(ExprPtr l, b->BindExpression(list));
    COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(l)));
    Scope saved = b->scope_;
    e->slot = b->NewSlot();
    b->scope_[var.name] = VarInfo{e->slot, VarKind::kValue};
    b->NoteSlotSample(e->slot, *e->children[0]);
    // openCypher refuses aggregates inside a comprehension or quantifier
    // (they would aggregate per element, not per group).
    std::vector<BoundAggregate>* saved_aggregates = b->aggregates_;
    b->aggregates_ = nullptr;
    Status status;
    if (where) {
      e->has_where = true;
      auto w = b->BindExpression(*where);
      status = w.ok() ? AddChild(e.get(), std::move(w).value()) : w.status();
    }
    if (status.ok() && projection && *projection) {
      e->has_projection = true;
      auto p = b->BindExpression(**projection);
      status = p.ok() ? AddChild(e.get(), std::move(p).value()) : p.status();
    }
    b->scope_ = std::move(saved);
    b->aggregates_ = saved_aggregates;
    if (!status.ok()) return status;
    return e;
  }
  Result<ExprPtr> operator()(const ast::ListComprehension& c) const {
    return Iteration(ExprKind::kListComprehension, c.offset, c.variable, c.list, c.where,
                     &c.projection);
  }
  Result<ExprPtr> operator()(const ast::Quantifier& q) const {
    COPMAP_ASSIGN_OR_RETURN(ExprPtr e, Iteration(ExprKind::kQuantifier, q.offset, q.variable,
                                                 q.list, q.where, nullptr));
    e->op = static_cast<int>(q.kind);
    return e;
  }
  Result<ExprPtr> PatternPredicate(const std::vector<ast::PatternPart>& parts,
                                   const boost::optional<ast::Expression>& where,
                                   uint32_t at) const {
    if (parts.size() != 1) {
      return b->Error(at, "NotSupported", "a pattern predicate must be one connected pattern");
    }
    Scope saved = b->scope_;
    auto part = b->BindPatternPart(parts[0], Binder::PatternMode::kPredicate, nullptr);
    if (!part.ok()) {
      b->scope_ = std::move(saved);
      return part.status();
    }
    ExprPtr w;
    if (where) {
      auto bound = b->BindExpression(*where);
      if (!bound.ok()) {
        b->scope_ = std::move(saved);
        return bound.status();
      }
      w = std::move(bound).value();
    }
    b->scope_ = std::move(saved);
    ExprPtr e = b->Node(ExprKind::kPatternPredicate, at);
    e->pattern_index = static_cast<int>(b->query_->predicate_patterns.size());
    b->query_->predicate_patterns.push_back(std::move(part).value());
    b->query_->predicate_wheres.push_back(std::move(w));
    return e;
  }
  Result<ExprPtr> operator()(const ast::PatternExpression& p) const {
    ast::PatternPart part;
    part.offset = p.offset;
    part.element = p.element;
    return PatternPredicate({part}, boost::none, p.offset);
  }
  Result<ExprPtr> operator()(const ast::ExistsSubquery& s) const {
    if (s.query) return b->BindExistsSubquery(s);
    return PatternPredicate(s.pattern, s.where, s.offset);
  }
  Result<ExprPtr> operator()(const ast::PatternComprehension& c) const {
    return b->BindPatternComprehension(c);
  }
  Result<ExprPtr> operator()(const ast::Expression& e) const { return b->BindExpression(e); }
  template <typename T>
  Result<ExprPtr> operator()(const ast::x3::forward_ast<T>& f) const {
    return (*this)(f.get());
  }
};

}  // namespace

Result<ExprPtr> Binder::BindAtom(const ast::Atom& a, uint32_t offset) {
  return boost::apply_visitor(AtomBinder{this, offset}, a);
}

Result<ExprPtr> Binder::BindFunction(const ast::FunctionCall& f) {
  const std::string lower = Lower(f.name);
  const bool star = f.args.empty() && lower == "count";
  if (runtime::IsAggregateFunction(lower)) {
    if (aggregates_ == nullptr) {
      return Error(f.offset, "InvalidAggregation",
                   "Invalid use of aggregating function " + f.name + "(...) in this context");
    }
    if (in_aggregate_) {
      return Error(f.offset, "NestedAggregation",
                   "Can't use aggregate functions inside of aggregate functions");
    }
    const int arity = runtime::AggregateArity(lower);
    if (!star && static_cast<int>(f.args.size()) != arity) {
      return SyntaxErrorAt(f.offset, "InvalidNumberOfArguments",
                           f.name + "() takes " + std::to_string(arity) + " argument(s), got " +
                               std::to_string(f.args.size()));
    }
    BoundAggregate agg;
    agg.function = lower;
    agg.distinct = f.distinct;
    agg.star = star;
    in_aggregate_ = true;
    for (size_t i = 0; i < f.args.size(); ++i) {
      auto arg = BindExpression(f.args[i]);
      if (!arg.ok()) {
        in_aggregate_ = false;
        return arg.status();
      }
      (i == 0 ? agg.argument : agg.parameter) = std::move(arg).value();
    }
    in_aggregate_ = false;
    agg.slot = NewSlot();
    ExprPtr e = Node(ExprKind::kSlot, f.offset);
    e->slot = agg.slot;
    aggregates_->push_back(std::move(agg));
    return e;
  }
  if (f.distinct) {
    return Error(f.offset, "InvalidArgument", "DISTINCT is only allowed in aggregate functions");
  }
  ExprPtr e;
  if (IsGraphFunction(lower)) {
    e = Node(ExprKind::kGraphFunction, f.offset);
    e->name = lower;
    if (f.args.size() != 1) {
      return SyntaxErrorAt(f.offset, "InvalidNumberOfArguments",
                           f.name + "() takes 1 argument, got " + std::to_string(f.args.size()));
    }
  } else {
    const runtime::ScalarFunction* fn = runtime::FindScalarFunction(f.name);
    if (fn == nullptr) {
      return SyntaxErrorAt(f.offset, "UnknownFunction", "Unknown function '" + f.name + "'");
    }
    Status arity = runtime::CheckArity(*fn, f.args.size());
    if (!arity.ok()) return SyntaxErrorAt(f.offset, "InvalidNumberOfArguments", arity.message());
    e = Node(ExprKind::kFunction, f.offset);
    e->function = fn;
    e->name = std::string(fn->name);
  }
  for (const ast::Expression& arg : f.args) {
    COPMAP_ASSIGN_OR_RETURN(ExprPtr c, BindExpression(arg));
    COPMAP_RETURN_IF_ERROR(AddChild(e.get(), std::move(c)));
  }
  if (e->kind == ExprKind::kGraphFunction) COPMAP_RETURN_IF_ERROR(CheckGraphFunctionArgument(*e));
  return e;
}

}  // namespace copmap::query
