#!/usr/bin/env python3
"""Writes the sample organization in examples/org/ (deterministic; Python 3 stdlib only).

    python3 examples/make_org.py [--out examples/org]

Meridian Health (a hospital network), its digital unit Meridian Digital, and their
partner Caldera Systems (an IT vendor): about 250 people, 12 communities of practice,
40 domains, 150 practices and 16 events, in the CSV format `copmap import` reads
(docs/IMPORT.md). Planted structure for the analytics, described in examples/README.md.
"""
import argparse
import csv
import os
import random

R = random.Random(20240611)
TODAY = "2025-06-30"

ORGS = [  # id, name, kind, email domain, locations, size
    (1001, "Meridian Health", "company", "meridianhealth.example", ["Boston", "Providence", "Worcester"], 130),
    (1002, "Meridian Digital", "unit", "meridiandigital.example", ["Boston", "Remote"], 80),
    (1003, "Caldera Systems", "partner", "caldera.example", ["Austin", "Toronto", "Remote"], 40),
]
FIRST = """Amara Ben Chloe Daniel Elena Farid Grace Hiro Ines Jonas Keisha Liam Maya Nikhil Olivia
Pavel Quinn Rosa Samuel Tamar Uma Victor Wen Ximena Yusuf Zoe Aisha Bruno Carmen Dmitri Esther
Felix Gabriela Hassan Ingrid Jamal Katarzyna Lucas Mei Noor Oscar Priya Rafael Sofia Tomas Valeria
William Yara Adele Bilal Chiara Diego Emeka Fatima Gustavo Helga Ivan Julia Kenji Laura Mateo
Nadia Omar Paula Rahul Sara Theo Ulla Vivek Wanda Zara""".split()
LAST = """Okafor Silva Chen Garcia Kumar Mueller Rossi Nguyen Kowalski Ivanova Tanaka Hansen Dubois
Costa Novak Jensen Papadopoulos Yilmaz Haddad Schmidt Martin Lopez Wang Singh Kim Park Ali Sato
Moreau Fischer Andersson Nielsen Horvat Popescu Santos Pereira Ramirez Torres Suzuki Mensah
Rahman Patel Shah Mehta Iyer Reddy Sharma Varga Lindqvist Berg Eriksson Virtanen Murphy Kelly
Byrne Walsh Fernandes Almeida Ribeiro Lima Cohen Levi Friedman Weiss Klein Becker""".split()

# Domains: (name, description, family)
DOMAINS = [
    ("patient safety", "preventing harm to patients during care", "clinical"),
    ("infection control", "preventing healthcare-associated infections", "clinical"),
    ("hand hygiene", "hand hygiene compliance and auditing", "clinical"),
    ("medication safety", "safe prescribing, dispensing and administration", "clinical"),
    ("sepsis care", "early recognition and treatment of sepsis", "clinical"),
    ("nursing practice", "evidence-based nursing care standards", "clinical"),
    ("wound care", "pressure injury prevention and wound management", "clinical"),
    ("palliative care", "comfort care and end-of-life conversations", "clinical"),
    ("emergency care", "triage and emergency department flow", "clinical"),
    ("radiology", "imaging protocols and reporting", "radiology"),
    ("radiology ai", "machine learning for image triage", "radiology"),
    ("clinical documentation", "notes, coding and documentation quality", "informatics"),
    ("health informatics", "clinical information systems", "informatics"),
    ("hl7 fhir", "FHIR APIs and resource profiles", "informatics"),
    ("hl7 v2 interfaces", "the legacy HL7 v2 interface engine", "informatics"),
    ("telemedicine", "virtual visits and remote monitoring", "informatics"),
    ("quality improvement", "PDSA cycles and run charts", "quality"),
    ("epidemiology", "surveillance and outbreak analysis", "quality"),
    ("lean", "lean methods for care pathways", "quality"),
    ("kubernetes", "container orchestration platform", "platform"),
    ("observability", "metrics, logs and traces", "platform"),
    ("ci/cd", "build and deployment pipelines", "platform"),
    ("site reliability", "SLOs, error budgets and capacity", "sre"),
    ("incident response", "on-call, incident command and postmortems", "sre"),
    ("cloud security", "securing cloud accounts and workloads", "security"),
    ("identity management", "single sign-on and access reviews", "security"),
    ("threat modeling", "finding design-level security risks", "security"),
    ("privacy", "HIPAA and patient data protection", "security"),
    ("data engineering", "pipelines and the clinical data warehouse", "data"),
    ("machine learning", "predictive models and their validation", "data"),
    ("data governance", "data ownership, quality and lineage", "data"),
    ("data visualization", "dashboards people can read", "data"),
    ("api design", "REST and event interfaces", "platform"),
    ("accessibility", "WCAG and assistive technology", "ux"),
    ("ux research", "interviews, usability tests and journeys", "ux"),
    ("test automation", "automated testing strategies", "platform"),
    ("change management", "helping people adopt new ways of working", "people"),
    ("coaching", "coaching and feedback conversations", "people"),
    ("facilitation", "running workshops and retrospectives", "people"),
    ("knowledge management", "capturing and sharing what we know", "people"),
]
DOM_ID = {d[0]: 3001 + i for i, d in enumerate(DOMAINS)}

