namespace Platform.Portal.Sections;

/// <summary>A screen in the navigation: its Dutch label and address.</summary>
public sealed record PortalLink(string Label, string Href);

/// <summary>
/// One service's part of the portal. Its screens live in <c>Screens/&lt;Service&gt;/</c>; the section is registered
/// once with <c>AddPortalSection&lt;T&gt;()</c> and the navigation lists it. Nothing else in the portal changes.
/// </summary>
public interface IPortalSection
{
    /// <summary>The service behind the section, as the gateway routes it (<c>/api/&lt;Service&gt;</c>).</summary>
    string Service { get; }

    /// <summary>The section's heading in the navigation, in Dutch.</summary>
    string Title { get; }

    /// <summary>Its screens, in navigation order.</summary>
    IReadOnlyList<PortalLink> Links { get; }

    /// <summary>The order among the sections.</summary>
    int Order { get; }

    /// <summary>The roles that see the section; empty for every role, whose services then decide what each may do.</summary>
    IReadOnlyList<string> Roles => [];
}

public static class PortalSectionRegistration
{
    public static IServiceCollection AddPortalSection<TSection>(this IServiceCollection services)
        where TSection : class, IPortalSection =>
        services.AddSingleton<IPortalSection, TSection>();
}
