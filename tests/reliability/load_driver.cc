#include "tests/reliability/load_driver.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <mutex>
#include <random>
#include <thread>

#include "server/remote_client.h"

namespace copmap::reliability {
namespace {

using Clock = std::chrono::steady_clock;

// One, two and three hops out of one person, as the CoP tools ask them.
constexpr const char* kReads[] = {
    "MATCH (p:Person)-[:MEMBER_OF]->(c:Community) WHERE p.id = $id RETURN c.name AS name",
    "MATCH (a:Person)-[:KNOWS]->(:Person)-[:KNOWS]->(b:Person) WHERE a.id = $id "
    "RETURN count(DISTINCT b.id) AS n",
    "MATCH (a:Person)-[:KNOWS]->(:Person)-[:KNOWS]->(:Person)-[:EXPERT_IN]->(d:Domain) "
    "WHERE a.id = $id RETURN d.id AS domain, count(*) AS n ORDER BY n DESC, domain LIMIT 5",
};
constexpr char kWrite[] =
    "MATCH (a:Person), (b:Person) WHERE a.id = $src AND b.id = $dst "
    "CREATE (a)-[:KNOWS {strength: $w}]->(b)";

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

class Client {
 public:
  Client(server::RemoteClient* remote, const LoadOptions& options, uint64_t seed)
      : remote_(remote), options_(options), rng_(seed), person_(1, options.people) {}

  void Run(Clock::time_point until) {
    std::uniform_real_distribution<double> coin(0, 1);
    while (Clock::now() < until) {
      if (coin(rng_) < options_.write_fraction) {
        Write(coin(rng_));
      } else {
        Read();
      }
    }
  }

  LoadTally tally;

 private:
  query::QueryOptions Options() const {
    query::QueryOptions o;
    o.timeout = std::chrono::seconds(60);
    return o;
  }

  void Read() {
    query::QueryOptions o = Options();
    o.read_only = true;
    o.params = {{"id", Value(person_(rng_))}};
    const char* text = kReads[std::uniform_int_distribution<int>(0, 2)(rng_)];
    auto start = Clock::now();
    auto result = remote_->Run(text, o);
    if (Record(result.status())) {
      tally.read_ms.push_back(MsSince(start));
      ++tally.reads;
    }
  }

  void Write(double strength) {
    query::QueryOptions o = Options();
    int64_t src = person_(rng_), dst = person_(rng_);
    o.params = {{"src", Value(src)}, {"dst", Value(dst)}, {"w", Value(strength)}};
    auto start = Clock::now();
    while (true) {
      auto result = remote_->Run(kWrite, o);
      if (result.status().IsConflict()) {
        ++tally.conflicts;  // nothing was applied; the contract says retry
        continue;
      }
      if (Record(result.status())) {
        tally.write_ms.push_back(MsSince(start));
        ++tally.writes;
      }
      return;
    }
  }

  // True for success; tallies a failure otherwise.
  bool Record(const Status& status) {
    if (status.ok()) return true;
    if (status.code() == Status::Code::kResourceExhausted) {
      ++tally.shed;
      if (tally.shed_message.empty()) tally.shed_message = status.ToString();
      // A busy server asks the client to come back later, not at once.
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      return false;
    }
    ++tally.errors[std::string(Status::CodeName(status.code()))];
    if (tally.first_error.empty()) tally.first_error = status.ToString();
    return false;
  }

  server::RemoteClient* remote_;
  const LoadOptions& options_;
  std::mt19937_64 rng_;
  std::uniform_int_distribution<int64_t> person_;
};

void Merge(const LoadTally& from, LoadTally* into) {
  into->reads += from.reads;
  into->writes += from.writes;
  into->read_ms.insert(into->read_ms.end(), from.read_ms.begin(), from.read_ms.end());
  into->write_ms.insert(into->write_ms.end(), from.write_ms.begin(), from.write_ms.end());
  into->conflicts += from.conflicts;
  into->shed += from.shed;
  if (into->shed_message.empty()) into->shed_message = from.shed_message;
  for (const auto& [kind, n] : from.errors) into->errors[kind] += n;
  if (into->first_error.empty()) into->first_error = from.first_error;
}

}  // namespace

LoadTally RunLoad(const LoadOptions& options) {
  LoadTally total;
  std::vector<std::unique_ptr<server::RemoteClient>> channels;
  for (int i = 0; i < options.connections; ++i) {
    server::RemoteOptions remote;
    remote.target = options.address;
    remote.connect_timeout = std::chrono::seconds(30);
    auto connected = server::RemoteClient::Connect(remote);
    if (!connected.ok()) {
      ++total.connect_failures;
      if (total.first_error.empty()) total.first_error = connected.status().ToString();
      continue;
    }
    channels.push_back(std::move(connected).value());
  }
  if (channels.empty()) return total;

  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < options.clients; ++i) {
    clients.push_back(std::make_unique<Client>(channels[i % channels.size()].get(), options,
                                               options.seed + static_cast<uint64_t>(i)));
  }
  const auto start = Clock::now();
  const auto until = start + options.duration;
  std::vector<std::thread> threads;
  threads.reserve(clients.size());
  for (auto& client : clients) threads.emplace_back([&client, until] { client->Run(until); });
  for (auto& t : threads) t.join();
  total.seconds = MsSince(start) / 1000;
  for (const auto& client : clients) Merge(client->tally, &total);
  return total;
}

double Percentile(std::vector<double> ms, double p) {
  if (ms.empty()) return 0;
  std::sort(ms.begin(), ms.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100 * static_cast<double>(ms.size())));
  return ms[std::clamp<size_t>(rank, 1, ms.size()) - 1];
}

}  // namespace copmap::reliability
