namespace Platform.Contracts.Domain;

/// <summary>A contract as stored: its terms and where it stands in its lifecycle.</summary>
internal sealed record StoredContract(
    Guid Id,
    string Municipality,
    ContractTerms Terms,
    string Status,
    int ExtensionsUsed,
    DateOnly? EndedOn,
    string? EndReason,
    int Version)
{
    public DateOnly NoticeDeadline => ContractRules.NoticeDeadline(Terms.End, Terms.NoticeMonths);

    /// <summary>The last day the contract answers for its populations: the end of its term, or the day it ended early.</summary>
    public DateOnly LastDay => EndedOn is { } ended && ended < Terms.End ? ended : Terms.End;
}

/// <summary>The lifecycle: a draft comes into force once, and an active contract ends once.</summary>
internal static class ContractStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Ended = "ended";
}
