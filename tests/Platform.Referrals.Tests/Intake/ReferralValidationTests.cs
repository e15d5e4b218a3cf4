using Platform.Referrals.Domain.Intake;
using Platform.Security;

namespace Platform.Referrals.Tests.Intake;

public class ReferralValidationTests
{
    private static List<string> FieldsOf(ReferralSubmission submission) =>
        ReferralValidation.Validate(submission, Submissions.Today).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void A_complete_referral_is_valid()
    {
        var result = ReferralValidation.Validate(Submissions.Valid() with { NeighbourhoodCode = " bu0484ab0c " }, Submissions.Today);

        Assert.True(result.IsValid);
        Assert.Equal("BU0484AB0C", result.Value!.Neighbourhood.Value);
        Assert.Equal("GM0484", result.Value.Neighbourhood.Municipality);
    }

    [Fact]
    public void A_valid_bsn_as_client_reference_is_refused_without_repeating_it()
    {
        var result = ReferralValidation.Validate(Submissions.Valid() with { ClientReference = "111222333" }, Submissions.Today);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("client_reference", violation.Field);
        Assert.DoesNotContain("111222333", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bsn_of_eight_digits_is_refused_too() =>
        Assert.Equal(["client_reference"], FieldsOf(Submissions.Valid() with { ClientReference = "12345672" }));

    [Theory]
    [InlineData("referral_id", "111222333")]
    [InlineData("client_reference", "bsn111222333")]
    [InlineData("client_reference", "111_222_333")]
    [InlineData("referring_team", "BSN 111222333")]
    [InlineData("referring_team", "Wijkteam, client 123 456 782")]
    public void A_bsn_hidden_in_any_field_is_refused_by_that_field_without_repeating_it(string field, string text)
    {
        var submission = field switch
        {
            "referral_id" => Submissions.Valid() with { ReferralId = text },
            "client_reference" => Submissions.Valid() with { ClientReference = text },
            _ => Submissions.Valid() with { ReferringTeam = text },
        };

        var violation = Assert.Single(ReferralValidation.Validate(submission, Submissions.Today).Violations);

        Assert.Equal(field, violation.Field);
        Assert.Contains("BSN", violation.Description, StringComparison.Ordinal);
        Assert.False(Bsn.IsIn(violation.Description));
    }

    [Fact]
    public void A_status_update_for_a_bsn_as_referral_id_is_refused_before_it_is_looked_up()
    {
        var update = new StatusUpdateSubmission("111222333", ReferralStatus.Accepted, Submissions.Today, EndReason.Unspecified);

        var violation = Assert.Single(StatusUpdateValidation.Validate(update, Submissions.Today).Violations);

        Assert.Equal("referral_id", violation.Field);
        Assert.False(Bsn.IsIn(violation.Description));
    }

    [Theory]
    [InlineData("111 222 333")]
    [InlineData("1112.22.333")]
    [InlineData(" 123-456-782 ")]
    public void A_bsn_written_with_separators_is_refused(string reference) =>
        Assert.Equal(["client_reference"], FieldsOf(Submissions.Valid() with { ClientReference = reference }));

    [Fact]
    public void Nine_digits_failing_the_eleven_test_are_an_acceptable_reference() =>
        Assert.Empty(FieldsOf(Submissions.Valid() with { ClientReference = "123456789" }));

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var empty = new ReferralSubmission(null, null, null, AgeBand.Unspecified, null, null,
            ReferrerType.Unspecified, DestinationType.Unspecified, LifeDomain.Unspecified, Urgency.Unspecified);

        Assert.Equal(
            ["referral_id", "client_reference", "neighbourhood_code", "age_band", "referral_date", "referring_team",
             "referrer_type", "destination_type", "life_domain", "urgency"],
            FieldsOf(empty));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("r/1")]
    [InlineData("ü")]
    public void A_referral_id_takes_only_letters_digits_dots_underscores_and_dashes(string id) =>
        Assert.Equal(["referral_id"], FieldsOf(Submissions.Valid(id)));

    [Fact]
    public void Identifiers_are_at_most_64_characters()
    {
        Assert.Empty(FieldsOf(Submissions.Valid(new string('a', 64))));
        Assert.Equal(["referral_id", "client_reference"],
            FieldsOf(Submissions.Valid(new string('a', 65)) with { ClientReference = new string('c', 65) }));
    }

    [Theory]
    [InlineData("GM0484")]
    [InlineData("WK048401")]
    [InlineData("BU048401")]
    [InlineData("BU04840102X")]
    [InlineData("BUAB840102")]
    public void Only_a_neighbourhood_code_is_a_neighbourhood(string code) =>
        Assert.Equal(["neighbourhood_code"], FieldsOf(Submissions.Valid() with { NeighbourhoodCode = code }));

    [Fact]
    public void A_referral_date_is_neither_in_the_future_nor_before_2015()
    {
        Assert.Empty(FieldsOf(Submissions.Valid() with { ReferralDate = Submissions.Today }));
        Assert.Empty(FieldsOf(Submissions.Valid() with { ReferralDate = new DateOnly(2015, 1, 1) }));
        Assert.Equal(["referral_date"], FieldsOf(Submissions.Valid() with { ReferralDate = Submissions.Today.AddDays(1) }));
        Assert.Equal(["referral_date"], FieldsOf(Submissions.Valid() with { ReferralDate = new DateOnly(2014, 12, 31) }));
    }

    [Fact]
    public void A_referring_team_is_one_to_100_characters()
    {
        Assert.Equal(["referring_team"], FieldsOf(Submissions.Valid() with { ReferringTeam = "   " }));
        Assert.Equal(["referring_team"], FieldsOf(Submissions.Valid() with { ReferringTeam = new string('t', 101) }));
    }

    [Fact]
    public void Values_outside_the_code_lists_are_violations()
    {
        var submission = Submissions.Valid() with
        {
            ReferrerType = (ReferrerType)7,
            DestinationType = (DestinationType)99,
            LifeDomain = (LifeDomain)14,
            AgeBand = (AgeBand)8,
            Urgency = (Urgency)4,
        };

        Assert.Equal(["age_band", "referrer_type", "destination_type", "life_domain", "urgency"], FieldsOf(submission));
    }

    [Fact]
    public void A_violation_carries_the_path_given_by_the_batch() =>
        Assert.Equal("referrals[3].urgency",
            Assert.Single(ReferralValidation.Validate(Submissions.Valid() with { Urgency = Urgency.Unspecified }, Submissions.Today, "referrals[3]").Violations).Field);
}
