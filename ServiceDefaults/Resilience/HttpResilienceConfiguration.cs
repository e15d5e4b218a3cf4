using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>Binds the shared section first, then the client's own overrides on top.</summary>
internal sealed class HttpResilienceConfiguration(IConfiguration configuration) : IConfigureNamedOptions<HttpResilienceOptions>
{
    public void Configure(HttpResilienceOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, HttpResilienceOptions options)
    {
        var section = configuration.GetSection(HttpResilienceOptions.SectionName);
        section.Bind(options);
        if (!string.IsNullOrEmpty(name))
        {
            section.GetSection("Clients").GetSection(name).Bind(options);
        }
    }
}
