using Platform.Populations.Domain.Analysis;
using static Platform.Populations.Tests.Domain.Analysis.Populations;

namespace Platform.Populations.Tests.Domain.Analysis;

public class AreaTreeTests
{
    [Fact]
    public void A_municipality_stands_for_all_its_neighbourhoods()
    {
        Assert.Equal("BU03440101 BU03440102 BU03440103 BU03440201 BU03440202", Text(Tree.NeighbourhoodsIn(Codes("GM0344")[0])));
    }

    [Fact]
    public void A_district_without_known_neighbourhoods_counts_as_itself()
    {
        var tree = AreaTree.From(Codes("GM0344 WK034401 BU03440201"));

        Assert.Equal("WK034401 BU03440201", Text(tree.Neighbourhoods));
        Assert.Equal("WK034401", Text(tree.NeighbourhoodsIn(Codes("WK034401")[0])));
    }

    [Fact]
    public void An_area_the_tree_does_not_know_has_no_neighbourhoods()
    {
        Assert.Empty(Tree.NeighbourhoodsIn(Codes("WK034409")[0]));
    }

    [Fact]
    public void Collapse_names_whole_districts_and_the_whole_municipality()
    {
        Assert.Equal("WK034401 BU03440202", Text(Tree.Collapse(Codes("BU03440103 BU03440101 BU03440102 BU03440202"))));
        Assert.Equal("GM0344", Text(Tree.Collapse(Codes("WK034401 WK034402"))));
    }
}
