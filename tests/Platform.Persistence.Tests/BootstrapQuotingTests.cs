using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Persistence.Migrations;

namespace Platform.Persistence.Tests;

public class BootstrapQuotingTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("we\"ird", "\"we\"\"ird\"")]
    [InlineData("a\"; DROP ROLE x; --", "\"a\"\"; DROP ROLE x; --\"")]
    public void Identifiers_are_double_quoted_with_inner_quotes_doubled(string identifier, string expected) =>
        Assert.Equal(expected, DatabaseBootstrap.Quote(identifier));

    [Theory]
    [InlineData("abc", "E'abc'")]
    [InlineData("it's", "E'it''s'")]
    [InlineData("back\\slash'", "E'back\\\\slash'''")]
    public void String_constants_escape_quotes_and_backslashes(string value, string expected) =>
        Assert.Equal(expected, DatabaseBootstrap.QuoteLiteral(value));

    [Fact]
    public void A_nul_is_refused_rather_than_truncated()
    {
        Assert.Throws<ArgumentException>(() => DatabaseBootstrap.Quote("a\0b"));
        Assert.Throws<ArgumentException>(() => DatabaseBootstrap.QuoteLiteral("a\0b"));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void An_owner_without_a_password_is_refused_outside_development(string environment)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:casesdb"] = "Host=127.0.0.1;Username=owner;Database=casesdb",
        });

        var refused = Assert.Throws<InvalidOperationException>(() =>
            builder.AddPlatformDatabase("casesdb", MigrationSource.FromMigrations("test", [])));
        Assert.Contains("password", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_without_a_password_is_accepted_in_development()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:casesdb"] = "Host=127.0.0.1;Username=owner;Database=casesdb",
        });

        builder.AddPlatformDatabase("casesdb", MigrationSource.FromMigrations("test", []));
    }

    [Fact]
    public void The_application_password_depends_on_the_owner_secret()
    {
        var one = new DatabaseSettings("casesdb", "Host=127.0.0.1;Username=owner;Password=first;Database=casesdb");
        var two = new DatabaseSettings("casesdb", "Host=127.0.0.1;Username=owner;Password=second;Database=casesdb");
        Assert.NotEqual(one.AppRolePassword, two.AppRolePassword);
        Assert.DoesNotContain("first", one.AppConnectionString, StringComparison.Ordinal);
    }
}
