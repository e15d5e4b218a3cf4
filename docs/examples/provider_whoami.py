#!/usr/bin/env python3
"""Calls the platform's provider API as a provider system: WhoAmI through the gateway's gRPC listener.

1. Obtains an access token with the client-credentials grant from the identity provider.
2. Calls platform.provider.v1.ProviderIdentity/WhoAmI over gRPC (cleartext HTTP/2 on a local run)
   with the token in the "authorization" metadata.

Needs grpcio, protobuf and grpcio-tools (Debian: python3-grpcio python3-protobuf python3-grpc-tools;
elsewhere: pip install grpcio grpcio-tools). Client stubs are generated from the contract's .proto
file on first use, into a temporary folder; a real integration generates them once at build time.

Example (local run; the addresses are "identity" and "gatewayGrpc" in .local/run/platform.json):
  /usr/bin/python3 docs/examples/provider_whoami.py \
      --identity http://127.0.0.1:8180 --target http://127.0.0.1:5081 \
      --client-id provider-tom-in-de-buurt --client-secret provider-tom-in-de-buurt-dev-secret
"""
import argparse
import base64
import json
import os
import sys
import tempfile
import urllib.parse
import urllib.request

import grpc

HERE = os.path.dirname(os.path.abspath(__file__))
CONTRACT = os.path.join(HERE, "..", "..", "src", "Platform.Provider.Contracts", "Protos", "platform", "provider", "v1")


def load_stubs(proto_dir):
    """Generates and imports the stubs of provider_identity.proto.

    The file is compiled from its own folder on purpose: its package path starts with "platform",
    which is also the name of a Python standard module, so a "platform/provider/v1" package tree
    would be shadowed.
    """
    from grpc_tools import protoc

    out = tempfile.mkdtemp(prefix="provider-stubs-")
    result = protoc.main(["protoc", f"-I{proto_dir}", f"--python_out={out}", f"--grpc_python_out={out}", "provider_identity.proto"])
    if result != 0:
        raise SystemExit(f"protoc failed ({result}) for {proto_dir}/provider_identity.proto")
    sys.path.insert(0, out)
    import provider_identity_pb2
    import provider_identity_pb2_grpc

    return provider_identity_pb2, provider_identity_pb2_grpc


def client_credentials_token(identity_base, client_id, client_secret, realm="platform"):
    """POST <identity>/realms/<realm>/protocol/openid-connect/token with grant_type=client_credentials."""
    url = f"{identity_base.rstrip('/')}/realms/{realm}/protocol/openid-connect/token"
    body = urllib.parse.urlencode({"grant_type": "client_credentials"}).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    basic = base64.b64encode(f"{urllib.parse.quote(client_id)}:{urllib.parse.quote(client_secret)}".encode()).decode()
    request.add_header("Authorization", f"Basic {basic}")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["access_token"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True, help="the gateway's gRPC listener: host:port, or its http:// address")
    parser.add_argument("--identity", help="identity provider base address, e.g. http://127.0.0.1:8180")
    parser.add_argument("--client-id", default="provider-tom-in-de-buurt")
    parser.add_argument("--client-secret", default=os.environ.get("PROVIDER_CLIENT_SECRET"))
    parser.add_argument("--token", help="use this access token instead of fetching one")
    parser.add_argument("--proto-dir", default=CONTRACT)
    args = parser.parse_args()

    token = args.token or client_credentials_token(args.identity, args.client_id, args.client_secret)
    messages, services = load_stubs(os.path.abspath(args.proto_dir))

    # Cleartext HTTP/2 on a local run; in production: grpc.secure_channel(target, grpc.ssl_channel_credentials()).
    # grpcio takes host:port; platform.json gives the listener as a URL.
    target = urllib.parse.urlsplit(args.target).netloc if "://" in args.target else args.target
    with grpc.insecure_channel(target) as channel:
        stub = services.ProviderIdentityStub(channel)
        try:
            me = stub.WhoAmI(messages.WhoAmIRequest(), metadata=[("authorization", f"Bearer {token}")], timeout=10)
        except grpc.RpcError as error:
            print(f"WhoAmI failed: {error.code().name}: {error.details()}", file=sys.stderr)
            return 1

    print(json.dumps({
        "provider_id": me.provider_id,
        "provider_name": me.provider_name,
        "client_id": me.client_id,
        "roles": list(me.roles),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
