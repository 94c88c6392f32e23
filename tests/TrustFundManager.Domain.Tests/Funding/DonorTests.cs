using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Tests.Funding;

public sealed class DonorTests
{
    private static readonly IReadOnlySet<string> Countries = new HashSet<string> { "NOR", "DEU", "CHE" };
    private static readonly DateTimeOffset Now = new(2026, 2, 3, 10, 0, 0, TimeSpan.Zero);

    private static Donor Norway() => new("Norway", DonorKind.Government, "NOR", Countries, FundingFixtures.Fmu, Now);

    [Fact]
    public void A_donor_is_recorded_with_its_name_and_country_trimmed_and_the_country_in_upper_case()
    {
        var donor = new Donor("  Kingdom of Norway  ", DonorKind.Government, " nor ", Countries, FundingFixtures.Fmu, Now);

        Assert.Equal("Kingdom of Norway", donor.Name);
        Assert.Equal("NOR", donor.Country);
        Assert.Equal(DonorKind.Government, donor.Kind);
        Assert.Equal(Now, donor.CreatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_government_donor_without_a_country_is_refused(string? country)
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            new Donor("Norway", DonorKind.Government, country, Countries, FundingFixtures.Fmu, Now));

        Assert.Equal(["A government donor names its country."], refused.Errors["country"]);
        Assert.Single(refused.Errors);
    }

    [Theory]
    [InlineData(DonorKind.Multilateral)]
    [InlineData(DonorKind.Private)]
    public void A_multilateral_or_private_donor_need_not_name_a_country(DonorKind kind)
    {
        var donor = new Donor("European Union", kind, "  ", Countries, FundingFixtures.Fmu, Now);

        Assert.Null(donor.Country);
    }

    [Theory]
    [InlineData(DonorKind.Government, "XXX")]
    [InlineData(DonorKind.Private, "Geneva")]
    public void An_unknown_country_is_refused_naming_it(DonorKind kind, string country)
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            new Donor("A donor", kind, country, Countries, FundingFixtures.Fmu, Now));

        Assert.Equal([$"There is no country '{country}'."], refused.Errors["country"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    public void A_donor_without_a_name_is_refused(string name)
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            new Donor(name, DonorKind.Private, null, Countries, FundingFixtures.Fmu, Now));

        Assert.Equal(["A donor has a name."], refused.Errors["name"]);
    }

    [Fact]
    public void A_name_is_at_most_200_characters_once_trimmed()
    {
        var longest = new Donor(" " + new string('n', Donor.NameMaxLength) + " ", DonorKind.Private, null, Countries,
            FundingFixtures.Fmu, Now);
        Assert.Equal(Donor.NameMaxLength, longest.Name.Length);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            new Donor(new string('n', Donor.NameMaxLength + 1), DonorKind.Private, null, Countries, FundingFixtures.Fmu, Now));
        Assert.Equal(["A donor's name is at most 200 characters."], refused.Errors["name"]);
    }

    [Fact]
    public void An_unknown_kind_of_donor_is_refused()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            new Donor("Someone", (DonorKind)9, null, Countries, FundingFixtures.Fmu, Now));

        Assert.Contains("kind", refused.Errors.Keys);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            new Donor(" ", DonorKind.Government, null, Countries, FundingFixtures.Fmu, Now));

        Assert.Equal(["country", "name"], refused.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_refused_change_keeps_the_donor_as_it_was()
    {
        var donor = Norway();

        Assert.Throws<InvalidChangeException>(() => donor.Change("Norway (MFA)", DonorKind.Government, "ZZZ", Countries));

        Assert.Equal("Norway", donor.Name);
        Assert.Equal("NOR", donor.Country);
    }

    [Fact]
    public void A_change_replaces_name_kind_and_country()
    {
        var donor = Norway();

        donor.Change("Swiss Agency for Development and Cooperation", DonorKind.Government, "che", Countries);

        Assert.Equal("Swiss Agency for Development and Cooperation", donor.Name);
        Assert.Equal("CHE", donor.Country);
    }
}
