using Grpc.Core;
using Npgsql;

namespace Platform.Hosting;

/// <summary>
/// Database failures that a second attempt can cure: a serialization failure or deadlock (the transaction lost a
/// race and was rolled back) and a lost or refused connection (a restart, a failover). The caller is told to send
/// the call again, with a status every client library treats as retryable, instead of a fault of the platform.
/// </summary>
public static class TransientFailures
{
    public const string ConflictMessage =
        "The call ran into a concurrent one and was rolled back, so nothing of it was stored; sending it again is safe.";

    public const string UnavailableMessage =
        "The database is briefly unavailable; the work in progress was rolled back and sending the call again shortly is safe.";

    /// <summary><c>ABORTED</c> for a lost race, <c>UNAVAILABLE</c> for a lost database, null for any other failure.</summary>
    public static Status? GrpcStatusFor(Exception exception) => Classify(exception) switch
    {
        Kind.Conflict => new Status(StatusCode.Aborted, ConflictMessage),
        Kind.Unavailable => new Status(StatusCode.Unavailable, UnavailableMessage),
        _ => null,
    };

    /// <summary>409 for a lost race, 503 for a lost database, null for any other failure.</summary>
    public static (int StatusCode, string Detail)? HttpStatusFor(Exception exception) => Classify(exception) switch
    {
        Kind.Conflict => (409, ConflictMessage),
        Kind.Unavailable => (503, UnavailableMessage),
        _ => null,
    };

    private enum Kind { None, Conflict, Unavailable }

    private static Kind Classify(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
            {
                return Kind.Conflict;
            }

            // Npgsql marks connection loss, refused connections, timeouts and server shutdowns as transient.
            if (current is NpgsqlException { IsTransient: true })
            {
                return Kind.Unavailable;
            }
        }

        return Kind.None;
    }
}
