// PRIVATE to visualize/*.cc: RAII owners of Graphviz's C handles and the
// one place Graphviz's error messages are captured.
//
// Graphviz is not thread-safe. Everything here REQUIRES that the caller holds
// GraphvizMutex() (renderer.cc takes it), or runs in a child process that owns
// its copy of Graphviz alone (isolated_run.cc).
#pragma once

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <string>

namespace copmap::visualize {

// The process-wide lock that serializes every call into Graphviz.
std::mutex& GraphvizMutex();

// The process's one Graphviz context, made on first use and never freed.
// Not one per render: Graphviz 2.42's Pango plugin keeps a pointer to the last
// font name it measured, and that name belongs to the context, so the render
// after a gvFreeContext read freed memory (ASan: heap-use-after-free in strcmp
// from libgvplugin_pango, replaying the map_model fuzz seeds in process).
GVC_t* SharedGvContext();

// The discipline that names objects with ids in creation order (see .cc).
Agdisc_t* DeterministicDisc();

class GvGraph {
 public:
  // A directed, non-strict graph with a fixed name (never data).
  GvGraph() : g_(agopen(const_cast<char*>("copmap"), Agdirected, DeterministicDisc())) {}
  ~GvGraph() {
    if (g_ != nullptr) agclose(g_);
  }
  GvGraph(const GvGraph&) = delete;
  GvGraph& operator=(const GvGraph&) = delete;
  Agraph_t* get() const { return g_; }

 private:
  Agraph_t* g_;
};

// Frees a layout computed by gvLayout when it goes out of scope.
class GvLayoutGuard {
 public:
  GvLayoutGuard(GVC_t* gvc, Agraph_t* g) : gvc_(gvc), g_(g) {}
  ~GvLayoutGuard() { gvFreeLayout(gvc_, g_); }
  GvLayoutGuard(const GvLayoutGuard&) = delete;
  GvLayoutGuard& operator=(const GvLayoutGuard&) = delete;

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
};

// While alive, Graphviz's error and warning messages are collected here
// instead of going to stderr.
class GvErrorCapture {
 public:
  GvErrorCapture();
  ~GvErrorCapture();
  GvErrorCapture(const GvErrorCapture&) = delete;
  GvErrorCapture& operator=(const GvErrorCapture&) = delete;
  // Messages received so far, joined by "; ", or "no message" when none.
  std::string Messages() const;

 private:
  agusererrf previous_;
};

// Sets attribute `name` on a graph, node or edge to a plain string value.
// The values passed are always produced by this library, never data.
void SetAttr(void* obj, const char* name, const std::string& value);
// Sets attribute `name` to an HTML-like label (see html_labels.h).
void SetHtmlAttr(Agraph_t* root, void* obj, const char* name, const std::string& html);

}  // namespace copmap::visualize
