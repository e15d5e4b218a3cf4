using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Tests;

public sealed class OtlpSettingsTests
{
    [Fact]
    public void Nothing_is_exported_without_an_endpoint() =>
        Assert.Null(OtlpSettings.FromConfiguration(Configuration([]), "orders"));

    [Theory]
    [InlineData("http://collector:4318", "Traces", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "Metrics", "http://collector:4318/v1/metrics")]
    [InlineData("http://gateway/otlp", "Logs", "http://gateway/otlp/v1/logs")]
    public void Http_protobuf_appends_the_signal_path_to_the_base_endpoint(string endpoint, string signal, string expected)
    {
        var settings = OtlpSettings.FromConfiguration(
            Configuration([new("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint), new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")]), "orders")!;
        var options = new OtlpExporterOptions();

        settings.ApplyTo(options, Enum.Parse<TelemetrySignal>(signal));

        Assert.Equal(new Uri(expected), options.Endpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, options.Protocol);
    }

    [Fact]
    public void Grpc_is_the_default_protocol_and_keeps_the_endpoint_as_given()
    {
        var settings = OtlpSettings.FromConfiguration(Configuration([new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")]), "orders")!;
        var options = new OtlpExporterOptions();

        settings.ApplyTo(options, TelemetrySignal.Traces);

        Assert.Equal(new Uri("http://collector:4317"), options.Endpoint);
        Assert.Equal(OtlpExportProtocol.Grpc, options.Protocol);
    }

    [Fact]
    public void Service_name_comes_from_OTEL_SERVICE_NAME_then_the_resource_attributes_then_the_application()
    {
        static object Name(string? attributes, string? serviceName) =>
            OtlpSettings.FromConfiguration(
                Configuration([
                    new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
                    new("OTEL_RESOURCE_ATTRIBUTES", attributes),
                    new("OTEL_SERVICE_NAME", serviceName),
                ]),
                "app-name")!.ResourceAttributes["service.name"];

        Assert.Equal("app-name", Name(null, null));
        Assert.Equal("from-attributes", Name("service.name=from-attributes", null));
        Assert.Equal("from-name", Name("service.name=from-attributes", "from-name"));
    }

    [Fact]
    public void Resource_attributes_are_percent_decoded_and_keep_a_given_instance_id()
    {
        var attributes = OtlpSettings.FromConfiguration(
            Configuration([
                new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"),
                new("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=abc123, team=Sociaal%20Domein"),
            ]),
            "orders")!.ResourceAttributes;

        Assert.Equal("abc123", attributes["service.instance.id"]);
        Assert.Equal("Sociaal Domein", attributes["team"]);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")]
    [InlineData("OTEL_METRIC_EXPORT_INTERVAL", "soon")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "/relative")]
    public void Unusable_settings_fail_at_startup_naming_the_variable(string key, string value)
    {
        var configuration = Configuration([new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), new(key, value)]);

        var error = Assert.Throws<InvalidOperationException>(() => OtlpSettings.FromConfiguration(configuration, "orders"));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Later values override earlier ones, as a later configuration source would.</summary>
    private static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var builder = new ConfigurationBuilder();
        foreach (var value in values)
        {
            builder.AddInMemoryCollection([value]);
        }

        return builder.Build();
    }
}
