namespace Platform.Referrals.Domain.Intake;

/// <summary>How soon help must start ("urgentie").</summary>
public enum Urgency
{
    Unspecified = 0,

    /// <summary>"Regulier".</summary>
    Regular = 1,

    /// <summary>"Spoed".</summary>
    Urgent = 2,

    /// <summary>"Crisis": help the same day.</summary>
    Crisis = 3,
}
