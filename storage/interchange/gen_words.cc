// Word lists of the workload generator, the same as ../shared/bench/gen_cop.py's,
// so that generated names look alike.
#include "storage/interchange/gen_words.h"

namespace copmap::interchange::gen_words {

const std::vector<std::string_view> kFirst = {
    "ana", "ben", "chen", "david", "elena", "farah", "george", "hana", "ivan", "julia", "kenji",
    "laura", "mateo", "nadia", "omar", "priya", "quentin", "rosa", "samir", "tara", "umar",
    "vera", "wei", "xena", "yusuf", "zoe", "amir", "bianca", "carlos", "dana", "emeka", "fatima",
    "gustavo", "helga", "ines", "jamal", "kira", "lucas", "mei", "nikos", "olga", "pablo", "qing",
    "rahul", "sofia", "tomas", "uma", "viktor", "wanda", "xavier", "yara", "zane", "aisha",
    "bruno", "clara", "diego", "erik", "freya", "gita", "hugo", "ingrid", "jonas", "kamala",
    "leo", "maya", "noah", "oona", "pedro", "rhea", "sven", "tanvi", "ugo", "valeria", "william",
    "ximena", "yosef", "zara", "adele", "bilal", "chiara", "dmitri", "esther", "felix", "greta",
    "hassan", "iris", "joao", "karim", "lena", "marco", "nora", "oscar", "paula", "raj", "sara",
    "theo", "ulla", "vivek",
};

const std::vector<std::string_view> kLast = {
    "silva", "smith", "chen", "garcia", "kumar", "mueller", "rossi", "nguyen", "kowalski",
    "ivanova", "tanaka", "okafor", "hansen", "dubois", "costa", "novak", "jensen", "papadopoulos",
    "yilmaz", "haddad", "schmidt", "martin", "lopez", "wang", "singh", "kim", "park", "ali",
    "sato", "moreau", "fischer", "bianchi", "andersson", "nielsen", "horvat", "popescu", "kovacs",
    "santos", "pereira", "ramirez", "torres", "gonzalez", "hernandez", "suzuki", "watanabe",
    "mensah", "abubakar", "mohammed", "rahman", "hossain", "ahmed", "patel", "shah", "mehta",
    "iyer", "reddy", "das", "bose", "sharma", "varga", "toth", "nagy", "lindqvist", "berg",
    "dahl", "eriksson", "virtanen", "korhonen", "murphy", "kelly", "byrne", "walsh", "obrien",
    "oconnor", "fernandes", "almeida", "ribeiro", "carvalho", "lima", "gomes", "martins", "rocha",
    "souza", "barbosa", "cohen", "levi", "mizrahi", "friedman", "weiss", "klein", "wolf",
    "becker", "hoffmann", "schulz",
};

const std::vector<std::pair<std::string_view, double>> kTitles = {
    {"engineer", 18},
    {"senior engineer", 12},
    {"staff engineer", 4},
    {"principal engineer", 1.5},
    {"engineering manager", 3},
    {"director", 1},
    {"data scientist", 5},
    {"analyst", 8},
    {"product manager", 4},
    {"designer", 3},
    {"nurse", 8},
    {"physician", 4},
    {"pharmacist", 2},
    {"researcher", 5},
    {"technician", 6},
    {"consultant", 4},
    {"project manager", 4},
    {"hr partner", 2},
    {"quality specialist", 3},
    {"safety officer", 2},
    {"architect", 2.5},
};

const std::vector<std::string_view> kOrgPrefix = {
    "acme", "northwind", "globex", "initech", "umbrella", "stark", "wayne", "tyrell", "soylent",
    "cyberdyne", "hooli", "vandelay", "pied-piper", "wonka", "gringotts", "oscorp", "aperture",
    "black-mesa", "monarch", "massive-dynamic", "blue-sun", "virtucon", "contoso", "fabrikam",
    "tailspin", "adventure-works", "litware", "proseware", "woodgrove", "lucerne",
    "fourth-coffee", "wide-world", "alpine-ski", "margie", "coho-vineyard", "trey-research",
    "southridge", "humongous", "graphic-design", "consolidated",
};

const std::vector<std::string_view> kOrgIndustry = {
    "health", "hospital", "logistics", "energy", "bank", "insurance", "software", "labs",
    "pharma", "manufacturing", "telecom", "retail", "motors", "aerospace", "consulting",
};

const std::vector<std::string_view> kDomainBase = {
    "kubernetes", "patient-safety", "machine-learning", "data-engineering", "cloud-security",
    "observability", "incident-response", "site-reliability", "devops", "ci-cd", "microservices",
    "api-design", "frontend", "accessibility", "ux-research", "mobile-development",
    "embedded-systems", "networking", "databases", "distributed-systems", "compilers",
    "performance-engineering", "testing", "test-automation", "code-review", "technical-writing",
    "agile", "scrum", "kanban", "lean", "six-sigma", "supply-chain", "procurement",
    "logistics-planning", "warehouse-automation", "robotics", "computer-vision", "nlp",
    "recommender-systems", "data-governance", "privacy", "gdpr", "compliance", "risk-management",
    "fraud-detection", "payments", "accounting", "financial-planning", "tax", "treasury",
    "hr-analytics", "recruiting", "onboarding", "learning-design", "coaching", "mentoring",
    "leadership", "change-management", "knowledge-management", "communities-of-practice",
    "facilitation", "negotiation", "sales", "marketing", "seo", "content-strategy", "brand",
    "customer-success", "support-operations", "clinical-trials", "pharmacovigilance",
    "infection-control", "nursing-practice", "telemedicine", "radiology", "laboratory-medicine",
    "emergency-care", "medication-safety", "clinical-documentation", "health-informatics",
    "epidemiology", "biostatistics", "genomics", "bioinformatics", "regulatory-affairs",
    "quality-assurance", "gmp", "lean-manufacturing", "predictive-maintenance", "iot",
    "plc-programming", "energy-efficiency", "renewables", "grid-operations", "battery-systems",
    "occupational-safety", "environmental-health", "sustainability", "esg-reporting",
    "legal-contracts", "intellectual-property", "cybersecurity", "identity-management",
    "zero-trust", "threat-modeling", "penetration-testing", "cryptography", "blockchain", "linux",
    "windows-server", "virtualization", "storage", "backup-recovery", "capacity-planning",
    "finops", "cost-optimization", "vendor-management", "architecture-governance",
    "enterprise-architecture", "domain-driven-design", "event-sourcing", "stream-processing",
    "batch-processing", "etl", "data-visualization", "bi-reporting", "statistics",
    "experimentation", "product-discovery", "roadmapping", "okrs", "public-speaking",
};

const std::vector<std::string_view> kDomainQual = {
    "security", "operations", "fundamentals", "at-scale", "for-beginners", "advanced",
    "governance", "tooling", "migration", "automation", "metrics", "research", "teaching",
    "patterns", "anti-patterns", "troubleshooting",
};

const std::vector<std::string_view> kCommSuffix = {
    "guild", "circle", "community of practice", "chapter", "forum", "network", "working group",
    "collective", "study group", "lab",
};

const std::vector<PracticeKind> kPracticeKinds = {
    {"best-practice", 0.35,
     {"best practices for", "do and dont list for", "golden rules of",
      "checklist for", "standard operating procedure for"}},
    {"lesson-learned", 0.3,
     {"lessons learned from a failed", "postmortem of a",
      "what we learned rolling out", "retrospective on", "pitfalls in"}},
    {"case-study", 0.15,
     {"case study on", "how one team adopted", "field report on", "benchmarking"}},
    {"guide", 0.2,
     {"getting started with", "a practical guide to", "deep dive into",
      "playbook for", "reference handbook on"}},
};

}  // namespace copmap::interchange::gen_words
