using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests;

public sealed class ReferenceEntityTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_constituency_holds_between_one_and_twelve_seats(int seats)
    {
        var donors = new Constituency("donors", "Donors", 3);

        var refused = Assert.Throws<InvalidChangeException>(() => donors.Change("Donors", null, seats, []));

        Assert.Equal(["seats"], refused.Errors.Keys);
        Assert.Equal(3, donors.Seats);
    }

    [Fact]
    public void A_country_takes_a_known_region_and_needs_a_name()
    {
        var mexico = new Country("MEX", "MX", "Mexico", Region.LatinAmericaAndCaribbean);

        Assert.Throws<InvalidChangeException>(() => mexico.Change("Mexico", (Region)42));
        Assert.Throws<InvalidChangeException>(() => mexico.Change("  ", Region.Africa));
        Assert.Equal(("Mexico", Region.LatinAmericaAndCaribbean), (mexico.Name, mexico.Region));
    }

    [Theory]
    [InlineData("MX")]
    [InlineData("mex")]
    [InlineData("ME1")]
    public void A_country_code_is_three_upper_case_letters(string code) =>
        Assert.Throws<ArgumentException>(() => new Country(code, "MX", "Mexico", null));

    [Fact]
    public void Titles_are_trimmed_and_bounded()
    {
        var area = new ThematicArea(1, "  Data  ");
        Assert.Equal("Data", area.Title);

        var refused = Assert.Throws<InvalidChangeException>(() => area.Rename(new string('x', ThematicArea.TitleMaxLength + 1), null));
        Assert.Equal(["title"], refused.Errors.Keys);
        Assert.Equal("Data", area.Title);
    }

    [Fact]
    public void An_organization_code_is_kept_upper_case()
    {
        var organization = new Organization("unwomen", "UN Women", "UN Women", true);
        Assert.Equal("UNWOMEN", organization.Code);
        Assert.True(organization.IsActive);
    }
}
