#!/usr/bin/python3
"""A copmap gRPC client in Python, using Debian's python3-grpcio.

It checks the server's health, runs one query and prints the result as JSON
lines: {"health": ...}, {"columns": [...]}, one {"row": [...]} per row, then
{"summary": {...}}. On a failed query it prints {"error": {...}} and exits 1.

    /usr/bin/python3 copmap_client.py --target 127.0.0.1:7688 --token "$TOKEN" \
        --query 'MATCH (p:Person)-[:EXPERT_IN]->(d:Domain {name: $d}) RETURN p.name' \
        --param d=kubernetes

The Python stubs are generated from proto/copmap.proto on first use with
protoc and grpc_python_plugin (Debian: protobuf-compiler, protobuf-compiler-grpc)
into --stubs-dir (default: a folder under ~/.cache/copmap named after the
.proto's hash, so a changed .proto gets fresh stubs); nothing is downloaded. Use /usr/bin/python3: Debian's grpcio
is installed for the system Python only.
"""

import argparse
import datetime
import hashlib
import importlib
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROTO_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "..", "proto"))
HEALTH_PROTO_DIR = "/usr/share/grpc-proto/grpc/health/v1"  # Debian package grpc-proto


def generate_stubs(stubs_dir, proto_dir, protoc, plugin):
    """Writes copmap_pb2*.py and health_pb2*.py into stubs_dir (once)."""
    if os.path.exists(os.path.join(stubs_dir, "copmap_pb2_grpc.py")):
        return
    os.makedirs(stubs_dir, exist_ok=True)
    for include, proto in ((proto_dir, "copmap.proto"), (HEALTH_PROTO_DIR, "health.proto")):
        subprocess.run(
            [protoc, "-I", include, "--python_out=" + stubs_dir,
             "--grpc_python_out=" + stubs_dir,
             "--plugin=protoc-gen-grpc_python=" + plugin, os.path.join(include, proto)],
            check=True)


def default_stubs_dir(proto_dir):
    """~/.cache/copmap/python-stubs-<hash of copmap.proto> (or $XDG_CACHE_HOME)."""
    with open(os.path.join(proto_dir, "copmap.proto"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "copmap", "python-stubs-" + digest)


def parse_param(text):
    """name=value; the value is an int, a float, true/false/null, or a string."""
    name, _, raw = text.partition("=")
    for convert in (int, float):
        try:
            return name, convert(raw)
        except ValueError:
            pass
    return name, {"true": True, "false": False, "null": None}.get(raw, raw)


def to_value(pb, value):
    """A Python value as a copmap.v1.Value."""
    out = pb.Value()
    if value is None:
        out.null_value.SetInParent()
    elif isinstance(value, bool):
        out.bool_value = value
    elif isinstance(value, int):
        out.int_value = value
    elif isinstance(value, float):
        out.float_value = value
    elif isinstance(value, str):
        out.string_value = value
    elif isinstance(value, list):
        out.list_value.values.extend(to_value(pb, v) for v in value)
    elif isinstance(value, dict):
        for key, v in value.items():
            out.map_value.entries.add(key=key, value=to_value(pb, v))
    else:
        raise TypeError("cannot send %r" % (value,))
    return out


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def from_map(m):
    return {e.key: from_value(e.value) for e in m.entries}


def from_node(n):
    return {"id": n.id, "labels": list(n.labels), "properties": from_map(n.properties)}


def from_rel(r):
    return {"id": r.id, "type": r.type, "start": r.start, "end": r.end,
            "properties": from_map(r.properties)}


def from_value(v):
    """A copmap.v1.Value as plain JSON-able Python."""
    kind = v.WhichOneof("kind")
    if kind in (None, "null_value"):
        return None
    if kind in ("bool_value", "int_value", "float_value", "string_value"):
        return getattr(v, kind)
    if kind == "date_value":
        return (EPOCH + datetime.timedelta(days=v.date_value.days)).date().isoformat()
    if kind == "datetime_value":
        t = EPOCH + datetime.timedelta(microseconds=v.datetime_value.micros)
        return t.isoformat().replace("+00:00", "Z")
    if kind == "list_value":
        return [from_value(x) for x in v.list_value.values]
    if kind == "map_value":
        return from_map(v.map_value)
    if kind == "node_value":
        return from_node(v.node_value)
    if kind == "relationship_value":
        return from_rel(v.relationship_value)
    if kind == "path_value":
        return {"nodes": [from_node(n) for n in v.path_value.nodes],
                "relationships": [from_rel(r) for r in v.path_value.relationships]}
    raise ValueError("unknown value kind " + kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", required=True, help="host:port of the copmap server")
    parser.add_argument("--token", default="", help="bearer token (role reader or higher)")
    parser.add_argument("--query", required=True)
    parser.add_argument("--param", action="append", default=[], help="name=value, repeatable")
    parser.add_argument("--tls-ca", default="", help="CA certificate (PEM) for a TLS server")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds")
    parser.add_argument("--stubs-dir", default="", help="where the generated stubs go")
    parser.add_argument("--proto-dir", default=DEFAULT_PROTO_DIR)
    parser.add_argument("--protoc", default=shutil.which("protoc") or "/usr/bin/protoc")
    parser.add_argument("--grpc-python-plugin",
                        default=shutil.which("grpc_python_plugin") or "/usr/bin/grpc_python_plugin")
    args = parser.parse_args()

    stubs_dir = args.stubs_dir or default_stubs_dir(args.proto_dir)
    generate_stubs(stubs_dir, args.proto_dir, args.protoc, args.grpc_python_plugin)
    sys.path.insert(0, stubs_dir)
    import grpc  # Debian: python3-grpcio
    pb = importlib.import_module("copmap_pb2")
    pb_grpc = importlib.import_module("copmap_pb2_grpc")
    health_pb = importlib.import_module("health_pb2")
    health_grpc = importlib.import_module("health_pb2_grpc")

    if args.tls_ca:
        with open(args.tls_ca, "rb") as f:
            channel = grpc.secure_channel(args.target, grpc.ssl_channel_credentials(f.read()))
    else:
        channel = grpc.insecure_channel(args.target)

    # Health needs no token.
    health = health_grpc.HealthStub(channel).Check(
        health_pb.HealthCheckRequest(service="copmap.v1.Copmap"), timeout=args.timeout)
    print(json.dumps({"health": health_pb.HealthCheckResponse.ServingStatus.Name(health.status)}))

    request = pb.QueryRequest(query=args.query)
    for name, value in map(parse_param, args.param):
        request.parameters.entries.add(key=name, value=to_value(pb, value))
    metadata = [("authorization", "Bearer " + args.token)] if args.token else []
    try:
        for message in pb_grpc.CopmapStub(channel).Query(request, metadata=metadata,
                                                          timeout=args.timeout):
            if message.HasField("header"):
                print(json.dumps({"columns": list(message.header.columns)}))
            for row in message.rows:
                print(json.dumps({"row": [from_value(v) for v in row.values]}))
            if message.HasField("summary"):
                s = message.summary
                counters = {f.name: getattr(s.counters, f.name)
                            for f in s.counters.DESCRIPTOR.fields}
                print(json.dumps({"summary": {"rows": s.row_count,
                                              "elapsed_micros": s.elapsed_micros,
                                              "counters": counters}}))
    except grpc.RpcError as error:
        print(json.dumps({"error": {"code": error.code().name, "message": error.details()}}))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
