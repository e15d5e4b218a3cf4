using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Grpc;
using Platform.Grpc.Server;
using Platform.Provider.V1;

namespace Platform.Provider.Contracts.Identity;

/// <summary><c>platform.provider.v1.ProviderIdentity</c>: tells a provider system what the platform reads from its token.</summary>
public static class ProviderIdentityService
{
    /// <summary>The policy a caller must satisfy: the shared <c>provider-system</c> policy of the platform's security setup.</summary>
    public const string DefaultPolicy = "provider-system";

    private const string ProviderIdClaim = "provider_id";

    /// <summary>Binds the provider directory (display names) from the <c>ProviderDirectory</c> section.</summary>
    public static IHostApplicationBuilder AddProviderIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ProviderDirectoryOptions>().Bind(builder.Configuration.GetSection(ProviderDirectoryOptions.SectionName));
        return builder;
    }

    public static IEndpointConventionBuilder MapProviderIdentityService(this IEndpointRouteBuilder endpoints, string policy = DefaultPolicy) =>
        endpoints.MapGrpcService(ProviderIdentityReflection.Descriptor.Services[0], service => service
            .RequireAuthorization(policy)
            .Unary<WhoAmIRequest, WhoAmIResponse>("WhoAmI", WhoAmIAsync));

    internal static Task<WhoAmIResponse> WhoAmIAsync(WhoAmIRequest request, ServerCallContext context)
    {
        var user = context.User;
        var providerId = user.FindFirst(ProviderIdClaim)?.Value;
        if (string.IsNullOrEmpty(providerId))
        {
            throw new RpcException(StatusCode.PermissionDenied, "The token names no provider (claim provider_id): only provider systems may call this API.");
        }

        var directory = context.Services.GetService<IOptions<ProviderDirectoryOptions>>()?.Value;
        var response = new WhoAmIResponse
        {
            ProviderId = providerId,
            ProviderName = directory?.Names.GetValueOrDefault(providerId) ?? providerId,
            ClientId = user.FindFirst("azp")?.Value ?? user.FindFirst("client_id")?.Value ?? "",
        };
        response.Roles.AddRange(TokenRoles.Of(user));
        return Task.FromResult(response);
    }
}
