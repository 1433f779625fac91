// Vocabulary of the workload generator (names, titles, organizations,
// domains, community suffixes, practice kinds and title templates).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace copmap::interchange::gen_words {

struct PracticeKind {
  std::string_view name;
  double weight;
  std::vector<std::string_view> templates;
};

extern const std::vector<std::string_view> kFirst;
extern const std::vector<std::string_view> kLast;
extern const std::vector<std::pair<std::string_view, double>> kTitles;  // (title, weight)
extern const std::vector<std::string_view> kOrgPrefix;
extern const std::vector<std::string_view> kOrgIndustry;
extern const std::vector<std::string_view> kDomainBase;
extern const std::vector<std::string_view> kDomainQual;
extern const std::vector<std::string_view> kCommSuffix;
extern const std::vector<PracticeKind> kPracticeKinds;

}  // namespace copmap::interchange::gen_words
