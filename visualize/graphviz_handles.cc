#include "visualize/graphviz_handles.h"

#include <unordered_map>
#include <vector>

namespace copmap::visualize {
namespace {

// Guarded by GraphvizMutex() like every other Graphviz state.
std::string* captured_messages = nullptr;

int CaptureMessage(char* message) {
  if (captured_messages != nullptr && message != nullptr) {
    std::string text(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (!captured_messages->empty()) *captured_messages += "; ";
    *captured_messages += text;
  }
  return 0;
}

// cgraph's default id discipline uses the address of a name's pooled string
// as the object's id, and subgraphs are kept (and emitted, and laid out) in
// id order, so cluster order changed with the heap's state. This discipline
// numbers named objects in creation order instead: same map, same bytes.
// Named objects get even ids, anonymous ones odd ids, as cgraph expects.
//
// The names it hands back (IdPrint, hence agnameof) must be strings from the
// graph's pool (agstrdup): cgraph's writers ask aghtmlstr(name) whether to
// quote a name as <...> or "...", and aghtmlstr reads a flag stored just
// before the characters of a pooled string. A name kept in a std::string
// made it read whatever preceded that buffer (for short names, the string's
// own heap pointer), so the same name was quoted differently from run to run.
struct IdState {
  explicit IdState(Agraph_t* g) : graph(g) {}
  Agraph_t* graph;
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<char*> names;  // names[id / 2 - 1], pooled in `graph`
  IDTYPE next_anonymous = 1;
};

void* IdOpen(Agraph_t* g, Agdisc_t*) { return new IdState(g); }

long IdMap(void* state, int, char* str, IDTYPE* id, int createflag) {
  auto* s = static_cast<IdState*>(state);
  if (str == nullptr) {
    *id = s->next_anonymous;
    s->next_anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(str);
  if (it != s->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (!createflag) return 0;
  // The pool frees the string when the graph closes.
  s->names.push_back(agstrdup(s->graph, str));
  *id = 2 * static_cast<IDTYPE>(s->names.size());
  s->ids.emplace(str, *id);
  return 1;
}

long IdAlloc(void*, int, IDTYPE) { return 0; }  // callers may not choose ids
void IdFree(void*, int, IDTYPE) {}              // names live until the graph closes

char* IdPrint(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1];
}

void IdClose(void* state) { delete static_cast<IdState*>(state); }
void IdRegister(void*, int, void*) {}

Agiddisc_t kIdDisc = {IdOpen, IdMap, IdAlloc, IdFree, IdPrint, IdClose, IdRegister};

}  // namespace

Agdisc_t* DeterministicDisc() {
  static Agdisc_t disc = {&AgMemDisc, &kIdDisc, &AgIoDisc};
  return &disc;
}

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

GVC_t* SharedGvContext() {
  static GVC_t* const gvc = gvContext();
  return gvc;
}

GvErrorCapture::GvErrorCapture() {
  captured_messages = new std::string();
  previous_ = agseterrf(&CaptureMessage);
  agseterr(AGWARN);
  agreseterrors();
}

GvErrorCapture::~GvErrorCapture() {
  agseterrf(previous_);
  delete captured_messages;
  captured_messages = nullptr;
}

std::string GvErrorCapture::Messages() const {
  return captured_messages->empty() ? std::string("no message") : *captured_messages;
}

void SetAttr(void* obj, const char* name, const std::string& value) {
  // agsafeset copies both strings into the graph's string pool. The empty
  // default is what the attribute has on objects that never set it.
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

void SetHtmlAttr(Agraph_t* root, void* obj, const char* name, const std::string& html) {
  // The pooled string must carry the HTML mark; agsafeset then finds that
  // same pooled string.
  char* marked = agstrdup_html(root, const_cast<char*>(html.c_str()));
  agsafeset(obj, const_cast<char*>(name), marked, const_cast<char*>(""));
  agstrfree(root, marked);
}

}  // namespace copmap::visualize
