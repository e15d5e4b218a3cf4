namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Lets code address another service by name, as in <c>http://populations/api/...</c> or
/// <c>https+http://populations/...</c> (https if configured, else http), by rewriting the request to the
/// configured address just before it is sent. Host names that are not configured services pass through.
/// </summary>
internal sealed class ServiceAddressHandler(ServiceAddresses addresses) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Rewrite(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Rewrite(request);
        return base.Send(request, cancellationToken);
    }

    private void Rewrite(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return;
        }

        var (serviceName, endpointNames) = Parse(uri);
        var combinedScheme = uri.Scheme.Contains('+', StringComparison.Ordinal);
        if (!addresses.IsKnown(serviceName))
        {
            if (combinedScheme)
            {
                // Not a real scheme: sending it on would only fail later with a less helpful message.
                throw new InvalidOperationException(
                    $"'{uri.GetLeftPart(UriPartial.Authority)}' names service '{serviceName}', but nothing is configured under 'services:{serviceName}'.");
            }

            return;
        }

        var address = addresses.Resolve(serviceName, endpointNames);
        var prefix = address.AbsolutePath.TrimEnd('/');
        request.RequestUri = new Uri($"{address.GetLeftPart(UriPartial.Authority)}{prefix}{uri.PathAndQuery}{uri.Fragment}");
    }

    /// <summary>
    /// <c>https+http://name</c> tries the endpoints in scheme order; <c>http://_grpc.name</c> picks the
    /// endpoint named <c>grpc</c> (the form Aspire uses for named endpoints).
    /// </summary>
    internal static (string ServiceName, string[] EndpointNames) Parse(Uri uri)
    {
        var host = uri.Host;
        if (host.StartsWith('_') && host.IndexOf('.', StringComparison.Ordinal) is > 1 and var dot)
        {
            return (host[(dot + 1)..], [host[1..dot]]);
        }

        return (host, uri.Scheme.Split('+'));
    }
}
