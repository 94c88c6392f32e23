using TrustFundManager.Domain.Committee;

namespace TrustFundManager.Domain.Tests.Committee;

public sealed class TallyPublicationTests
{
    private static ConstituencyTally Cell(string code, int voters, int recused, int approve, int reject = 0) =>
        new(code, voters, recused, approve, 0, reject, 0);

    [Fact]
    public void Finding3_a_constituency_with_one_eligible_member_publishes_no_choices()
    {
        var published = TallyPublication.Publish([Cell("a", 3, 2, 0, reject: 1), Cell("b", 3, 0, 3), Cell("c", 3, 0, 3)], 3);

        var lone = published.Single(c => c.Constituency == "a");
        Assert.True(lone.Suppressed);
        Assert.Equal((1, 1), (lone.Eligible, lone.VotesCast));
        Assert.Null(lone.Reject);
    }

    [Fact]
    public void Finding3_a_second_cell_is_hidden_when_the_totals_would_give_the_first_back()
    {
        var published = TallyPublication.Publish([Cell("a", 3, 2, 0, reject: 1), Cell("b", 3, 0, 3), Cell("c", 4, 0, 4)], 3);

        Assert.Equal(["a", "b"], published.Where(c => c.Suppressed).Select(c => c.Constituency));
        Assert.Equal(4, published.Single(c => c.Constituency == "c").Approve);
    }

    [Fact]
    public void Cells_at_the_threshold_publish_everything()
    {
        var published = TallyPublication.Publish([Cell("a", 3, 0, 2, reject: 1), Cell("b", 3, 0, 3)], 3);

        Assert.All(published, c => Assert.False(c.Suppressed));
        Assert.Equal(1, published[0].Reject);
    }
}
