#include "visualize/graphviz_handles.h"

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

}  // namespace

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
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
