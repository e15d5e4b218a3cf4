using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Provider.V1;

namespace Platform.Provider.Contracts.Identity;

/// <summary><c>platform.provider.v1.ProviderIdentity</c>: tells a provider system what the platform reads from its token.</summary>
public sealed class ProviderIdentityService(IOptions<ProviderDirectoryOptions> directory) : ProviderIdentity.ProviderIdentityBase
{
    /// <summary>The policy a caller must satisfy: the shared <c>provider-system</c> policy of the platform's security setup.</summary>
    public const string DefaultPolicy = "provider-system";

    private const string ProviderIdClaim = "provider_id";

    public override Task<WhoAmIResponse> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        var providerId = user.FindFirst(ProviderIdClaim)?.Value;
        if (string.IsNullOrEmpty(providerId))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "The token names no provider (claim provider_id): only provider systems may call this API."));
        }

        var response = new WhoAmIResponse
        {
            ProviderId = providerId,
            ProviderName = directory.Value.Names.GetValueOrDefault(providerId) ?? providerId,
            ClientId = user.FindFirst("azp")?.Value ?? user.FindFirst("client_id")?.Value ?? "",
        };
        response.Roles.AddRange(TokenRoles.Of(user));
        return Task.FromResult(response);
    }
}

public static class ProviderIdentityServiceExtensions
{
    /// <summary>Binds the provider directory (display names) from the <c>ProviderDirectory</c> section.</summary>
    public static IHostApplicationBuilder AddProviderIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ProviderDirectoryOptions>().Bind(builder.Configuration.GetSection(ProviderDirectoryOptions.SectionName));
        return builder;
    }

    public static IEndpointConventionBuilder MapProviderIdentityService(this IEndpointRouteBuilder endpoints, string policy = ProviderIdentityService.DefaultPolicy) =>
        endpoints.MapGrpcService<ProviderIdentityService>().RequireAuthorization(new AuthorizeAttribute(policy));
}
