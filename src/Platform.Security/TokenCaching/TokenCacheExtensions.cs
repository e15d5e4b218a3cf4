using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Security.TokenCaching;

public static class TokenCacheExtensions
{
    /// <summary>
    /// Caches validated bearer tokens (<see cref="ValidatedTokenCache"/>), at most
    /// <see cref="IdentityOptions.ValidatedTokenCacheSize"/> of them; a size of 0 validates every token afresh.
    /// Call after <see cref="AuthenticationExtensions.AddPlatformAuthentication"/>.
    /// </summary>
    public static IHostApplicationBuilder AddValidatedTokenCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetValue<int?>($"{IdentityOptions.SectionName}:{nameof(IdentityOptions.ValidatedTokenCacheSize)}") == 0)
        {
            return builder;
        }

        builder.Services.AddSingleton(services => new ValidatedTokenCache(
            services.GetRequiredService<IdentityOptions>().ValidatedTokenCacheSize,
            services.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ValidatedTokenCache>(CachedBearerTokens.Attach);
        return builder;
    }
}