# Communities: name, kind, purpose, founded, home org, focus domains, leader style(s), families, orgs
COMMUNITIES = [
    ("Patient Safety Network", "overlapping", "share safety events and spread fixes across sites", "2016-03-01", 1001,
     ["patient safety", "quality improvement", "medication safety"], ["institutional"], {"clinical", "quality"}, {1001, 1002}),
    ("Infection Prevention Circle", "nested", "keep infection rates down on every ward", "2017-09-15", 1001,
     ["infection control", "hand hygiene", "epidemiology"], ["day-to-day"], {"clinical", "quality"}, {1001}),
    ("Medication Safety Guild", "nested", "pharmacists and nurses against medication errors", "2018-05-10", 1001,
     ["medication safety", "clinical documentation"], ["curating"], {"clinical"}, {1001}),
    ("Nursing Practice Council", "nested", "agree and teach nursing standards", "2014-01-20", 1001,
     ["nursing practice", "wound care", "palliative care", "sepsis care"], ["interpersonal"], {"clinical"}, {1001}),
    ("Clinical Informatics Forum", "overlapping", "clinicians and engineers designing systems together", "2019-02-01", 1002,
     ["health informatics", "clinical documentation", "telemedicine", "hl7 fhir"], ["boundary"], {"informatics", "clinical"}, {1001, 1002, 1003}),
    ("Platform Engineering Guild", "nested", "one paved road to production", "2020-06-01", 1002,
     ["kubernetes", "ci/cd", "observability", "api design"], ["innovating"], {"platform"}, {1002}),
    ("SRE and Incident Response Circle", "overlapping", "calmer on-call, shorter outages", "2021-01-11", 1002,
     ["site reliability", "incident response", "observability"], ["day-to-day", "inspiring"], {"sre", "platform"}, {1002, 1003}),
    ("Data and ML Community", "overlapping", "trustworthy data and models for care", "2019-10-07", 1002,
     ["data engineering", "machine learning", "data governance", "data visualization"], ["inspiring"], {"data"}, {1001, 1002}),
    ("Security Champions", "overlapping", "a security champion in every team", "2020-11-02", 1002,
     ["cloud security", "identity management", "threat modeling", "privacy"], ["institutional"], {"security"}, {1002, 1003}),
    ("FHIR Integration Working Group", "overlapping", "move interfaces from HL7 v2 to FHIR", "2022-04-04", 1003,
     ["hl7 fhir", "hl7 v2 interfaces", "api design"], ["boundary"], {"informatics", "platform"}, {1002, 1003}),
    ("UX and Accessibility Chapter", "nested", "usable and accessible tools for staff and patients", "2021-08-16", 1002,
     ["ux research", "accessibility"], ["curating"], {"ux"}, {1002}),
    ("Radiology AI Study Group", "nested", "evaluate AI triage tools for imaging", "2023-01-09", 1001,
     ["radiology ai", "radiology"], ["innovating"], {"radiology"}, {1001}),
]
COMM_ID = {c[0]: 2001 + i for i, c in enumerate(COMMUNITIES)}
LINKS = [("Infection Prevention Circle", "Patient Safety Network", "sub-community"),
         ("Medication Safety Guild", "Patient Safety Network", "sub-community"),
         ("SRE and Incident Response Circle", "Platform Engineering Guild", "sister"),
         ("FHIR Integration Working Group", "Clinical Informatics Forum", "working-group-of"),
         ("Data and ML Community", "Clinical Informatics Forum", "collaborates")]

