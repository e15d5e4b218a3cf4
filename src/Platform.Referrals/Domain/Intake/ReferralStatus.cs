namespace Platform.Referrals.Domain.Intake;

/// <summary>What a provider reports about a referral after submitting it.</summary>
public enum ReferralStatus
{
    Unspecified = 0,

    /// <summary>Accepted by the provider ("geaccepteerd"); population funding carries a duty to accept.</summary>
    Accepted = 1,

    /// <summary>On the waiting list ("wachtlijst").</summary>
    Waiting = 2,

    /// <summary>Help started ("start zorg", the 305 message); the waiting time ends here.</summary>
    Started = 3,

    /// <summary>Help ended ("stop zorg", the 307 message), always with a JZ588 reason.</summary>
    Ended = 4,

    /// <summary>Withdrawn before help started ("geannuleerd").</summary>
    Cancelled = 5,
}

/// <summary>Why help ended ("reden beëindiging"), the iJw code list JZ588; the numeric value is the code.</summary>
public enum EndReason
{
    Unspecified = 0,

    /// <summary>Ended as planned ("volgens plan"), code 31.</summary>
    AsPlanned = 31,

    /// <summary>Ended early by the client ("voortijdig, eenzijdig door cliënt"), code 32.</summary>
    EarlyByClient = 32,

    /// <summary>Ended early by the provider ("voortijdig, eenzijdig door aanbieder"), code 33.</summary>
    EarlyByProvider = 33,

    /// <summary>Ended early by agreement ("voortijdig, in overeenstemming"), code 34.</summary>
    EarlyAgreed = 34,

    /// <summary>Moved to another provider ("verhuisd naar andere aanbieder"), code 38.</summary>
    MovedToOtherProvider = 38,

    /// <summary>Outflow to another domain, Wmo, Wlz or Zvw ("uitstroom naar ander domein"), code 39: the one that matters for cost shifting.</summary>
    OutflowToOtherDomain = 39,
}

/// <summary>A status update as a provider submits it.</summary>
public sealed record StatusUpdateSubmission(string? ReferralId, ReferralStatus Status, DateOnly? Date, EndReason Reason = EndReason.Unspecified);

/// <summary>A status update whose fields are valid; whether it fits the referral is <see cref="ReferralLifecycle"/>'s question.</summary>
public sealed record StatusUpdate(string ReferralId, ReferralStatus Status, DateOnly Date, EndReason? Reason);
