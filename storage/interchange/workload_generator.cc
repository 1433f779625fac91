#include "storage/interchange/workload_generator.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <unordered_map>

#include "storage/interchange/field_value.h"
#include "storage/interchange/gen_random.h"
#include "storage/interchange/gen_world.h"
#include "storage/interchange/gen_words.h"
#include "storage/interchange/output_file.h"

namespace copmap::interchange {
namespace {

namespace w = gen_words;
constexpr int kYearNow = 2025;

// One output CSV: a header, then rows built field by field.
class CsvOut {
 public:
  static Result<std::unique_ptr<CsvOut>> Open(const std::string& dir, const std::string& name,
                                              std::string_view header) {
    COPMAP_ASSIGN_OR_RETURN(auto file, OutputFile::Create((std::filesystem::path(dir) / name).string()));
    file->Write(header);
    file->Write("\n");
    return std::unique_ptr<CsvOut>(new CsvOut(std::move(file)));
  }
  CsvOut& Int(int64_t v) {
    Sep();
    char buf[24];
    line_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    return *this;
  }
  CsvOut& Str(std::string_view s) {
    Sep();
    line_.append(s);
    return *this;
  }
  // A value in [0, 1] with three decimals, as Python's f"{s:.3f}".
  CsvOut& Fixed3(double v) {
    int64_t m = std::llround(v * 1000);
    Int(m / 1000);
    char frac[5] = {'.', static_cast<char>('0' + m % 1000 / 100), static_cast<char>('0' + m % 100 / 10),
                    static_cast<char>('0' + m % 10), 0};
    line_.append(frac);
    return *this;
  }
  void End() {
    line_.push_back('\n');
    file_->Write(line_);
    line_.clear();
    ++rows_;
  }
  Result<uint64_t> Close() {
    COPMAP_RETURN_IF_ERROR(file_->Close());
    return rows_;
  }

