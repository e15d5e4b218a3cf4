namespace Platform.Security;

/// <summary>
/// Where tokens come from and who they must be for, bound from the configuration section
/// <c>Identity</c>. The same keys serve Keycloak under the AppHost and the local identity provider.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>The realm's issuer, <c>&lt;base&gt;/realms/&lt;realm&gt;</c>. Derived from <c>services:keycloak:http:0</c> and <see cref="Realm"/> when absent.</summary>
    public string? Authority { get; set; }

    public string Realm { get; set; } = "platform";

    /// <summary>The audience every access token must carry: the platform API, never Keycloak's default <c>account</c>.</summary>
    public string Audience { get; set; } = "platform-api";

    /// <summary>Plain-HTTP metadata is accepted only for loopback identity providers or when this is false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How far a token's lifetime may be off the clock of the realm that issued it.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most validated tokens a host that caches them keeps at once. An entry holds the token's principal, a few
    /// kilobytes, so the default bounds the cache at some tens of megabytes. 0 turns the cache off.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;
}
