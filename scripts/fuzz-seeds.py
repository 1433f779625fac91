#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/.

Query seeds come from the openCypher TCK feature files (../shared/tck) and the
query case files (tests/query_cases/cases); CSV seeds from examples/org plus a
few hand-written edge cases; codec and map seeds are short fixed-seed random
byte strings. Deterministic: running it twice writes the same files.

Usage: scripts/fuzz-seeds.py [--tck DIR]   (from the project root)
"""
import argparse
import hashlib
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def tck_queries(tck_dir):
    for feature in sorted(tck_dir.rglob("*.feature")):
        text = feature.read_text(encoding="utf-8")
        for block in re.findall(r'"""\n(.*?)\n\s*"""', text, re.S):
            query = "\n".join(line.strip() for line in block.splitlines())
            if query.lstrip().upper().startswith(("MATCH", "RETURN", "CREATE", "WITH", "UNWIND",
                                                  "OPTIONAL", "MERGE", "CALL")):
                yield query


def case_queries():
    for case_file in sorted((ROOT / "tests" / "query_cases" / "cases").glob("*.test")):
        for line in case_file.read_text(encoding="utf-8").splitlines():
            if line.startswith("-STATEMENT "):
                yield line[len("-STATEMENT "):]


def write(target, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def query_seeds(tck_dir):
    queries = sorted(set(q for q in tck_queries(tck_dir) if len(q) < 600))
    # Every 12th TCK query keeps the corpus small but spread over all features.
    picked = queries[::12] + sorted(set(case_queries()))
    for q in picked:
        write("parser", q)
        write("query", q)


def csv_seeds():
    org = ROOT / "examples" / "org"
    people = (org / "nodes_Person.csv").read_text(encoding="utf-8").splitlines()[:4]
    knows = (org / "rels_KNOWS.csv").read_text(encoding="utf-8").splitlines()[:3]
    sep = "\n--- relationships ---\n"
    write("csv_import", "\n".join(people) + "\n")
    write("csv_import", "\n".join(people) + sep + "\n".join(knows) + "\n")
    write("csv_import", "id:ID,name,:LABEL,level:int,tags:string[]\n"
          "a,\"Quoted, with comma\",Person;Expert,3,x;y\nb,\"multi\nline\",Domain,,\n"
          + sep + ":START_ID,:END_ID,:TYPE,since:date\na,b,EXPERT_IN,2024-02-29\n")
    write("csv_import", "id:ID,name\n1,\"unterminated\n")
    write("csv_import", "id:ID,n:float,b:boolean\r\n1,1e308,true\r\n2,nan,maybe\r\n")
    write("csv_import", b"\xef\xbb\xbfid:ID,name\n1,caf\xc3\xa9\n2,\xff\xfe\n")


def byte_seeds():
    rng = random.Random(8)
    for target in ("value_codec", "key_codec", "map_model"):
        for n in (1, 8, 24, 64, 200):
            write(target, bytes(rng.randrange(256) for _ in range(n)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tck", default=str(ROOT.parent / "shared" / "tck" / "features"))
    args = parser.parse_args()
    query_seeds(pathlib.Path(args.tck))
    csv_seeds()
    byte_seeds()


if __name__ == "__main__":
    main()
