namespace Platform.Security;

/// <summary>
/// Who is acting, as far as the database needs to know: the tenant (municipality CBS code),
/// the caller's subject, roles and provider id. It is handed to the database, signed, at the start of every
/// transaction and lasts as long as it, so that row-level security policies decide what a query may see.
/// </summary>
public sealed record CallerContext(
    string? Municipality,
    string Subject,
    IReadOnlyList<string> Roles,
    string? ProviderId = null,
    string? Region = null)
{
    /// <summary>A background process acting for no tenant: row-level security shows it no tenant rows.</summary>
    public static CallerContext System(string processName) => new(null, $"system:{processName}", []);

    /// <summary>A background process acting on behalf of one municipality (e.g. a consumer applying an event).</summary>
    public static CallerContext SystemFor(string municipality, string processName) =>
        new(municipality, $"system:{processName}", []);
}
