// Type errors openCypher reports when the query is compiled: an operator all
// of whose operands are literals (lists and maps of literals included) of
// the wrong type (123 AND true, NOT 1, 1 IN 2, 'a' % 1, [] OR false). The
// operator is evaluated with the same runtime functions as at run time, so
// the message is the run-time one; here it is a SyntaxError with a position.
#include <map>
#include <optional>

#include "query/binder/binder_impl.h"
#include "query/parser/ast.h"
#include "query/runtime/arithmetic.h"
#include "query/runtime/logic.h"
#include "query/runtime/predicates.h"

namespace copmap::query {

namespace {

// The value of a literal, or of a list or map literal of literals; for a
// comprehension variable with a sample (Binder::NoteSlotSample), the sample.
std::optional<Value> ConstantValue(const BoundExpression& e,
                                   const std::map<int, Value>& samples) {
  if (e.kind == ExprKind::kLiteral) return e.value;
  if (e.kind == ExprKind::kSlot) {
    auto it = samples.find(e.slot);
    if (it == samples.end()) return std::nullopt;
    return it->second;
  }
  if (e.kind != ExprKind::kList && e.kind != ExprKind::kMap) return std::nullopt;
  ValueList items;
  for (const ExprPtr& c : e.children) {
    std::optional<Value> item = c ? ConstantValue(*c, samples) : std::nullopt;
    if (!item) return std::nullopt;
    items.push_back(std::move(*item));
  }
  if (e.kind == ExprKind::kList) return Value(std::move(items));
  ValueMap entries;
  for (size_t i = 0; i < items.size(); ++i) entries.emplace_back(e.names[i], std::move(items[i]));
  return Value(std::move(entries));
}

}  // namespace

void Binder::NoteSlotSample(int slot, const BoundExpression& list) {
  if (list.kind != ExprKind::kList || list.children.empty()) return;
  for (const ExprPtr& c : list.children) {
    if (!c || c->kind != ExprKind::kLiteral || c->value.is_null() ||
        c->value.kind() != list.children[0]->value.kind()) {
      return;
    }
  }
  slot_samples_[slot] = list.children[0]->value;
}

Status Binder::CheckLiteralOperands(const BoundExpression& e) const {
  if (e.children.empty() || e.children.size() > 2) return Status::OK();
  std::vector<Value> operands;
  for (const ExprPtr& c : e.children) {
    std::optional<Value> v = c ? ConstantValue(*c, slot_samples_) : std::nullopt;
    if (!v) return Status::OK();
    operands.push_back(std::move(*v));
  }
  const Value& a = operands[0];
  const Value& b = operands.back();
  Result<Value> result = Value();
  switch (e.kind) {
    case ExprKind::kAnd: result = runtime::And(a, b); break;
    case ExprKind::kOr: result = runtime::Or(a, b); break;
    case ExprKind::kXor: result = runtime::Xor(a, b); break;
    case ExprKind::kNot: result = runtime::Not(a); break;
    case ExprKind::kNegate: result = runtime::Negate(a); break;
    case ExprKind::kArithmetic:
      result = runtime::Arithmetic(static_cast<runtime::ArithmeticOp>(e.op), a, b);
      break;
    case ExprKind::kPredicate:
      if (e.op != static_cast<int>(ast::BinaryOp::kIn)) return Status::OK();
      result = runtime::In(a, b);
      break;
    default: return Status::OK();
  }
  if (result.ok() || result.status().code() != Status::Code::kTypeError) return Status::OK();
  std::string message = result.status().message();
  constexpr std::string_view kDetail = "InvalidArgumentType: ";
  if (message.rfind(kDetail, 0) == 0) message.erase(0, kDetail.size());
  return SyntaxErrorAt(StartOf(e), "InvalidArgumentType", message);
}

}  // namespace copmap::query
