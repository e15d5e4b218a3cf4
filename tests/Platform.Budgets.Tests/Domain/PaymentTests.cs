using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class PaymentTests
{
    [Fact]
    public void Instalments_sum_exactly_to_the_annual_amount_with_the_remainder_last()
    {
        // 100,000.00 with 5 % held: 95,000.00 paid => 7,916.67 x 11 = 87,083.37, last 7,916.63;
        // 5,000.00 held => 416.67 x 11 = 4,583.37, last 416.63.
        var schedule = PaymentSchedule.Monthly(100_000m, 0.05m);

        Assert.Equal(12, schedule.Count);
        Assert.Equal(7_916.67m, schedule[0].Paid);
        Assert.Equal(7_916.63m, schedule[11].Paid);
        Assert.Equal(416.63m, schedule[11].HeldBack);
        Assert.Equal(95_000m, schedule.Sum(i => i.Paid));
        Assert.Equal(100_000m, schedule.Sum(i => i.Paid + i.HeldBack));
    }

    [Fact]
    public void A_temporary_discount_applies_to_the_affected_instalment_only()
    {
        // 5 % of 1,000.00 in March.
        var schedule = PaymentSchedule.Monthly(12_000m, 0m, new Dictionary<int, decimal> { [3] = 0.05m });

        Assert.Equal(950m, schedule[2].Paid);
        Assert.Equal(50m, schedule[2].Discount);
        Assert.Equal(1_000m, schedule[3].Paid);
    }

    [Fact]
    public void Holdback_is_released_only_with_a_met_audit_and_by_someone_else()
    {
        var met = new AuditRecord(Guid.NewGuid(), 2025, true, "auditor.alphen");
        var notMet = met with { AgreementsMet = false };

        Assert.Empty(Holdback.CanRelease(met, "advisor.alphen", "controller.alphen"));
        Assert.NotEmpty(Holdback.CanRelease(null, "advisor.alphen", "controller.alphen"));
        Assert.NotEmpty(Holdback.CanRelease(notMet, "advisor.alphen", "controller.alphen"));
        Assert.NotEmpty(Holdback.CanRelease(met, "controller.alphen", "controller.alphen"));
    }
}
