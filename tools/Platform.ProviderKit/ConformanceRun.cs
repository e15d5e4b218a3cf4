using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Platform.Provider.V1;

namespace Platform.ProviderKit;

/// <summary>
/// The checks, in the order a provider system meets them: a token, the gateway's health, who the platform takes the
/// system for, what it is responsible for, and (given a file) whether its referrals would be accepted. Nothing is
/// stored: a batch is sent with validate_only.
/// </summary>
public static class ConformanceRun
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(15);

    public static async Task<KitReport> RunAsync(KitOptions options, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var report = new KitReport(output);
        var token = await TokenAsync(options, report, ct);
        if (token is not null)
        {
            using var channel = GrpcChannel.ForAddress(options.GatewayGrpc);
            var calls = new CallOptions(new Metadata { { "authorization", $"Bearer {token}" } }, cancellationToken: ct);
            await CheckAsync(report, "health", () => HealthAsync(channel, report, ct));
            if (await CheckAsync(report, "identity", () => IdentityAsync(channel, calls, report)))
            {
                await CheckAsync(report, "populations", () => PopulationsAsync(channel, calls, report));
                await CheckAsync(report, "contracts", () => ContractsAsync(channel, calls, report));
                await CheckAsync(report, "referrals", () => ReferralsAsync(channel, calls, options.ReferralsFile, report, ct));
            }
        }

        report.Summarise();
        return report;
    }

    private static async Task<string?> TokenAsync(KitOptions options, KitReport report, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = s_deadline };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(options.ClientId)}:{Uri.EscapeDataString(options.ClientSecret)}")));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                report.Fail("token", $"the token endpoint answered {(int)response.StatusCode}: check the client id and secret the operators gave you.");
                return null;
            }

            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(ct);
            report.Pass("token", $"issued to {options.ClientId}, valid for {answer!.ExpiresIn} s.");
            return answer.AccessToken;
        }
        catch (HttpRequestException error)
        {
            report.Fail("token", $"{options.TokenEndpoint} could not be reached ({error.Message}).");
            return null;
        }
    }

    private static async Task HealthAsync(GrpcChannel channel, KitReport report, CancellationToken ct)
    {
        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + s_deadline, cancellationToken: ct);
        if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
        {
            report.Pass("health", "the gateway's gRPC listener is serving.");
        }
        else
        {
            report.Fail("health", $"the gateway answers {answer.Status}: the deployment is not ready; try again later.");
        }
    }

    private static async Task IdentityAsync(GrpcChannel channel, CallOptions calls, KitReport report)
    {
        var me = await new ProviderIdentity.ProviderIdentityClient(channel).WhoAmIAsync(new WhoAmIRequest(), calls.WithDeadline(DateTime.UtcNow + s_deadline));
        if (me.ProviderId.Length == 0 || !me.Roles.Contains("provider-system"))
        {
            report.Fail("identity", $"the token of {me.ClientId} carries no provider id or no provider-system role: ask the operators to register the client as a provider system.");
            return;
        }

        report.Pass("identity", $"{me.ProviderName} ({me.ProviderId}), client {me.ClientId}.");
    }

    private static async Task PopulationsAsync(GrpcChannel channel, CallOptions calls, KitReport report)
    {
        var answer = await new ProviderPopulations.ProviderPopulationsClient(channel).ListMyPopulationsAsync(new ListMyPopulationsRequest(), calls.WithDeadline(DateTime.UtcNow + s_deadline));
        if (answer.Populations.Count == 0)
        {
            report.Note("populations", "you are responsible for no population yet: referrals and measurements are refused until a municipality records it.");
            return;
        }

        report.Pass("populations", $"responsible for {answer.Populations.Count}: {string.Join("; ", answer.Populations.Select(p => $"{p.Name} ({p.Municipality})"))}.");
    }

    private static async Task ContractsAsync(GrpcChannel channel, CallOptions calls, KitReport report)
    {
        var answer = await new ProviderContracts.ProviderContractsClient(channel).ListMyContractsAsync(new ListMyContractsRequest(), calls.WithDeadline(DateTime.UtcNow + s_deadline));
        report.Pass("contracts", $"{answer.Contracts.Count} contract(s) with you as the contracting party.");
    }

    private static async Task ReferralsAsync(GrpcChannel channel, CallOptions calls, string? file, KitReport report, CancellationToken ct)
    {
        if (file is null)
        {
            report.Note("referrals", "no --referrals file given: your system's referrals were not checked.");
            return;
        }

        SubmitReferralsRequest batch;
        try
        {
            batch = JsonParser.Default.Parse<SubmitReferralsRequest>(await File.ReadAllTextAsync(file, ct));
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidJsonException or IOException)
        {
            report.Fail("referrals", $"{file} is not a SubmitReferralsRequest in protobuf JSON: {error.Message}");
            return;
        }

        batch.ValidateOnly = true;
        var answer = await new ProviderReferrals.ProviderReferralsClient(channel).SubmitReferralsAsync(batch, calls.WithDeadline(DateTime.UtcNow + s_deadline));
        foreach (var rejected in answer.Rejected)
        {
            foreach (var violation in rejected.Violations)
            {
                report.Fail("referrals", $"item {rejected.Position} ({rejected.ReferralId}), {violation.Field}: {violation.Description}");
            }
        }

        if (answer.Rejected.Count == 0)
        {
            report.Pass("referrals", $"all {batch.Referrals.Count} would be accepted ({answer.Duplicates} already stored before); nothing was stored.");
        }
    }

    /// <summary>Runs one check; a refused call becomes a failure that says what to do about its status.</summary>
    private static async Task<bool> CheckAsync(KitReport report, string check, Func<Task> run)
    {
        var failedBefore = report.Failed;
        try
        {
            await run();
        }
        catch (RpcException error)
        {
            report.Fail(check, $"{error.StatusCode}: {error.Status.Detail} {Advice(error.StatusCode)}".TrimEnd());
        }

        return report.Failed == failedBefore;
    }

    private static string Advice(StatusCode status) => status switch
    {
        StatusCode.Unauthenticated => "Request a new token; check that you send it as 'authorization: Bearer <token>'.",
        StatusCode.PermissionDenied => "The client lacks the provider-system role or the right to this call: ask the operators.",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => "The deployment did not answer in time: check the address and try again later.",
        StatusCode.InvalidArgument => "Fix the request as the message says.",
        StatusCode.Unimplemented => "The deployment does not know this call: check its version against your .proto files.",
        _ => string.Empty,
    };

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
