using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class CategoryBudgetTests
{
    private static CategoryBudget Four() => CategoryBudget.Create(new Dictionary<string, decimal>
    {
        ["ambulant"] = 400m, ["dagbesteding"] = 300m, ["verblijf"] = 200m, ["vervoer"] = 100m,
    }).Budget!;

    [Fact]
    public void At_most_four_categories()
    {
        var (budget, errors) = CategoryBudget.Create(new Dictionary<string, decimal> { ["a"] = 1, ["b"] = 1, ["c"] = 1, ["d"] = 1, ["e"] = 1 });

        Assert.Null(budget);
        Assert.Single(errors);
        Assert.NotNull(Four());
    }

    [Fact]
    public void A_shift_changes_nothing_until_another_person_approves_it()
    {
        var budget = Four();
        var shift = new CategoryShift("ambulant", "verblijf", 150m, "advisor.alphen");

        Assert.Empty(budget.Validate(shift));
        Assert.Equal(400m, budget.Amounts["ambulant"]);
        Assert.NotEmpty(budget.Approve(shift, "advisor.alphen"));
        Assert.Equal(400m, budget.Amounts["ambulant"]);

        Assert.Empty(budget.Approve(shift, "controller.alphen"));
        Assert.Equal(250m, budget.Amounts["ambulant"]);
        Assert.Equal(350m, budget.Amounts["verblijf"]);
        Assert.Equal(1_000m, budget.Total);
    }

    [Fact]
    public void No_category_goes_below_zero()
    {
        var budget = Four();

        Assert.Empty(budget.Validate(new CategoryShift("vervoer", "ambulant", 100m, "a")));
        Assert.NotEmpty(budget.Validate(new CategoryShift("vervoer", "ambulant", 100.01m, "a")));
    }
}
