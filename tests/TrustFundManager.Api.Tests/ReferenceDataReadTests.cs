using System.Net;
using System.Text.Json;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class ReferenceDataReadTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static readonly Dictionary<int, int[]> MappingOfDomainDoc = new()
    {
        [1] = [1, 3, 17, 23],
        [2] = [2, 7, 8, 12, 13],
        [3] = [9, 10, 11, 14, 21],
        [4] = [5, 6, 18, 19, 20, 22],
        [5] = [4, 15, 16],
    };

    private async Task<JsonElement> GetAsync(string user, string path)
    {
        using var client = await api.CreateClientAsAsync(user);
        return await HttpAssert.OkJsonAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Thematic_areas_are_five_and_their_objectives_cover_1_to_23_exactly_once()
    {
        var areas = await GetAsync("gov.mex", "/api/thematic-areas");

        Assert.Equal([1, 2, 3, 4, 5], areas.EnumerateArray().Select(a => a.GetProperty("number").GetInt32()));
        var objectiveNumbers = areas.EnumerateArray()
            .SelectMany(a => a.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()))
            .Order().ToList();
        Assert.Equal(Enumerable.Range(1, 23), objectiveNumbers);
        foreach (var area in areas.EnumerateArray())
        {
            var number = area.GetProperty("number").GetInt32();
            Assert.Equal(MappingOfDomainDoc[number],
                area.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));
            Assert.False(string.IsNullOrWhiteSpace(area.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public async Task One_thematic_area_reads_with_its_objectives_and_an_unknown_one_is_404()
    {
        var area = await GetAsync("fmu.officer", "/api/thematic-areas/5");
        Assert.Equal("Improving the social inclusion and integration of migrants", area.GetProperty("title").GetString());
        Assert.Equal([4, 15, 16], area.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));

        using var client = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/thematic-areas/6", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Gcm_objectives_are_23_each_naming_its_area()
    {
        var objectives = await GetAsync("sc.deu", "/api/gcm-objectives");

        Assert.Equal(Enumerable.Range(1, 23), objectives.EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));
        foreach (var objective in objectives.EnumerateArray())
        {
            var number = objective.GetProperty("number").GetInt32();
            var area = objective.GetProperty("thematicAreaNumber").GetInt32();
            Assert.Contains(number, MappingOfDomainDoc[area]);
        }

        var twenty = await GetAsync("sc.deu", "/api/gcm-objectives/20");
        Assert.Contains("remittances", twenty.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Guiding_principles_are_the_ten_of_the_compact()
    {
        var principles = await GetAsync("puno.iom", "/api/guiding-principles");

        Assert.Equal(Enumerable.Range(1, 10), principles.EnumerateArray().Select(p => p.GetProperty("number").GetInt32()));
        var titles = principles.EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Contains("Human rights", titles);
        Assert.Contains("Child-sensitive", titles);
        Assert.Contains("Whole-of-society approach", titles);
    }

    [Fact]
    public async Task Constituencies_are_four_with_three_seats_each()
    {
        var constituencies = await GetAsync("sc.idc", "/api/constituencies");

        Assert.Equal(["countries", "donors", "stakeholders", "un-network"],
            constituencies.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.All(constituencies.EnumerateArray(), c => Assert.Equal(3, c.GetProperty("seats").GetInt32()));
        Assert.Equal(12, constituencies.EnumerateArray().Sum(c => c.GetProperty("seats").GetInt32()));
    }

    [Fact]
    public async Task Countries_are_the_full_iso_list_each_with_its_region()
    {
        var countries = await GetAsync("gov.phl", "/api/countries");

        Assert.Equal(249, countries.GetArrayLength());
        var byCode = countries.EnumerateArray().ToDictionary(c => c.GetProperty("alpha3").GetString()!);
        Assert.Equal("Africa", byCode["GHA"].GetProperty("region").GetString());
        Assert.Equal("ArabStates", byCode["MAR"].GetProperty("region").GetString());
        Assert.Equal("AsiaPacific", byCode["PHL"].GetProperty("region").GetString());
        Assert.Equal("EuropeAndNorthAmerica", byCode["DEU"].GetProperty("region").GetString());
        Assert.Equal("LatinAmericaAndCaribbean", byCode["MEX"].GetProperty("region").GetString());
        Assert.Equal("PH", byCode["PHL"].GetProperty("alpha2").GetString());
        var withoutRegion = byCode.Values.Where(c => c.GetProperty("region").ValueKind == JsonValueKind.Null)
            .Select(c => c.GetProperty("alpha3").GetString()).Order().ToList();
        Assert.Equal(["ATA", "ATF", "BVT", "HMD", "SGS", "UMI"], withoutRegion);
    }

    [Fact]
    public async Task Countries_filter_by_region_and_by_name_or_code()
    {
        var arabStates = await GetAsync("fmu.officer", "/api/countries?region=ArabStates");
        Assert.Equal(22, arabStates.GetArrayLength());
        Assert.All(arabStates.EnumerateArray(), c => Assert.Equal("ArabStates", c.GetProperty("region").GetString()));

        var search = await GetAsync("fmu.officer", "/api/countries?search=gha");
        Assert.Contains(search.EnumerateArray(), c => c.GetProperty("alpha3").GetString() == "GHA");

        var anyCase = await GetAsync("fmu.officer", "/api/countries?search=mEXi");
        Assert.Equal(["MEX"], anyCase.EnumerateArray().Select(c => c.GetProperty("alpha3").GetString()));

        foreach (var literal in new[] { "%25", "_", "[a-c]" })
            Assert.Equal(0, (await GetAsync("fmu.officer", $"/api/countries?search={literal}")).GetArrayLength());

        var ghana = await GetAsync("fmu.officer", "/api/countries/gha");
        Assert.Equal("Ghana", ghana.GetProperty("name").GetString());

        using var client = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/countries/XXX", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);
        var problem = await HttpAssert.ValidationProblemAsync(
            await client.GetAsync("/api/countries?region=Antarctica", TestContext.Current.CancellationToken), "region");
        Assert.Equal("'Antarctica' is not a valid value; it must be one of: Africa, ArabStates, AsiaPacific, EuropeAndNorthAmerica, LatinAmericaAndCaribbean.", problem.GetProperty("errors").GetProperty("region")[0].GetString());
        await HttpAssert.ValidationProblemAsync(
            await client.GetAsync("/api/countries?region=7", TestContext.Current.CancellationToken), "region");
    }

    [Fact]
    public async Task Organizations_include_the_network_members_named_for_the_fund()
    {
        var organizations = await GetAsync("gov.gha", "/api/organizations");

        var codes = organizations.EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToHashSet();
        string[] required = ["IOM", "UNHCR", "ILO", "UNDP", "UNICEF", "OHCHR", "UNWOMEN", "UNODC", "UNFPA", "WHO",
            "UNHABITAT", "UNCTAD", "DESA", "IFAD", "WFP", "UNU", "UNEP"];
        Assert.All(required, code => Assert.Contains(code, codes));
        var unWomen = organizations.EnumerateArray().Single(o => o.GetProperty("code").GetString() == "UNWOMEN");
        Assert.Equal("UN Women", unWomen.GetProperty("acronym").GetString());
        Assert.True(unWomen.GetProperty("isNetworkMember").GetBoolean());
    }

    [Fact]
    public async Task Settings_start_with_the_fund_defaults()
    {
        var settings = await GetAsync("sc.mex", "/api/settings");

        Assert.Equal(0.01m, settings.GetProperty("administrativeAgentFeeRate").GetDecimal());
        Assert.Equal(0.07m, settings.GetProperty("indirectCostRate").GetDecimal());
        Assert.Equal("Consensus", settings.GetProperty("decisionRule").GetString());
        Assert.Equal(2, settings.GetProperty("quorumNumerator").GetInt32());
        Assert.Equal(3, settings.GetProperty("quorumDenominator").GetInt32());
        Assert.True(settings.GetProperty("quorumRequiresEveryConstituency").GetBoolean());
        Assert.Equal(90, settings.GetProperty("revisionPeriodDays").GetInt32());
        Assert.Equal(3_000_000m, settings.GetProperty("budgetCeilingUsd").GetDecimal());
        Assert.Equal(12, settings.GetProperty("minDurationMonths").GetInt32());
        Assert.Equal(36, settings.GetProperty("maxDurationMonths").GetInt32());
        Assert.Equal("Migration Multi-Partner Trust Fund", settings.GetProperty("fundName").GetString());
    }

    [Theory]
    [InlineData("fmu.officer")]
    [InlineData("admin")]
    [InlineData("gov.mex")]
    [InlineData("puno.unicef")]
    [InlineData("sc.srhrm")]
    public async Task Every_role_reads_every_reference_list(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        foreach (var path in new[] { "/api/thematic-areas", "/api/gcm-objectives", "/api/guiding-principles",
                     "/api/constituencies", "/api/countries", "/api/organizations", "/api/settings" })
            await HttpAssert.OkJsonAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));
    }
}
