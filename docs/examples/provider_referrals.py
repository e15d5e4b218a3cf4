#!/usr/bin/env python3
"""Every call of the provider API once, changing nothing: health, populations, contracts, results, referrals.

1. Obtains an access token with the client-credentials grant.
2. Asks grpc.health.v1.Health/Check for the gateway (no token needed).
3. Lists the provider's populations (ProviderPopulations/ListMyPopulations) and contracts
   (ProviderContracts/ListMyContracts), and its results of --period (ProviderOutcomes/GetMyResults).
4. Sends the batch of referrals in --referrals (protobuf JSON) to ProviderReferrals/SubmitReferrals with
   validate_only, and prints per item what would be accepted or refused.
5. Sends an empty batch on purpose and decodes the INVALID_ARGUMENT answer's "grpc-status-details-bin"
   (google.rpc.Status with a google.rpc.BadRequest) into its field violations.
6. Updates the status of a referral the provider never sent (ProviderReferrals/UpdateReferralStatus): NOT_FOUND.

No generated Python modules: a current protoc compiles the contract into a descriptor set, and the message
classes are built from it at run time. That works with Debian's python3-protobuf (4.21) as with pip's, and
avoids both the proto3 "optional" fields Debian's old protoc rejects and the stdlib module "platform"
shadowing a generated "platform" package. The protoc is the first that works of: --protoc, pip's grpcio-tools,
and the one the .NET build restored (Grpc.Tools in the NuGet cache).

Example (local run; the addresses are "tokenEndpoint" and "gatewayGrpc" in .local/run/platform.json):
  /usr/bin/python3 docs/examples/provider_referrals.py \\
      --token-endpoint http://127.0.0.1:8180/realms/platform/protocol/openid-connect/token \\
      --target http://127.0.0.1:5081 --client-id provider-tom-in-de-buurt \\
      --client-secret provider-tom-in-de-buurt-dev-secret --referrals docs/examples/referrals-check.json
"""
import argparse
import base64
import glob
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

HERE = os.path.dirname(os.path.abspath(__file__))
PROTOS = os.path.join(HERE, "..", "..", "src", "Platform.Provider.Contracts", "Protos")
CONTRACT = ["platform/provider/v1/provider_populations.proto", "platform/provider/v1/provider_referrals.proto",
            "platform/provider/v1/provider_contracts.proto", "platform/provider/v1/provider_outcomes.proto"]


def protoc_candidates(explicit):
    if explicit:
        yield [explicit]
    yield [sys.executable, "-m", "grpc_tools.protoc"]
    home = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
    for path in sorted(glob.glob(os.path.join(home, "grpc.tools", "*", "tools", "linux_x64", "protoc")), reverse=True):
        yield [path]


def descriptor_set(explicit_protoc):
    """Compiles the contract and the error model into one FileDescriptorSet with the first protoc that can."""
    out = os.path.join(tempfile.mkdtemp(prefix="provider-contract-"), "contract.pb")
    arguments = [f"-I{PROTOS}", f"-I{os.path.join(HERE, 'proto')}", "--include_imports", f"--descriptor_set_out={out}",
                 *CONTRACT, "error_details.proto", "health.proto"]
    for protoc in protoc_candidates(explicit_protoc):
        # pip's grpc_tools finds google/protobuf/*.proto itself; a bare protoc finds them beside its own folder.
        include = os.path.join(os.path.dirname(protoc[0]), "..", "..", "build", "native", "include")
        extra = [f"-I{include}"] if os.path.isdir(include) else []
        try:
            result = subprocess.run([*protoc, *extra, *arguments], capture_output=True, text=True)
        except OSError:
            continue
        if result.returncode == 0:
            files = descriptor_pb2.FileDescriptorSet()
            with open(out, "rb") as data:
                files.ParseFromString(data.read())
            return files
    raise SystemExit("No current protoc found: pip install grpcio-tools, or pass --protoc <path to protoc 3.15 or later>.")


class Messages:
    """Message classes by full name, built from the descriptor set."""

    def __init__(self, files):
        self.pool = descriptor_pool.DescriptorPool()
        for file in files.file:
            self.pool.Add(file)
        self._factory = None if hasattr(message_factory, "GetMessageClass") else message_factory.MessageFactory(self.pool)

    def __getitem__(self, full_name):
        descriptor = self.pool.FindMessageTypeByName(full_name)
        if self._factory is None:
            return message_factory.GetMessageClass(descriptor)
        return self._factory.GetPrototype(descriptor)


def unary(channel, method, request, response_class, token):
    call = channel.unary_unary(method, request_serializer=lambda m: m.SerializeToString(), response_deserializer=response_class.FromString)
    metadata = [("authorization", f"Bearer {token}")] if token else None
    return call(request, metadata=metadata, timeout=15)


