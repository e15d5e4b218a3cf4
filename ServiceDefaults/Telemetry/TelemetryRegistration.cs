using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Platform.ServiceDefaults.Telemetry;

internal static class TelemetryRegistration
{
    private const string SuppressAspNetCoreSpanTags = "Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData";

    public static void AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>();
        if (builder.Services.Any(s => s.ServiceType == typeof(OtlpSettings)))
        {
            return;
        }

        // Decided once, from the configuration the host was built with, as Aspire's template does.
        var settings = OtlpSettings.FromConfiguration(builder.Configuration, builder.Environment.ApplicationName);
        if (settings is null)
        {
            return;
        }

        builder.Services.AddSingleton(settings);
        EnableAspNetCoreSpanTags();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ServerSpanEnrichment>());
        builder.Services.AddHostedService<TelemetryProviders>();

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(settings.CreateResourceBuilder());
            logging.AddOtlpExporter(exporter => settings.ApplyTo(exporter, TelemetrySignal.Logs));
        });
    }

    // .NET 10 hands samplers the request's method, scheme and path only with this switch off (the
    // default from .NET 11 on); the probe filter needs the path. An explicit choice in runtimeconfig wins.
    private static void EnableAspNetCoreSpanTags()
    {
        if (!AppContext.TryGetSwitch(SuppressAspNetCoreSpanTags, out _))
        {
            AppContext.SetSwitch(SuppressAspNetCoreSpanTags, false);
        }
    }
}