 private:
  explicit CsvOut(std::unique_ptr<OutputFile> file) : file_(std::move(file)) {}
  void Sep() {
    if (!line_.empty()) line_.push_back(',');
  }
  std::unique_ptr<OutputFile> file_;
  std::string line_;
  uint64_t rows_ = 0;
};

std::vector<double> WeightsOf(const std::vector<std::pair<std::string_view, double>>& items) {
  std::vector<double> out;
  for (const auto& item : items) out.push_back(item.second);
  return out;
}

void MakeOrganizations(GenWorld& g, GenRandom& rnd) {
  size_t ni = w::kOrgIndustry.size();
  auto perm = Permute(w::kOrgPrefix.size() * ni, rnd);
  for (size_t k = 0; k < g.n_org; ++k) {
    uint32_t c = perm[k % perm.size()];
    std::string name = std::string(w::kOrgPrefix[c / ni]) + " " + std::string(w::kOrgIndustry[c % ni]);
    if (k >= perm.size()) name += " " + std::to_string(k / perm.size() + 1);
    std::string slug = name;
    for (char& ch : slug) ch = ch == ' ' ? '-' : ch;
    g.org_names.push_back(name);
    g.org_slug.push_back(slug + ".example");
  }
  g.org_pick = Weighted(ZipfWeights(g.n_org, 0.9));  // org sizes: skewed
}

void MakeDomains(GenWorld& g, GenRandom& rnd) {
  std::vector<std::string> pool(w::kDomainBase.begin(), w::kDomainBase.end());
  for (auto b : w::kDomainBase) {
    for (auto q : w::kDomainQual) pool.push_back(std::string(b) + "-" + std::string(q));
  }
  size_t nb = w::kDomainBase.size();
  auto p1 = Permute(nb, rnd);
  auto p2 = Permute(pool.size() - nb, rnd);
  std::vector<std::string> order;
  for (uint32_t i : p1) order.push_back(pool[i]);
  for (uint32_t i : p2) order.push_back(pool[nb + i]);
  for (size_t k = 0; k < g.n_dom; ++k) {
    g.dom_names.push_back(k < order.size() ? order[k]
                                           : order[k % order.size()] + "-" + std::to_string(k / order.size() + 1));
  }
  auto rank = Permute(g.n_dom, rnd);  // rank[r] = the domain with popularity rank r
  std::vector<double> pop(g.n_dom);
  for (size_t r = 0; r < g.n_dom; ++r) pop[rank[r]] = 1.0 / static_cast<double>(r + 1);
  g.dom_pick = Weighted(pop);
}

void MakeCommunities(GenWorld& g, GenRandom& rnd) {
  std::unordered_map<std::string, int> seen;
  for (size_t c = 0; c < g.n_comm; ++c) {
    uint32_t d0 = g.dom_pick.Draw(rnd());
    std::vector<uint32_t> focus = {d0};
    for (int extra = static_cast<int>(rnd() * 3); extra > 0; --extra) {
      uint32_t d = g.dom_pick.Draw(rnd());
      if (std::find(focus.begin(), focus.end(), d) == focus.end()) focus.push_back(d);
    }
    std::string base = g.dom_names[d0] + " " + std::string(w::kCommSuffix[rnd.Index(w::kCommSuffix.size())]);
    int k = ++seen[base];
    g.comm_names.push_back(k == 1 ? base : base + " " + std::to_string(k));
    g.comm_kind.push_back(rnd() < 0.3 ? "nested" : "overlapping");
    g.comm_founded.push_back(2000 + static_cast<int>(rnd() * 25));
    g.comm_focus.push_back(focus);
    g.comm_org.push_back(g.org_pick.Draw(rnd()));  // the community's home organization
  }
  auto perm = Permute(g.n_comm, rnd);
  std::vector<double> pop(g.n_comm);
  for (size_t r = 0; r < g.n_comm; ++r) pop[perm[r]] = 1.0 / std::pow(static_cast<double>(r + 1), 0.8);
  g.comm_pick = Weighted(pop);
  g.org_comms.resize(g.n_org);
  for (size_t c = 0; c < g.n_comm; ++c) g.org_comms[g.comm_org[c]].push_back(c);
  for (const auto& cs : g.org_comms) {
    std::vector<double> wts;
    for (uint32_t c : cs) wts.push_back(pop[c]);
    g.org_comm_pick.push_back(Weighted(wts));
  }
}

Status MakePeople(GenWorld& g, GenRandom& rnd, const std::string& dir, GenSummary* sum) {
  COPMAP_ASSIGN_OR_RETURN(auto person, CsvOut::Open(dir, "nodes_Person.csv", "id:ID,name,email,title,org,joined:int"));
  COPMAP_ASSIGN_OR_RETURN(auto works, CsvOut::Open(dir, "rels_WORKS_AT.csv", ":START_ID,:END_ID"));
  COPMAP_ASSIGN_OR_RETURN(auto member, CsvOut::Open(dir, "rels_MEMBER_OF.csv", ":START_ID,:END_ID,role,since:int"));
  Weighted title_pick(WeightsOf(w::kTitles));
  Weighted ncomm({0.45, 0.30, 0.15, 0.10});  // 1..4 communities per person
  g.p_org.assign(g.n + 1, 0);
  g.p_joined.assign(g.n + 1, 0);
  g.p_comms.assign(g.n + 1, {});
  g.p_ncomms.assign(g.n + 1, 0);
  g.org_members.resize(g.n_org);
  g.comm_members.resize(g.n_comm);
  std::string name, email;
  for (int64_t pid = 1; pid <= g.n; ++pid) {
    auto first = w::kFirst[rnd.Index(w::kFirst.size())];
    auto last = w::kLast[rnd.Index(w::kLast.size())];
    uint32_t o = g.org_pick.Draw(rnd());
    auto title = w::kTitles[title_pick.Draw(rnd())].first;
    double u = rnd();
    int joined = kYearNow - 1 - static_cast<int>(30 * u * u);  // skewed to recent years
    g.p_org[pid] = o;
    g.p_joined[pid] = joined;
    g.org_members[o].push_back(pid);
    name.assign(first).append(" ").append(last);
    email.assign(first).append(".").append(last).append(".").append(std::to_string(pid)).append("@").append(g.org_slug[o]);
    person->Int(pid).Str(name).Str(email).Str(title).Str(g.org_names[o]).Int(joined).End();
    works->Int(pid).Int(g.org_base + o).End();
    size_t k = ncomm.Draw(rnd()) + 1;
    auto& cs = g.p_comms[pid];
    uint8_t& count = g.p_ncomms[pid];
    for (int tries = 0; count < k && tries < 12; ++tries) {
      uint32_t c;
      if (!g.org_comms[o].empty() && rnd() < 0.5) {
        c = g.org_comms[o][g.org_comm_pick[o].Draw(rnd())];
      } else {
        c = g.comm_pick.Draw(rnd());
      }
      if (std::find(cs.begin(), cs.begin() + count, c) != cs.begin() + count) continue;
      cs[count++] = c;
      g.comm_members[c].push_back(pid);
      double r = rnd();
      const char* role = r < 0.10 ? "core" : r < 0.40 ? "active" : "peripheral";
      int lo = std::max(joined, g.comm_founded[c]);
      int since = lo + static_cast<int>(rnd() * (kYearNow - lo));
      member->Int(pid).Int(g.comm_base + c).Str(role).Int(since).End();
    }
  }
  COPMAP_ASSIGN_OR_RETURN(sum->nodes["Person"], person->Close());
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["WORKS_AT"], works->Close());
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["MEMBER_OF"], member->Close());
  return Status::OK();
}