# Titles by org: (title, domain families, seniority 1..3)
TITLES = {
    1001: [("registered nurse", ["clinical"], 1), ("nurse educator", ["clinical"], 2), ("charge nurse", ["clinical"], 2),
           ("physician", ["clinical", "quality"], 2), ("clinical pharmacist", ["clinical"], 2),
           ("infection preventionist", ["clinical", "quality"], 2), ("quality specialist", ["quality"], 1),
           ("patient safety officer", ["clinical", "quality"], 3), ("radiologist", ["radiology"], 3),
           ("radiographer", ["radiology"], 1), ("nursing informaticist", ["informatics", "clinical"], 2),
           ("epidemiologist", ["quality"], 2), ("people partner", ["people"], 2)],
    1002: [("software engineer", ["platform"], 1), ("senior software engineer", ["platform"], 2),
           ("staff engineer", ["platform", "sre"], 3), ("site reliability engineer", ["sre", "platform"], 2),
           ("data engineer", ["data"], 1), ("data scientist", ["data"], 2), ("security engineer", ["security"], 2),
           ("product designer", ["ux"], 2), ("ux researcher", ["ux"], 2), ("integration engineer", ["informatics", "platform"], 2),
           ("engineering manager", ["people", "platform"], 3), ("agile coach", ["people"], 2)],
    1003: [("consultant", ["informatics"], 1), ("senior consultant", ["informatics", "platform"], 2),
           ("integration architect", ["informatics", "platform"], 3), ("security consultant", ["security"], 2),
           ("cloud engineer", ["platform", "sre"], 2), ("solutions architect", ["platform", "informatics"], 3)],
}
PRACTICE_TPL = {
    "best-practice": ["{d}: the checklist we use", "golden rules of {d}", "{d} standard work", "{d} do's and don'ts"],
    "lesson-learned": ["what the {d} near-miss taught us", "lessons from rolling out {d}", "{d}: three mistakes we made",
                       "a {d} postmortem"],
    "case-study": ["how one team improved {d}", "case study: {d} at the Providence site", "{d}: a year in review",
                   "{d} across three sites"],
    "guide": ["getting started with {d}", "a field guide to {d}", "{d} for newcomers", "{d} in ten steps"],
}


def date(y, m=None, d=None):
    m = m or R.randint(1, 12)
    d = d or R.randint(1, 28)
    return f"{y:04d}-{m:02d}-{d:02d}"


