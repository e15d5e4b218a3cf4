namespace Platform.Grpc.Server;

/// <summary>The services this host serves: for the unimplemented fallback and the health service.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    public bool FallbackMapped { get; set; }

    public bool Contains(string service)
    {
        lock (_services)
        {
            return _services.Contains(service);
        }
    }

    public void Add(string service)
    {
        lock (_services)
        {
            if (!_services.Add(service))
            {
                throw new InvalidOperationException($"gRPC service {service} is mapped twice.");
            }
        }
    }
}
