using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Platform.Hosting;

/// <summary>
/// Answers <c>grpc.health.v1.Health</c> for the whole server (<c>""</c>) and for every gRPC service the
/// host maps, all from the same readiness checks: a client may ask by its service's name, as the
/// protocol suggests. Read from the endpoints when the health service first needs its options, which
/// is after the host mapped its services.
/// </summary>
internal sealed class HealthServiceMappings(EndpointDataSource endpoints, IOptions<PlatformGrpcOptions> options) : IConfigureOptions<GrpcHealthChecksOptions>
{
    public void Configure(GrpcHealthChecksOptions health)
    {
        var tag = options.Value.HealthCheckTag;
        var services = endpoints.Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .Where(name => !string.IsNullOrEmpty(name) && !name.Contains('{', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);

        health.Services.Clear();
        foreach (var service in services.Prepend(""))
        {
            health.Services.Map(service!, result => result.Tags.Contains(tag));
        }
    }
}
