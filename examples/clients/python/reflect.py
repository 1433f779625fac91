#!/usr/bin/python3
"""Uses a copmap server the way grpcurl does: through server reflection only.

Lists the services with reflection v1 and v1alpha, fetches the descriptors of
copmap.v1.Copmap from the server (no copmap .proto needed) and calls Stats with
messages built from them. Prints JSON lines:
  {"v1": [services...]}, {"v1alpha": [services...]}, {"stats": {...}}

Only Debian packages: python3-grpcio, python3-protobuf, protobuf-compiler,
protobuf-compiler-grpc and grpc-proto (for the reflection protocol itself).
"""

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

REFLECTION_PROTOS = "/usr/share/grpc-proto/grpc/reflection"  # Debian package grpc-proto


def reflection_module(stubs_dir, version, protoc, plugin):
    """The generated reflection_<version>_pb2(_grpc) modules (generated once).

    The .proto is copied under a flat name: generating it as grpc/reflection/...
    would shadow grpcio's own `grpc` package.
    """
    name = "reflection_" + version
    if not os.path.exists(os.path.join(stubs_dir, name + "_pb2_grpc.py")):
        os.makedirs(stubs_dir, exist_ok=True)
        shutil.copy(os.path.join(REFLECTION_PROTOS, version, "reflection.proto"),
                    os.path.join(stubs_dir, name + ".proto"))
        subprocess.run([protoc, "-I", stubs_dir, "--python_out=" + stubs_dir,
                        "--grpc_python_out=" + stubs_dir,
                        "--plugin=protoc-gen-grpc_python=" + plugin, name + ".proto"], check=True)
    if stubs_dir not in sys.path:
        sys.path.insert(0, stubs_dir)
    return importlib.import_module(name + "_pb2"), importlib.import_module(name + "_pb2_grpc")


def ask(stub, pb, timeout, **request):
    """One request on the bidirectional reflection stream; its one response."""
    return next(stub.ServerReflectionInfo(iter([pb.ServerReflectionRequest(**request)]),
                                          timeout=timeout))


def load_descriptors(stub, pb, timeout, symbol):
    """A descriptor pool holding the file that defines `symbol` and its imports."""
    pool = descriptor_pool.DescriptorPool()
    files = {}
    pending = [ask(stub, pb, timeout, file_containing_symbol=symbol)]
    while pending:
        for raw in pending.pop().file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
            files.setdefault(proto.name, proto)
            for dependency in proto.dependency:
                if dependency not in files:
                    pending.append(ask(stub, pb, timeout, file_by_filename=dependency))
    added = set()
    while len(added) < len(files):  # imports before the files that use them
        for name, proto in files.items():
            if name not in added and all(d in added for d in proto.dependency):
                pool.Add(proto)
                added.add(name)
    return pool


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", required=True, help="host:port of the copmap server")
    parser.add_argument("--token", default="", help="bearer token (role reader or higher)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds")
    parser.add_argument("--stubs-dir", default=os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "_generated"))
    parser.add_argument("--protoc", default=shutil.which("protoc") or "/usr/bin/protoc")
    parser.add_argument("--grpc-python-plugin",
                        default=shutil.which("grpc_python_plugin") or "/usr/bin/grpc_python_plugin")
    args = parser.parse_args()

    channel = grpc.insecure_channel(args.target)
    pool = None
    for version in ("v1", "v1alpha"):
        pb, pb_grpc = reflection_module(args.stubs_dir, version, args.protoc,
                                        args.grpc_python_plugin)
        stub = pb_grpc.ServerReflectionStub(channel)
        listed = ask(stub, pb, args.timeout, list_services="*")
        print(json.dumps({version: sorted(s.name for s in listed.list_services_response.service)}))
        if pool is None:
            pool = load_descriptors(stub, pb, args.timeout, "copmap.v1.Copmap")

    method = pool.FindServiceByName("copmap.v1.Copmap").methods_by_name["Stats"]
    factory = message_factory.MessageFactory(pool)  # protobuf 4.21 (Debian 12)
    request_class = factory.GetPrototype(method.input_type)
    response_class = factory.GetPrototype(method.output_type)
    stats = channel.unary_unary("/copmap.v1.Copmap/Stats",
                                request_serializer=request_class.SerializeToString,
                                response_deserializer=response_class.FromString)
    metadata = [("authorization", "Bearer " + args.token)] if args.token else []
    try:
        response = stats(request_class(), timeout=args.timeout, metadata=metadata)
    except grpc.RpcError as error:
        print(json.dumps({"error": {"code": error.code().name, "message": error.details()}}))
        return 1
    fields = json_format.MessageToDict(response, preserving_proto_field_name=True)
    fields.pop("disk_bytes", None)  # varies from run to run
    print(json.dumps({"stats": fields}, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
