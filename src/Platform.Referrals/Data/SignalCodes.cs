using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Data;

/// <summary>
/// The domain's codes as SQL parameters: which destinations and which ending count towards which signal is decided
/// once, in <see cref="SignalKinds"/>, and the statements receive the codes instead of repeating them as literals.
/// </summary>
internal static class SignalCodes
{
    /// <summary>The destination codes that count as cost shifting ("afwenteling").</summary>
    public static short[] CostShiftingDestinations { get; } = DestinationsOf(SignalKind.CostShifting);

    /// <summary>The destination codes that count as outflow to a personal budget (PGB).</summary>
    public static short[] PersonalBudgetDestinations { get; } = DestinationsOf(SignalKind.PersonalBudgetOutflow);

    /// <summary>The JZ588 end reasons that count as cost shifting (outflow to another domain, code 39).</summary>
    public static short[] CostShiftingEndings { get; } =
        [.. Enum.GetValues<EndReason>().Where(r => SignalKinds.ForEnding(r) == SignalKind.CostShifting).Select(r => (short)r)];

    public static short Code(ReferralStatus status) => (short)status;

    private static short[] DestinationsOf(SignalKind kind) =>
        [.. Enum.GetValues<DestinationType>().Where(d => SignalKinds.ForDestination(d) == kind).Select(d => (short)d)];
}
