using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

/// <summary>Changes to reference data: what is accepted, what is refused, and what the audit log keeps.</summary>
public sealed class ReferenceDataChangeTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static readonly string ValidSettings = """
        {"version": "7d1e4c52-0000-4000-8000-000000000001", "fundName": "Migration Multi-Partner Trust Fund", "budgetCeilingUsd": 3000000.00, "minDurationMonths": 12,
         "maxDurationMonths": 36, "administrativeAgentFeeRate": 0.01, "indirectCostRate": 0.07,
         "decisionRule": "Consensus", "quorumNumerator": 2, "quorumDenominator": 3,
         "quorumRequiresEveryConstituency": true, "revisionPeriodDays": 90, "committeeTermMonths": 36}
        """;

    private static string Settings(string field, string value) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(ValidSettings)!
            .Where(p => p.Key != field)
            .ToDictionary(p => p.Key, p => p.Value)
            .Concat(value == "<missing>" ? [] : [KeyValuePair.Create(field, JsonDocument.Parse(value).RootElement)])
            .ToDictionary());

    public static TheoryData<string, string, string> InvalidChanges() => new()
    {
        { "/api/thematic-areas/1", "{\"title\": \"\"}", "title" },
        { "/api/thematic-areas/1", $"{{\"title\": \"{new string('t', 301)}\"}}", "title" },
        { "/api/thematic-areas", "{\"areas\": []}", "areas" },
        { "/api/thematic-areas", "{\"areas\": [{\"number\": null, \"objectiveNumbers\": [1]}]}", "areas[0].number" },
        { "/api/thematic-areas", "{\"areas\": [{\"number\": 1, \"objectiveNumbers\": [1, 1]}]}", "areas[0].objectiveNumbers" },
        { "/api/thematic-areas", "{\"areas\": [null]}", "areas[0]" },
        { "/api/thematic-areas", "{\"areas\": [{\"number\": 1}]}", "areas[0].objectiveNumbers" },
        { "/api/thematic-areas", "", "body" },
        { "/api/gcm-objectives/7", "{\"title\": \"Reduce vulnerabilities\"}", "thematicAreaNumber" },
        { "/api/gcm-objectives/7", "{\"title\": \" \", \"thematicAreaNumber\": 2}", "title" },
        { "/api/gcm-objectives/7", "{\"title\": \"Reduce vulnerabilities\", \"thematicAreaNumber\": 9}", "thematicAreaNumber" },
        { "/api/guiding-principles/1", "{\"description\": \"no title\"}", "title" },
        { "/api/constituencies/donors", "{\"name\": \"Donors\", \"seats\": 0}", "seats" },
        { "/api/constituencies/donors", "{\"name\": \"Donors\", \"seats\": 13}", "seats" },
        { "/api/constituencies/donors", "{\"name\": \"Donors\"}", "seats" },
        { "/api/constituencies/Donors", "{\"name\": \"Donors\", \"seats\": -1}", "seats" },
        { "/api/countries/MEX", "{\"name\": \"Mexico\", \"region\": \"Atlantis\"}", "region" },
        { "/api/countries/MEX", "{\"name\": \"Mexico\"}", "region" },
        { "/api/countries/MEX", "{\"name\": \"\", \"region\": \"LatinAmericaAndCaribbean\"}", "name" },
        { "/api/organizations/IOM", "{\"acronym\": \"IOM\", \"name\": \"\", \"isNetworkMember\": true, \"isActive\": true}", "name" },
        { "/api/organizations/IOM", "{\"acronym\": \"IOM\", \"name\": \"IOM\", \"isActive\": true}", "isNetworkMember" },
        { "/api/organizations/NEW-ORG", "{\"acronym\": \"N\", \"name\": \"New\", \"isNetworkMember\": true, \"isActive\": true}", "code" },
        { "/api/settings", Settings("budgetCeilingUsd", "0"), "budgetCeilingUsd" },
        { "/api/settings", Settings("budgetCeilingUsd", "1000.005"), "budgetCeilingUsd" },
        { "/api/settings", Settings("budgetCeilingUsd", "<missing>"), "budgetCeilingUsd" },
        { "/api/settings", Settings("budgetCeilingUsd", "100000000000000000000"), "budgetCeilingUsd" },
        { "/api/settings", Settings("budgetCeilingUsd", "\"three million\""), "budgetCeilingUsd" },
        { "/api/settings", Settings("indirectCostRate", "0.0123456789"), "indirectCostRate" },
        { "/api/settings", Settings("maxDurationMonths", "6"), "maxDurationMonths" },
        { "/api/settings", Settings("minDurationMonths", "0"), "minDurationMonths" },
        { "/api/settings", Settings("administrativeAgentFeeRate", "1.5"), "administrativeAgentFeeRate" },
        { "/api/settings", Settings("indirectCostRate", "-0.07"), "indirectCostRate" },
        { "/api/settings", Settings("decisionRule", "\"Unanimity\""), "decisionRule" },
        { "/api/settings", Settings("quorumNumerator", "4"), "quorumNumerator" },
        { "/api/settings", Settings("quorumDenominator", "0"), "quorumDenominator" },
        { "/api/settings", Settings("fundName", "\"\""), "fundName" },
        { "/api/settings", Settings("quorumRequiresEveryConstituency", "<missing>"), "quorumRequiresEveryConstituency" },
        { "/api/settings", Settings("revisionPeriodDays", "6"), "revisionPeriodDays" },
        { "/api/settings", Settings("revisionPeriodDays", "731"), "revisionPeriodDays" },
        { "/api/settings", Settings("committeeTermMonths", "5"), "committeeTermMonths" },
        { "/api/settings", Settings("committeeTermMonths", "<missing>"), "committeeTermMonths" },
        { "/api/settings", Settings("revisionPeriodDays", "<missing>"), "revisionPeriodDays" },
        { "/api/settings", Settings("version", "<missing>"), "version" },
        { "/api/settings", Settings("version", "\"not-a-guid\""), "version" },
    };

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public async Task Bad_input_to_every_write_endpoint_gets_400_with_field_errors_and_changes_nothing(
        string path, string json, string field)
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");
        var before = await SnapshotAsync();

        var response = await client.PutAsync(path, HttpAssert.JsonBody(json), TestContext.Current.CancellationToken);

        await HttpAssert.ValidationProblemAsync(response, field);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("/api/thematic-areas/9", "{\"title\": \"Nine\"}")]
    [InlineData("/api/gcm-objectives/24", "{\"title\": \"Twenty-four\", \"thematicAreaNumber\": 1}")]
    [InlineData("/api/guiding-principles/11", "{\"title\": \"Eleven\"}")]
    [InlineData("/api/constituencies/observers", "{\"name\": \"Observers\", \"seats\": 2}")]
    [InlineData("/api/countries/XYZ", "{\"name\": \"Nowhere\", \"region\": \"Africa\"}")]
    public async Task Changing_something_that_does_not_exist_is_404_and_adds_nothing(string path, string json)
    {
        // Seats are governance, the FMU's alone; the rest is the administrators' reference data too.
        using var client = await api.CreateClientAsAsync(path.StartsWith("/api/constituencies", StringComparison.Ordinal) ? "fmu.officer" : "admin");
        var before = await SnapshotAsync();

        await HttpAssert.ProblemAsync(await client.PutAsync(path, HttpAssert.JsonBody(json), TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_remap_that_leaves_an_objective_in_no_area_or_in_two_is_refused_and_changes_nothing()
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");
        var before = await SnapshotAsync();

        // Objective 23 left out of every area.
        var inNone = await client.PutAsync("/api/thematic-areas", HttpAssert.JsonBody(Mapping(a => a == 1 ? [1, 3, 17] : null)),
            TestContext.Current.CancellationToken);
        var problem = await HttpAssert.ValidationProblemAsync(inNone, "areas");
        Assert.Contains("Objective 23 would belong to no thematic area",
            problem.GetProperty("errors").GetProperty("areas")[0].GetString());

        // Objective 7 in areas 2 and 5.
        var inTwo = await client.PutAsync("/api/thematic-areas", HttpAssert.JsonBody(Mapping(a => a == 5 ? [4, 7, 15, 16] : null)),
            TestContext.Current.CancellationToken);
        problem = await HttpAssert.ValidationProblemAsync(inTwo, "areas");
        Assert.Contains("Objective 7 would belong to 2 areas", problem.GetProperty("errors").GetProperty("areas")[0].GetString());

        // An area missing from the mapping, and an objective that does not exist.
        var partial = await client.PutAsync("/api/thematic-areas",
            HttpAssert.JsonBody("{\"areas\": [{\"number\": 1, \"objectiveNumbers\": [1, 99]}]}"), TestContext.Current.CancellationToken);
        await HttpAssert.ValidationProblemAsync(partial, "areas", "areas[0].objectiveNumbers");

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_remap_that_empties_an_area_is_refused()
    {
        using var client = await api.CreateClientAsAsync("fmu.officer");
        var before = await SnapshotAsync();

        var response = await client.PutAsync("/api/thematic-areas", HttpAssert.JsonBody(Mapping(a => a switch
        {
            1 => [1, 3, 17, 23, 4, 15, 16],
            5 => [],
            _ => null,
        })), TestContext.Current.CancellationToken);

        await HttpAssert.ValidationProblemAsync(response, "areas[4].objectiveNumbers");
        Assert.Equal(before, await SnapshotAsync());
    }

    private static string Mapping(Func<int, int[]?> overrideArea)
    {
        var defaults = new Dictionary<int, int[]>
        {
            [1] = [1, 3, 17, 23], [2] = [2, 7, 8, 12, 13], [3] = [9, 10, 11, 14, 21], [4] = [5, 6, 18, 19, 20, 22], [5] = [4, 15, 16],
        };
        return JsonSerializer.Serialize(new
        {
            areas = defaults.Select(a => new { number = a.Key, objectiveNumbers = overrideArea(a.Key) ?? a.Value }),
        });
    }

    /// <summary>Every reference table and the audit log, as text: equal snapshots mean nothing changed.</summary>
    private Task<string> SnapshotAsync() => api.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        areas = await db.ThematicAreas.AsNoTracking().OrderBy(a => a.Number).ToListAsync(),
        objectives = await db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number).ToListAsync(),
        principles = await db.GuidingPrinciples.AsNoTracking().OrderBy(p => p.Number).ToListAsync(),
        constituencies = await db.Constituencies.AsNoTracking().OrderBy(c => c.Code).ToListAsync(),
        countries = await db.Countries.AsNoTracking().OrderBy(c => c.Alpha3).ToListAsync(),
        organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(),
        settings = await db.FundSettings.AsNoTracking().SingleAsync(),
        audit = await db.AuditEntries.CountAsync(),
    }));
}
