namespace Platform.Referrals.Domain.Intake;

/// <summary>Checks the fields of a status update on their own, before it is matched to its referral.</summary>
public static class StatusUpdateValidation
{
    public static Validated<StatusUpdate> Validate(StatusUpdateSubmission submission, DateOnly today, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(prefix);
        var errors = new ViolationCollector(prefix);

        ReferralValidation.CheckIdentifier(errors, "referral_id", submission.ReferralId);
        ReferralValidation.CheckEnum(errors, "status", submission.Status, "accepted, waiting, started, ended or cancelled");
        if (submission.Date is not { } date)
        {
            errors.Add("date", "Required.");
        }
        else if (date > today)
        {
            errors.Add("date", "Lies in the future.");
        }

        var isEnd = submission.Status == ReferralStatus.Ended;
        if (isEnd && submission.Reason == EndReason.Unspecified)
        {
            errors.Add("reason", "An end needs a JZ588 reason: 31, 32, 33, 34, 38 or 39.");
        }
        else if (submission.Reason != EndReason.Unspecified && !Enum.IsDefined(submission.Reason))
        {
            errors.Add("reason", "Not a JZ588 reason: 31, 32, 33, 34, 38 or 39.");
        }
        else if (!isEnd && submission.Reason != EndReason.Unspecified)
        {
            errors.Add("reason", "Only an end has a reason.");
        }

        return errors.Any
            ? Validated<StatusUpdate>.Invalid(errors.Violations)
            : Validated<StatusUpdate>.Valid(new StatusUpdate(
                submission.ReferralId!, submission.Status, submission.Date!.Value, isEnd ? submission.Reason : null));
    }
}