def slug(s):
    return "".join(c if c.isalnum() else "-" for c in s.lower()).strip("-")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "org"))
    out = ap.parse_args().out
    os.makedirs(out, exist_ok=True)
    tables = {}

    def add(file, header, row):
        tables.setdefault(file, (header, []))[1].append(row)

    # ---- organizations ----
    for oid, name, kind, _, _, _ in ORGS:
        add("nodes_Organization.csv", ["id:ID", "name", "kind"], [oid, name, kind])
    add("rels_PART_OF.csv", [":START_ID", ":END_ID"], [1002, 1001])

    # ---- people ----
    people = []  # dicts
    used_names = set()
    pid = 0
    for oid, oname, _, mail, locs, size in ORGS:
        for _ in range(size):
            pid += 1
            while True:
                first, last = R.choice(FIRST), R.choice(LAST)
                if (first, last) not in used_names:
                    break
            used_names.add((first, last))
            title, fams, senior = R.choice(TITLES[oid])
            joined_year = R.randint(2001, 2016) if senior == 3 else R.randint(2008, 2024)
            people.append(dict(id=pid, name=f"{first} {last}", email=f"{first}.{last}@{mail}".lower(),
                               title=title, org=oid, oname=oname, loc=R.choice(locs), joined=date(joined_year),
                               fams=fams, senior=senior, until="", comms=[]))
    # People who left (past) and the one who is leaving (future date).
    for p in R.sample([p for p in people if p["senior"] < 3], 14):
        p["until"] = date(R.randint(2023, 2025), R.randint(1, 5))
    by_fam = {}
    for p in people:
        for f in p["fams"]:
            by_fam.setdefault(f, []).append(p)

    # ---- domains ----
    for name, desc, _ in DOMAINS:
        add("nodes_Domain.csv", ["id:ID", "name", "description"], [DOM_ID[name], name, desc])

    # ---- communities and membership ----
    silo = "Radiology AI Study Group"
    for cname, kind, purpose, founded, home, focus, styles, fams, orgs in COMMUNITIES:
        cid = COMM_ID[cname]
        add("nodes_Community.csv", ["id:ID", "name", "kind", "purpose", "founded:date"], [cid, cname, kind, purpose, founded])
        add("rels_PART_OF.csv", [":START_ID", ":END_ID"], [cid, home])
        for d in focus:
            add("rels_FOCUSES_ON.csv", [":START_ID", ":END_ID"], [cid, DOM_ID[d]])
    for a, b, kind in LINKS:
        add("rels_LINKED_TO.csv", [":START_ID", ":END_ID", "kind"], [COMM_ID[a], COMM_ID[b], kind])

    def join(p, cname, role):
        if cname in p["comms"]:
            return
        p["comms"].append(cname)
        founded = next(c[3] for c in COMMUNITIES if c[0] == cname)
        since_year = max(int(founded[:4]), int(p["joined"][:4]))
        since = date(R.randint(since_year, 2025) if since_year < 2025 else 2025, R.randint(1, 6))
        until = p["until"] or (date(2024, R.randint(6, 12)) if R.random() < 0.04 else "")
        add("rels_MEMBER_OF.csv", [":START_ID", ":END_ID", "role", "since:date", "until:date"],
            [p["id"], COMM_ID[cname], role, since, until])

    radiology = [p for p in people if "radiology" in p["fams"]]
    for p in radiology:  # the silo: radiology people belong to this community only
        join(p, silo, "core" if p["senior"] == 3 else R.choice(["active", "peripheral"]))
    for cname, kind, _, _, home, _, _, fams, orgs in COMMUNITIES:
        if cname == silo:
            continue
        pool = [p for p in people if p["org"] in orgs and set(p["fams"]) & fams and p not in radiology]
        for p in pool:
            if len(p["comms"]) >= 3 or R.random() > 0.55:
                continue
            u = R.random()
            join(p, cname, "core" if u < 0.12 else "active" if u < 0.45 else "peripheral")
    # Brokers: a few informaticists and architects span four communities across organizations.
    brokers = [p for p in people if p["title"] in ("nursing informaticist", "integration architect", "solutions architect")][:5]
    for p in brokers:
        for cname in ["Clinical Informatics Forum", "FHIR Integration Working Group", "Patient Safety Network", "Data and ML Community"]:
            join(p, cname, "active")
    for p in people:  # everyone outside the silo belongs somewhere
        if not p["comms"]:
            fam_comms = [c[0] for c in COMMUNITIES if set(p["fams"]) & c[7] and p["org"] in c[8] and c[0] != silo] or \
                [c[0] for c in COMMUNITIES if p["org"] in c[8] and c[0] != silo]
            join(p, R.choice(fam_comms), "peripheral")

    # Spanners: security and UX people also take part in the platform and informatics communities,
    # so that the radiology group stays the only silo.
    for cname, other in [("Security Champions", "Platform Engineering Guild"),
                         ("UX and Accessibility Chapter", "Clinical Informatics Forum")]:
        for p in [p for p in people if cname in p["comms"]][:3]:
            join(p, other, "peripheral")

    # Leaders: a senior, current member of the community (one community each), with its style.
    leaders = set()
    for cname, *_rest in COMMUNITIES:
        styles = _rest[5]
        members = [p for p in people if cname in p["comms"] and not p["until"] and p["id"] not in leaders]
        members.sort(key=lambda p: (-p["senior"], p["joined"]))
        for i, style in enumerate(styles):
            leaders.add(members[i]["id"])
            add("rels_LEADS.csv", [":START_ID", ":END_ID", "style"], [members[i]["id"], COMM_ID[cname], style])

    # ---- expertise ----
    experts = {d[0]: [] for d in DOMAINS}
    fam_domains = {}
    for name, _, fam in DOMAINS:
        fam_domains.setdefault(fam, []).append(name)
    leaving = None
    for p in people:
        doms = sorted({d for f in p["fams"] for d in fam_domains.get(f, [])})
        for d in R.sample(doms, min(len(doms), R.randint(1, 3))):
            if d == "hl7 v2 interfaces":
                continue  # planted below
            level = min(5, max(1, p["senior"] + R.choice([0, 0, 1, 1, 2]) - (0 if p["senior"] > 1 else 0)))
            experts[d].append((p, level))
            add("rels_EXPERT_IN.csv", [":START_ID", ":END_ID", "level:int", "since:date"],
                [p["id"], DOM_ID[d], level, date(max(int(p["joined"][:4]), 2010))])
        others = [d[0] for d in DOMAINS if d[0] not in doms]
        for d in R.sample(others, R.randint(0, 2)):
            add("rels_INTERESTED_IN.csv", [":START_ID", ":END_ID"], [p["id"], DOM_ID[d]])
    # Knowledge at risk: the only senior expert of the HL7 v2 interface engine is leaving.
    leaving = next(p for p in people if p["title"] == "integration architect" and not p["until"])
    leaving["until"] = "2026-03-31"
    add("rels_EXPERT_IN.csv", [":START_ID", ":END_ID", "level:int", "since:date"],
        [leaving["id"], DOM_ID["hl7 v2 interfaces"], 5, "2009-04-01"])
    experts["hl7 v2 interfaces"].append((leaving, 5))
    for p in R.sample([p for p in people if "informatics" in p["fams"] and p is not leaving], 3):
        add("rels_EXPERT_IN.csv", [":START_ID", ":END_ID", "level:int", "since:date"],
            [p["id"], DOM_ID["hl7 v2 interfaces"], R.choice([1, 2]), date(2022)])
        experts["hl7 v2 interfaces"].append((p, 2))

    for p in people:
        add("nodes_Person.csv", ["id:ID", "name", "email", "title", "org", "location", "joined:date"],
            [p["id"], p["name"], p["email"], p["title"], p["oname"], p["loc"], p["joined"]])
        add("rels_WORKS_AT.csv", [":START_ID", ":END_ID", "since:date", "until:date"],
            [p["id"], p["org"], p["joined"], p["until"]])

    # ---- KNOWS (trust) and MENTORS ----
    members_of = {c[0]: [p for p in people if c[0] in p["comms"]] for c in COMMUNITIES}
    seen = set()
    for p in people:
        for _ in range(R.randint(2, 7)):
            pool = members_of[R.choice(p["comms"])] if p["comms"] and R.random() < 0.7 else \
                [q for q in people if q["org"] == p["org"]]
            q = R.choice(pool)
            if q is p or (p["id"], q["id"]) in seen:
                continue
            seen.add((p["id"], q["id"]))
            add("rels_KNOWS.csv", [":START_ID", ":END_ID", "strength:float"], [p["id"], q["id"], round(R.uniform(0.2, 1.0), 2)])
    mentored = set()
    for d, ex in sorted(experts.items()):
        seniors = [p for p, lvl in ex if lvl >= 4 and not p["until"]]
        juniors = [p for p, lvl in ex if lvl <= 2 and not p["until"]]
        for s in seniors[:2]:
            for j in R.sample(juniors, min(len(juniors), 2)):
                if j is s or (s["id"], j["id"]) in mentored:
                    continue
                mentored.add((s["id"], j["id"]))
                add("rels_MENTORS.csv", [":START_ID", ":END_ID", "domain", "since:date"], [s["id"], j["id"], d, date(R.randint(2019, 2025))])

    # ---- practices ----
    pid_prac = 4000
    left = [p for p in people if p["until"] and p["until"] < TODAY]
    titles = set()
    k = -1
    while pid_prac < 4150:
        k += 1
        d = DOMAINS[k % len(DOMAINS)][0] if k < 120 else R.choice(DOMAINS)[0]
        kind = ["best-practice", "lesson-learned", "case-study", "guide"][k % 4]
        title = R.choice(PRACTICE_TPL[kind]).format(d=d)
        if title in titles:
            continue
        titles.add(title)
        pid_prac += 1
        year = R.randint(2012, 2025)
        add("nodes_Practice.csv", ["id:ID", "title", "kind", "created:date", "url"],
            [pid_prac, title, kind, date(year), f"https://wiki.meridian.example/practices/{slug(title)}"])
        add("rels_ABOUT.csv", [":START_ID", ":END_ID"], [pid_prac, DOM_ID[d]])
        orphan = k % 19 == 7  # a few practices whose authors all left and nobody applied
        authors = R.sample(left, 1) if orphan else [p for p, _ in R.sample(experts[d], min(2, len(experts[d])))] or [R.choice(people)]
        for a in authors:
            add("rels_AUTHORED.csv", [":START_ID", ":END_ID", "date:date"], [a["id"], pid_prac, date(year)])
        if not orphan:
            interested = [p for p in people if any(c in p["comms"] for c in COMM_ID) and p not in authors]
            for q in R.sample(interested, R.randint(0, 4)):
                add("rels_APPLIED.csv", [":START_ID", ":END_ID", "date:date"], [q["id"], pid_prac, date(min(2025, year + 1))])

    # ---- events ----
    kinds = ["workshop", "meetup", "webinar"]
    eid = 5000
    for i, (cname, *_x) in enumerate(COMMUNITIES + COMMUNITIES[:4]):
        eid += 1
        year = 2023 + i % 3
        kind = kinds[i % 3]
        name = f"{cname} {kind} {year}" if i < len(COMMUNITIES) else f"{cname} annual summit {year}"
        add("nodes_Event.csv", ["id:ID", "name", "kind", "date:date"], [eid, name, kind, date(year)])
        add("rels_HOSTED.csv", [":START_ID", ":END_ID"], [COMM_ID[cname], eid])
        pool = members_of[cname]
        for p in R.sample(pool, min(len(pool), R.randint(5, 18))):
            add("rels_ATTENDED.csv", [":START_ID", ":END_ID"], [p["id"], eid])

    for file, (header, rows) in sorted(tables.items()):
        with open(os.path.join(out, file), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
    print(f"wrote {len(tables)} files to {out}: {len(people)} people")


if __name__ == "__main__":
    main()