Status MakeExpertise(GenWorld& g, GenRandom& rnd, const std::string& dir, GenSummary* sum) {
  COPMAP_ASSIGN_OR_RETURN(auto exp, CsvOut::Open(dir, "rels_EXPERT_IN.csv", ":START_ID,:END_ID,level:int"));
  Weighted nexp({0.30, 0.35, 0.20, 0.15});         // 0..3 expertise edges
  Weighted level({0.30, 0.30, 0.20, 0.13, 0.07});  // level 1..5
  g.dom_experts.resize(g.n_dom);
  for (int64_t pid = 1; pid <= g.n; ++pid) {
    size_t k = nexp.Draw(rnd());
    if (k == 0) continue;
    const auto& cs = g.p_comms[pid];
    size_t ncs = g.p_ncomms[pid];
    std::vector<uint32_t> ds;
    for (int tries = 0; ds.size() < k && tries < 10; ++tries) {
      uint32_t d;
      if (ncs && rnd() < 0.6) {
        const auto& fl = g.comm_focus[cs[rnd.Index(ncs)]];
        d = fl[rnd.Index(fl.size())];
      } else {
        d = g.dom_pick.Draw(rnd());
      }
      if (std::find(ds.begin(), ds.end(), d) != ds.end()) continue;
      ds.push_back(d);
      int lvl = static_cast<int>(level.Draw(rnd())) + 1;
      g.dom_experts[d].push_back(pid);
      exp->Int(pid).Int(g.dom_base + d).Int(lvl).End();
    }
  }
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["EXPERT_IN"], exp->Close());
  return Status::OK();
}

// Out-degree: shifted Pareto (alpha 2), capped. Targets are clustered: 50% a
// member of one of my communities, 30% a colleague, 20% anyone, picked by
// out-degree (hubs are known by many).
Status MakeKnows(GenWorld& g, GenRandom& rnd, const std::string& dir, GenSummary* sum) {
  COPMAP_ASSIGN_OR_RETURN(auto knows, CsvOut::Open(dir, "rels_KNOWS.csv", ":START_ID,:END_ID,strength:float"));
  int64_t cap = std::min<int64_t>(1000, g.n - 1);
  std::vector<double> deg(g.n);
  for (int64_t pid = 1; pid <= g.n; ++pid) {
    auto d = static_cast<int64_t>(5.8 * std::pow(1.0 - rnd(), -0.5)) - 1;
    deg[pid - 1] = static_cast<double>(std::min(d, cap));
  }
  Weighted hub_pick(deg);
  std::vector<int64_t> stamp(g.n + 1, 0);  // stamp[q] == pid: pid already knows q
  for (int64_t pid = 1; pid <= g.n; ++pid) {
    auto want = static_cast<int64_t>(deg[pid - 1]);
    const auto& cs = g.p_comms[pid];
    size_t ncs = g.p_ncomms[pid];
    const auto& om = g.org_members[g.p_org[pid]];
    int64_t got = 0;
    for (int64_t attempts = 0, limit = 3 * want + 10; got < want && attempts < limit; ++attempts) {
      double u = rnd();
      int64_t q;
      double s;
      if (u < 0.5 && ncs) {
        const auto& ml = g.comm_members[cs[rnd.Index(ncs)]];
        q = ml[rnd.Index(ml.size())];
        s = 0.3 + 0.7 * rnd();
      } else if (u < 0.8) {
        q = om[rnd.Index(om.size())];
        s = 0.2 + 0.8 * rnd();
      } else {
        q = static_cast<int64_t>(hub_pick.Draw(rnd())) + 1;
        s = 0.6 * rnd();
      }
      if (q == pid || stamp[q] == pid) continue;
      stamp[q] = pid;
      ++got;
      knows->Int(pid).Int(q).Fixed3(s).End();
    }
  }
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["KNOWS"], knows->Close());
  return Status::OK();
}

