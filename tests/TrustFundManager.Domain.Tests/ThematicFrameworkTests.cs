using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests;

public sealed class ThematicFrameworkTests
{
    // A small framework: area 1 groups objectives 1 and 2, area 2 groups objective 3.
    private readonly List<GcmObjective> _objectives = [new(1, "One", 1), new(2, "Two", 1), new(3, "Three", 2)];
    private readonly ThematicFramework _framework;

    public ThematicFrameworkTests() =>
        _framework = new ThematicFramework([new ThematicArea(1, "Area one"), new ThematicArea(2, "Area two")], _objectives);

    private int AreaOf(int objective) => _objectives.Single(o => o.Number == objective).ThematicAreaNumber;

    private static (int, IReadOnlyCollection<int>) Area(int number, params int[] objectives) => (number, objectives);

    [Fact]
    public void A_remap_that_keeps_every_objective_in_one_area_moves_them()
    {
        _framework.Remap([Area(1, 1), Area(2, 2, 3)]);

        Assert.Equal([1, 2, 2], [AreaOf(1), AreaOf(2), AreaOf(3)]);
    }

    [Fact]
    public void A_remap_that_leaves_an_objective_in_no_area_is_refused_and_moves_nothing()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => _framework.Remap([Area(1, 1), Area(2, 3)]));

        Assert.Contains("Objective 2 would belong to no thematic area.", refused.Errors["areas"]);
        Assert.Equal([1, 1, 2], [AreaOf(1), AreaOf(2), AreaOf(3)]);
    }

    [Fact]
    public void A_remap_that_puts_an_objective_in_two_areas_is_refused_and_moves_nothing()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => _framework.Remap([Area(1, 1, 2), Area(2, 2, 3)]));

        Assert.Contains(refused.Errors["areas"], e => e.StartsWith("Objective 2 would belong to 2 areas", StringComparison.Ordinal));
        Assert.Equal([1, 1, 2], [AreaOf(1), AreaOf(2), AreaOf(3)]);
    }

    [Fact]
    public void A_remap_must_list_every_area_once_with_known_objectives_and_none_empty()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            _framework.Remap([Area(1, 1, 2, 3, 9), Area(1), Area(7, 3)]));

        Assert.Contains("There is no GCM objective 9.", refused.Errors["areas[0].objectiveNumbers"]);
        Assert.Contains("Area 1 is listed more than once.", refused.Errors["areas[1].number"]);
        Assert.Contains("Area 1 must group at least one objective.", refused.Errors["areas[1].objectiveNumbers"]);
        Assert.Contains("There is no thematic area 7.", refused.Errors["areas[2].number"]);
        Assert.Contains("Area 2 is missing: the mapping must list every thematic area.", refused.Errors["areas"]);
    }

    [Fact]
    public void An_objective_moves_to_another_area_unless_it_is_the_last_of_its_own()
    {
        _framework.MoveObjective(2, 2);
        Assert.Equal(2, AreaOf(2));

        var refused = Assert.Throws<InvalidChangeException>(() => _framework.MoveObjective(1, 2));
        Assert.Contains("last objective of area 1", refused.Errors["thematicAreaNumber"].Single());
        Assert.Equal(1, AreaOf(1));
    }

    [Fact]
    public void Moving_to_an_unknown_area_or_an_unknown_objective_is_refused()
    {
        Assert.Throws<InvalidChangeException>(() => _framework.MoveObjective(1, 9));
        Assert.Throws<InvalidChangeException>(() => _framework.MoveObjective(42, 1));
        Assert.Equal([1, 1, 2], [AreaOf(1), AreaOf(2), AreaOf(3)]);
    }
}
