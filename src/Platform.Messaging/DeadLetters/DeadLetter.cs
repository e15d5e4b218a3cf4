namespace Platform.Messaging.DeadLetters;

/// <summary>A message that exhausted its retries, as an operator sees it in an error queue.</summary>
public sealed record DeadLetter(
    string Queue,
    string? MessageId,
    string? MessageType,
    string? ExceptionType,
    string? ExceptionMessage,
    string? FailedAt,
    string Body);
