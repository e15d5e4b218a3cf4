using System.Globalization;

namespace Platform.FaultDrills;

/// <summary>
/// What one drill sent, what the platform stored, published and applied, and what was lost or duplicated on the
/// way. <see cref="Published"/> and <see cref="Applied"/> count events; <see cref="Sent"/> and <see cref="Stored"/>
/// the referrals and populations the drill's callers sent.
/// </summary>
internal sealed record DrillResult(string Name, long Sent, long Stored, long Published, long Applied, long Lost, long Duplicated, string Remark)
{
    public bool Passed => Lost == 0 && Duplicated == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Passed ? "ok  " : "FAIL")} {Name,-34} sent {Sent,6}  stored {Stored,6}  published {Published,5}  applied {Applied,5}  lost {Lost,3}  duplicated {Duplicated,3}  {Remark}");
}
