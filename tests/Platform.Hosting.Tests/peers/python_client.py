"""A generic gRPC client on python grpcio (gRPC C-core), driven by a JSON spec on stdin.

Message classes are built at run time from serialized FileDescriptorProtos, so no code
generation is needed. Prints one JSON result per call on stdout.
"""
import base64
import json
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory


def load_pool(paths):
    pool = descriptor_pool.DescriptorPool()
    # Well-known imports first (any.proto for google.rpc.Status), then the files that need them.
    files = [descriptor_pb2.FileDescriptorProto.FromString(open(p, "rb").read()) for p in paths]
    added = set()
    while len(added) < len(files):
        progress = False
        for proto in files:
            if proto.name in added:
                continue
            if all(dep in added or not any(f.name == dep for f in files) for dep in proto.dependency):
                pool.Add(proto)
                added.add(proto.name)
                progress = True
        if not progress:
            raise SystemExit("unresolvable descriptor dependencies")
    return pool


def message_class(pool, name):
    descriptor = pool.FindMessageTypeByName(name)
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


def metadata_out(items):
    result = []
    for key, value in items or []:
        result.append([key, base64.b64encode(value).decode() if key.endswith("-bin") else value])
    return result


def run_call(channel, pool, call):
    request_type = message_class(pool, call["request_type"])
    response_type = message_class(pool, call["response_type"])
    serialize = request_type.SerializeToString
    deserialize = response_type.FromString
    metadata = [(k, v) for k, v in call.get("metadata", [])]
    metadata += [(k, base64.b64decode(v)) for k, v in call.get("binary_metadata", [])]
    if call.get("token"):
        metadata.append(("authorization", "Bearer " + call["token"]))
    kwargs = {"metadata": metadata or None, "timeout": call.get("timeout")}
    if call.get("compression") == "gzip":
        kwargs["compression"] = grpc.Compression.Gzip
    requests = [json_format.ParseDict(r, request_type()) for r in call.get("requests", [{}])]
    kind = call.get("type", "unary")
    to_dict = lambda m: json_format.MessageToDict(m, preserving_proto_field_name=True)
    try:
        if kind == "unary":
            response, rpc = channel.unary_unary(call["method"], serialize, deserialize).with_call(requests[0], **kwargs)
            responses = [response]
        elif kind == "client_stream":
            response, rpc = channel.stream_unary(call["method"], serialize, deserialize).with_call(iter(requests), **kwargs)
            responses = [response]
        elif kind == "server_stream":
            rpc = channel.unary_stream(call["method"], serialize, deserialize)(requests[0], **kwargs)
            responses = list(rpc)
        else:
            rpc = channel.stream_stream(call["method"], serialize, deserialize)(iter(requests), **kwargs)
            responses = list(rpc)
        return {
            "ok": True,
            "responses": [to_dict(r) for r in responses],
            "initial_metadata": metadata_out(rpc.initial_metadata()),
            "trailing_metadata": metadata_out(rpc.trailing_metadata()),
        }
    except grpc.RpcError as error:
        return {
            "ok": False,
            "code": error.code().name,
            "details": error.details(),
            "trailing_metadata": metadata_out(error.trailing_metadata()),
        }


def main():
    spec = json.load(sys.stdin)
    pool = load_pool(spec.get("descriptors", []))
    with grpc.insecure_channel(spec["target"]) as channel:
        results = [run_call(channel, pool, call) for call in spec["calls"]]
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