// About 12% of people have a mentor (a few two): a senior (earlier-joined)
// member of one of their communities, else a senior colleague.
Status MakeMentors(GenWorld& g, GenRandom& rnd, const std::string& dir, GenSummary* sum) {
  COPMAP_ASSIGN_OR_RETURN(auto ment, CsvOut::Open(dir, "rels_MENTORS.csv", ":START_ID,:END_ID"));
  for (int64_t pid = 1; pid <= g.n; ++pid) {
    double u = rnd();
    if (u >= 0.12) continue;
    size_t k = u < 0.015 ? 2 : 1;
    const auto& cs = g.p_comms[pid];
    size_t ncs = g.p_ncomms[pid];
    const auto& om = g.org_members[g.p_org[pid]];
    std::vector<int64_t> got;
    for (int i = 0; i < 8 && got.size() < k; ++i) {
      int64_t m;
      if (ncs && rnd() < 0.6) {
        const auto& ml = g.comm_members[cs[rnd.Index(ncs)]];
        m = ml[rnd.Index(ml.size())];
      } else {
        m = om[rnd.Index(om.size())];
      }
      if (m == pid || std::find(got.begin(), got.end(), m) != got.end() || g.p_joined[m] > g.p_joined[pid]) continue;
      got.push_back(m);
      ment->Int(m).Int(pid).End();
    }
  }
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["MENTORS"], ment->Close());
  return Status::OK();
}

// Practices with their ABOUT domains and authors: the first author is an
// expert of the domain (80%) or a prolific author, co-authors come from the
// first author's communities.
Status MakePractices(GenWorld& g, GenRandom& rnd, const std::string& dir, GenSummary* sum) {
  COPMAP_ASSIGN_OR_RETURN(auto prac, CsvOut::Open(dir, "nodes_Practice.csv", "id:ID,title,kind,created:int"));
  COPMAP_ASSIGN_OR_RETURN(auto auth, CsvOut::Open(dir, "rels_AUTHORED.csv", ":START_ID,:END_ID"));
  COPMAP_ASSIGN_OR_RETURN(auto about, CsvOut::Open(dir, "rels_ABOUT.csv", ":START_ID,:END_ID"));
  std::vector<double> kind_w;
  for (const auto& k : w::kPracticeKinds) kind_w.push_back(k.weight);
  Weighted kind_pick(kind_w);
  Weighted nauth({0.70, 0.20, 0.10});
  auto author_perm = Permute(g.n, rnd);  // prolific authors: Zipf(0.7) over a permutation
  Weighted author_pick(ZipfWeights(g.n, 0.7));
  auto prolific = [&] { return static_cast<int64_t>(author_perm[author_pick.Draw(rnd())]) + 1; };
  std::string title;
  std::unordered_map<std::string, int> seen;  // titles are the CoP schema's unique key
  for (size_t k = 0; k < g.n_prac; ++k) {
    int64_t prid = g.prac_base + k;
    const auto& kind = w::kPracticeKinds[kind_pick.Draw(rnd())];
    uint32_t d0 = g.dom_pick.Draw(rnd());
    title.assign(kind.templates[rnd.Index(kind.templates.size())]).append(" ").append(g.dom_names[d0]);
    if (int n = ++seen[title]; n > 1) title += " (" + std::to_string(n) + ")";
    int created = 2005 + static_cast<int>(rnd() * 21);
    prac->Int(prid).Str(title).Str(kind.name).Int(created).End();
    about->Int(prid).Int(g.dom_base + d0).End();
    if (rnd() < 0.3) {
      uint32_t d1 = g.dom_pick.Draw(rnd());
      if (d1 != d0) about->Int(prid).Int(g.dom_base + d1).End();
    }
    const auto& ex = g.dom_experts[d0];
    int64_t a0 = !ex.empty() && rnd() < 0.8 ? ex[rnd.Index(ex.size())] : prolific();
    std::vector<int64_t> authors = {a0};
    size_t na = nauth.Draw(rnd()) + 1;
    const auto& cs = g.p_comms[a0];
    size_t ncs = g.p_ncomms[a0];
    for (size_t i = 1; i < na; ++i) {
      int64_t a;
      if (ncs) {
        const auto& ml = g.comm_members[cs[rnd.Index(ncs)]];
        a = ml[rnd.Index(ml.size())];
      } else {
        a = prolific();
      }
      if (std::find(authors.begin(), authors.end(), a) == authors.end()) authors.push_back(a);
    }
    for (int64_t a : authors) auth->Int(a).Int(prid).End();
  }
  COPMAP_ASSIGN_OR_RETURN(sum->nodes["Practice"], prac->Close());
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["AUTHORED"], auth->Close());
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["ABOUT"], about->Close());
  return Status::OK();
}

