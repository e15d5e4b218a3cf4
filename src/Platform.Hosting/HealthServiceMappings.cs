using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.Options;

namespace Platform.Hosting;

/// <summary>The gRPC services a host mapped, noted by <c>MapPlatformGrpc</c> once the host has mapped them.</summary>
internal sealed class MappedGrpcServices
{
    public List<string> Names { get; } = [];
}

/// <summary>
/// Answers <c>grpc.health.v1.Health</c> for the whole server (<c>""</c>) and for every gRPC service the
/// host maps, all from the same readiness checks: a client may ask by its service's name, as the
/// protocol suggests.
/// </summary>
internal sealed class HealthServiceMappings(MappedGrpcServices mapped, IOptions<PlatformGrpcOptions> options) : IConfigureOptions<GrpcHealthChecksOptions>
{
    public void Configure(GrpcHealthChecksOptions health)
    {
        var tag = options.Value.HealthCheckTag;
        health.Services.Clear();
        foreach (var service in mapped.Names.Prepend("").Distinct(StringComparer.Ordinal))
        {
            health.Services.Map(service, result => result.Tags.Contains(tag));
        }
    }
}
