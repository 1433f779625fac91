// The CSV importer on fuzzed files. The input is one node file (label Person
// unless it has a :LABEL column), optionally followed by a line
// "--- relationships ---" and a relationship file (type KNOWS unless it has
// :TYPE), so that seeds stay readable CSV. Each file is first streamed
// through CsvReader alone, then both go through ImportCsv into a reused store.
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "storage/interchange/csv_importer.h"
#include "storage/interchange/csv_reader.h"
#include "tests/fuzz/fuzz_input.h"
#include "tests/fuzz/fuzz_targets.h"
#include "tests/fuzz/throwaway_engine.h"

namespace copmap::fuzz {
namespace {

constexpr std::string_view kSeparator = "\n--- relationships ---\n";
constexpr size_t kMaxFieldBytes = 1 << 16;

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  FuzzCheck(out.good(), "the fuzz input file is written");
}

// Reads every record; an error must name the file and a line.
void ReadAll(const std::string& path) {
  interchange::CsvOptions options;
  options.max_field_bytes = kMaxFieldBytes;
  Result<std::unique_ptr<interchange::CsvReader>> reader =
      interchange::CsvReader::Open(path, options);
  if (!reader.ok()) return;
  for (;;) {
    Result<bool> more = (*reader)->Next();
    if (!more.ok()) {
      FuzzCheck(more.status().message().starts_with(path + ":"),
                "a CSV error starts with path:line");
      return;
    }
    if (!*more) return;
    for (size_t i = 0; i < (*reader)->size(); ++i) {
      FuzzCheck((*reader)->field(i).size() <= kMaxFieldBytes, "fields stay within the limit");
    }
  }
}

}  // namespace

int FuzzCsvImport(const uint8_t* data, size_t size) {
  static ThrowAwayEngine fixture("", 100);
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> paths = {fixture.ScratchPath("nodes_Person.csv")};
  size_t split = input.find(kSeparator);
  WriteFile(paths[0], input.substr(0, split));
  if (split != std::string_view::npos) {
    paths.push_back(fixture.ScratchPath("rels_KNOWS.csv"));
    WriteFile(paths[1], input.substr(split + kSeparator.size()));
  }
  for (const std::string& path : paths) ReadAll(path);

  interchange::ImportOptions options;
  options.paths = paths;
  options.max_field_bytes = kMaxFieldBytes;
  interchange::ImportSummary summary;
  std::vector<std::string> errors;
  const auto before = fixture.Counts();
  Status status = interchange::ImportCsv(fixture.store(), options, &summary, &errors);
  if (!status.ok()) {
    FuzzCheck(status.code() != Status::Code::kInternal, "an import fails with a clear kind");
    FuzzCheck(status.code() != Status::Code::kInvalidArgument || !errors.empty() ||
                  !status.message().empty(),
              "a refused import says why");
    FuzzCheck(fixture.Counts() == before, "a failed import changes nothing");
    return 0;
  }
  const auto after = fixture.Counts();
  FuzzCheck(after.first == before.first + summary.nodes &&
                after.second == before.second + summary.relationships,
            "an import adds exactly what its summary reports");
  if (summary.nodes > 0) fixture.AfterWrite();
  return 0;
}

}  // namespace copmap::fuzz