def field_violations(error, messages):
    """The google.rpc.BadRequest field violations of an INVALID_ARGUMENT answer, from its trailing metadata."""
    details = dict(error.trailing_metadata() or ()).get("grpc-status-details-bin")
    if details is None:
        return []
    status = messages["google.rpc.Status"].FromString(details)
    bad_request = messages["google.rpc.BadRequest"]
    return [(v.field, v.description) for any_detail in status.details
            if any_detail.type_url.endswith("/google.rpc.BadRequest")
            for v in bad_request.FromString(any_detail.value).field_violations]


def client_credentials_token(token_endpoint, client_id, client_secret):
    body = urllib.parse.urlencode({"grant_type": "client_credentials"}).encode()
    request = urllib.request.Request(token_endpoint, data=body, method="POST")
    basic = base64.b64encode(f"{urllib.parse.quote(client_id)}:{urllib.parse.quote(client_secret)}".encode()).decode()
    request.add_header("Authorization", f"Basic {basic}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["access_token"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--token-endpoint", required=True)
    parser.add_argument("--target", required=True, help="the gateway's gRPC listener: host:port, or its http:// address")
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", default=os.environ.get("PROVIDER_CLIENT_SECRET"))
    parser.add_argument("--referrals", required=True, help="a SubmitReferralsRequest in protobuf JSON")
    parser.add_argument("--period", default="2025", help="a year (2025) or a quarter (2025-Q1) for the results")
    parser.add_argument("--protoc", help="a protoc of 3.15 or later")
    args = parser.parse_args()

    messages = Messages(descriptor_set(args.protoc))
    token = client_credentials_token(args.token_endpoint, args.client_id, args.client_secret)
    target = urllib.parse.urlsplit(args.target).netloc if "://" in args.target else args.target
    submit_request = messages["platform.provider.v1.SubmitReferralsRequest"]
    submit_response = messages["platform.provider.v1.SubmitReferralsResponse"]
    report = {}
    # Cleartext HTTP/2 on a local run; in production: grpc.secure_channel(target, grpc.ssl_channel_credentials()).
    with grpc.insecure_channel(target) as channel:
        health = unary(channel, "/grpc.health.v1.Health/Check", messages["grpc.health.v1.HealthCheckRequest"](),
                       messages["grpc.health.v1.HealthCheckResponse"], token=None)
        report["health"] = health.DESCRIPTOR.fields_by_name["status"].enum_type.values_by_number[health.status].name

        populations = unary(channel, "/platform.provider.v1.ProviderPopulations/ListMyPopulations",
                            messages["platform.provider.v1.ListMyPopulationsRequest"](),
                            messages["platform.provider.v1.ListMyPopulationsResponse"], token)
        report["populations"] = [f"{p.name} ({p.municipality})" for p in populations.populations]
        contracts = unary(channel, "/platform.provider.v1.ProviderContracts/ListMyContracts",
                          messages["platform.provider.v1.ListMyContractsRequest"](),
                          messages["platform.provider.v1.ListMyContractsResponse"], token)
        report["contracts"] = len(contracts.contracts)
        results = unary(channel, "/platform.provider.v1.ProviderOutcomes/GetMyResults",
                        messages["platform.provider.v1.GetMyResultsRequest"](period=args.period),
                        messages["platform.provider.v1.GetMyResultsResponse"], token)
        report["results"] = sorted({r.indicator_code for r in results.results})

        with open(args.referrals, encoding="utf-8") as file:
            batch = json_format.Parse(file.read(), submit_request())
        batch.validate_only = True
        checked = unary(channel, "/platform.provider.v1.ProviderReferrals/SubmitReferrals", batch, submit_response, token)
        report["would_accept"] = checked.accepted
        report["refused"] = [{"position": r.position, "violations": [v.field for v in r.violations]} for r in checked.rejected]

        try:
            unary(channel, "/platform.provider.v1.ProviderReferrals/SubmitReferrals", submit_request(validate_only=True), submit_response, token)
        except grpc.RpcError as error:
            report["empty_batch"] = {"status": error.code().name,
                                     "violations": [field for field, _ in field_violations(error, messages)]}

        update = messages["platform.provider.v1.UpdateReferralStatusRequest"](
            referral_id="never-sent-by-this-provider", status=1, date="2025-03-10")
        try:
            unary(channel, "/platform.provider.v1.ProviderReferrals/UpdateReferralStatus", update,
                  messages["platform.provider.v1.UpdateReferralStatusResponse"], token)
        except grpc.RpcError as error:
            report["unknown_referral_update"] = error.code().name
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
