namespace Platform.ProviderKit;

/// <summary>Where the deployment is, whose credentials to use, and optionally a batch of the provider system's own output.</summary>
public sealed record KitOptions(Uri TokenEndpoint, Uri GatewayGrpc, string ClientId, string ClientSecret, string? ReferralsFile)
{
    public const string Usage = """
        Usage: dotnet run --project tools/Platform.ProviderKit -- \
                 --token-endpoint <url> --gateway-grpc <url> --client-id <id> --client-secret <secret> [--referrals <file.json>]

          --referrals  a SubmitReferralsRequest in the protobuf JSON form your system would send; it is checked
                       without being stored (validate_only).
        The client secret may also come from the environment variable PROVIDER_CLIENT_SECRET.
        """;

    /// <summary>The options, or null with the reason when the arguments are incomplete.</summary>
    public static (KitOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return (null, $"Unexpected argument '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var secret = values.GetValueOrDefault("client-secret") ?? Environment.GetEnvironmentVariable("PROVIDER_CLIENT_SECRET");
        if (!TryUri(values, "token-endpoint", out var tokenEndpoint) || !TryUri(values, "gateway-grpc", out var gateway))
        {
            return (null, "--token-endpoint and --gateway-grpc must be absolute http(s) addresses.");
        }

        if (values.GetValueOrDefault("client-id") is not { Length: > 0 } clientId || secret is not { Length: > 0 })
        {
            return (null, "--client-id and --client-secret (or PROVIDER_CLIENT_SECRET) are required.");
        }

        return (new KitOptions(tokenEndpoint, gateway, clientId, secret, values.GetValueOrDefault("referrals")), null);
    }

    private static bool TryUri(Dictionary<string, string> values, string key, out Uri uri)
    {
        uri = null!;
        return values.TryGetValue(key, out var text) && Uri.TryCreate(text, UriKind.Absolute, out uri!)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
