namespace Platform.LocalInfrastructure;

/// <summary>A server the platform runs on this machine (a database, a broker, an identity provider, a service).</summary>
public interface ILocalServer
{
    string Name { get; }

    /// <summary>
    /// Starts the server, or reuses the one already running from the same folder
    /// (started earlier by this or by another process).
    /// </summary>
    Task<StartOutcome> StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops the server cleanly; does nothing when it is not running.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the server answers as a client would use it.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken = default);

    ResourceDescription Describe();
}

public enum StartOutcome
{
    Started,
    AlreadyRunning,
}