Status MakeSmallFiles(GenWorld& g, const std::string& dir, GenSummary* sum) {
  COPMAP_ASSIGN_OR_RETURN(auto org, CsvOut::Open(dir, "nodes_Organization.csv", "id:ID,name"));
  for (size_t o = 0; o < g.n_org; ++o) org->Int(g.org_base + o).Str(g.org_names[o]).End();
  COPMAP_ASSIGN_OR_RETURN(sum->nodes["Organization"], org->Close());
  COPMAP_ASSIGN_OR_RETURN(auto comm, CsvOut::Open(dir, "nodes_Community.csv", "id:ID,name,kind,founded:int"));
  for (size_t c = 0; c < g.n_comm; ++c) {
    comm->Int(g.comm_base + c).Str(g.comm_names[c]).Str(g.comm_kind[c]).Int(g.comm_founded[c]).End();
  }
  COPMAP_ASSIGN_OR_RETURN(sum->nodes["Community"], comm->Close());
  COPMAP_ASSIGN_OR_RETURN(auto dom, CsvOut::Open(dir, "nodes_Domain.csv", "id:ID,name"));
  for (size_t d = 0; d < g.n_dom; ++d) dom->Int(g.dom_base + d).Str(g.dom_names[d]).End();
  COPMAP_ASSIGN_OR_RETURN(sum->nodes["Domain"], dom->Close());
  COPMAP_ASSIGN_OR_RETURN(auto focus, CsvOut::Open(dir, "rels_FOCUSES_ON.csv", ":START_ID,:END_ID"));
  for (size_t c = 0; c < g.n_comm; ++c) {
    for (uint32_t d : g.comm_focus[c]) focus->Int(g.comm_base + c).Int(g.dom_base + d).End();
  }
  COPMAP_ASSIGN_OR_RETURN(sum->relationships["FOCUSES_ON"], focus->Close());
  return Status::OK();
}

}  // namespace

Status GenerateWorkload(const GenOptions& options, GenSummary* summary) {
  if (options.people < 10) return Status::InvalidArgument("--people must be at least 10");
  if (options.people > (int64_t{1} << 31)) return Status::InvalidArgument("--people must be below 2^31");
  if (options.draws < 0 || options.writes < 0) return Status::InvalidArgument("draws and writes must be >= 0");
  auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec) return Status::IOError(options.out + ": cannot create: " + ec.message());
  GenWorld g;
  g.n = options.people;
  g.n_org = static_cast<size_t>(std::min<int64_t>(500, std::max<int64_t>(2, g.n / 25)));
  g.n_comm = static_cast<size_t>(std::max<int64_t>(3, g.n / 50));
  g.n_dom = static_cast<size_t>(std::min<int64_t>(2000, std::max<int64_t>(5, g.n / 20)));
  g.n_prac = static_cast<size_t>(std::max<int64_t>(1, g.n / 2));
  g.org_base = g.n + 1;
  g.comm_base = g.org_base + g.n_org;
  g.dom_base = g.comm_base + g.n_comm;
  g.prac_base = g.dom_base + g.n_dom;
  GenRandom rnd(options.seed);
  MakeOrganizations(g, rnd);
  MakeDomains(g, rnd);
  MakeCommunities(g, rnd);
  COPMAP_RETURN_IF_ERROR(MakePeople(g, rnd, options.out, summary));
  COPMAP_RETURN_IF_ERROR(MakeExpertise(g, rnd, options.out, summary));
  COPMAP_RETURN_IF_ERROR(MakeKnows(g, rnd, options.out, summary));
  COPMAP_RETURN_IF_ERROR(MakeMentors(g, rnd, options.out, summary));
  COPMAP_RETURN_IF_ERROR(MakePractices(g, rnd, options.out, summary));
  COPMAP_RETURN_IF_ERROR(MakeSmallFiles(g, options.out, summary));
  COPMAP_RETURN_IF_ERROR(WriteParams(g, options));
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return WriteMeta(g, options, *summary);
}

}  // namespace copmap::interchange
