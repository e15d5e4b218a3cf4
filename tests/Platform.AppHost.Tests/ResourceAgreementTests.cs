using Platform.Hosting;

namespace Platform.AppHost.Tests;

/// <summary>
/// The AppHost (as AppHost.cs declares it) and the local launcher (as it configures each service) must name the
/// same services, databases, broker and identity provider, and give each service the same ones.
/// </summary>
public sealed class ResourceAgreementTests
{
    private readonly AppHostSource _appHost = AppHostSource.Read();
    private readonly IReadOnlyList<LaunchedService> _launched = LauncherEnvironment.Services();

    [Fact]
    public void Both_run_the_same_services()
    {
        Assert.Equal(
            _launched.Select(s => s.Name).Order(),
            _appHost.OfKind("AddProject").Select(p => p.Name).Order());
    }

    [Fact]
    public void Each_service_is_declared_with_its_own_entry_of_the_list()
    {
        Assert.All(_appHost.OfKind("AddProject"), project => Assert.Equal(project.Name, project.PlatformService));
    }

    [Fact]
    public void Both_create_the_same_databases()
    {
        Assert.Equal(
            _launched.SelectMany(s => s.Databases).Order(),
            _appHost.OfKind("AddDatabase").Select(d => d.Name).Order());
    }

    [Fact]
    public void Each_service_gets_the_same_databases_and_broker()
    {
        foreach (var service in _launched)
        {
            var project = Project(service.Name);
            Assert.Equal(service.Databases.Order(), ReferencedNames(project, "AddDatabase").Order());
            Assert.Equal(service.Brokers.Order(), ReferencedNames(project, "AddRabbitMQ").Order());
        }
    }

    [Fact]
    public void Both_name_the_broker_alike()
    {
        var broker = _appHost.Single("AddRabbitMQ").Name;
        Assert.All(_launched.SelectMany(s => s.Brokers), name => Assert.Equal(broker, name));
        Assert.Contains(_launched, s => s.Brokers.Any());
    }

    [Fact]
    public void Every_service_gets_the_identity_provider_under_the_same_name()
    {
        var identity = _appHost.Single("AddKeycloak");
        foreach (var service in _launched)
        {
            Assert.Equal([identity.Name], LauncherEnvironment.NonServiceAddresses(service, _launched));
            Assert.Contains(identity.Variable, Project(service.Name).References);
        }
    }

    [Fact]
    public void The_same_services_serve_grpc()
    {
        // The AppHost gives a gRPC endpoint to the services whose list entry says so (WithPlatformDefaults).
        var appHostGrpc = _appHost.OfKind("AddProject")
            .Where(p => p.PlatformService is { } name && PlatformResources.Services.Single(s => s.Name == name).ServesGrpc);
        Assert.Equal(
            _launched.Where(s => s.ServesGrpc).Select(s => s.Name).Order(),
            appHostGrpc.Select(p => p.Name).Order());
    }

    [Fact]
    public void The_gateway_references_every_other_service()
    {
        var gateway = Project(PlatformResources.Gateway.Name);
        Assert.Equal(
            _launched.Select(s => s.Name).Where(name => name != gateway.Name).Order(),
            ReferencedNames(gateway, "AddProject").Order());
    }

    [Fact]
    public void Every_reference_is_awaited()
    {
        Assert.All(_appHost.OfKind("AddProject"), project =>
            Assert.All(project.References, reference => Assert.Contains(reference, project.Awaited)));
    }

    private DeclaredResource Project(string name) =>
        _appHost.OfKind("AddProject").SingleOrDefault(p => p.Name == name)
            ?? throw new Xunit.Sdk.XunitException($"AppHost.cs declares no project named '{name}', which the launcher starts.");

    private IEnumerable<string> ReferencedNames(DeclaredResource project, string kind) =>
        project.References.Select(_appHost.ByVariable).OfType<DeclaredResource>().Where(r => r.Kind == kind).Select(r => r.Name);
}
