using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.ConceptNotes;

public sealed class ConceptNoteListTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private HttpClient fmu = null!;
    private Guid mexicoLabour;
    private Guid mexicoRegional;
    private Guid philippinesData;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fmu = await api.CreateClientAsAsync("fmu.officer");
        mexicoLabour = await fmu.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("MEX", "Fair recruitment (100% decent_work)"));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        mexicoRegional = await fmu.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("MEX", "Regional reintegration")
            .With("otherCountries", new JsonArray("GTM")).With("thematicAreaNumber", 3).With("gcmObjectives", new JsonArray(21))
            .With("totalRequestedUsd", 2_000_000m)
            .With("budget", JsonNode.Parse("""[{"organization":"IOM","amountUsd":1500000},{"organization":"UNICEF","amountUsd":500000}]""")));
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        philippinesData = await fmu.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("PHL", "Migration data for planning")
            .With("thematicAreaNumber", 1).With("gcmObjectives", new JsonArray(1, 3)).With("totalRequestedUsd", 500_000m)
            .With("budget", JsonNode.Parse("""[{"organization":"UNFPA","amountUsd":250000},{"organization":"IOM","amountUsd":250000}]""")));

        api.Clock.Advance(TimeSpan.FromMinutes(10));
        await fmu.NoteStepsAsync(mexicoRegional, "submit");
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        await fmu.NoteStepsAsync(philippinesData, "submit", "startScreening");
    }

    public async ValueTask DisposeAsync()
    {
        fmu.Dispose();
        await api.DisposeAsync();
    }

    [Theory]
    [InlineData("", "philippinesData,mexicoRegional,mexicoLabour")]
    [InlineData("status=draft", "mexicoLabour")]
    [InlineData("status=screening", "philippinesData")]
    [InlineData("country=GTM", "mexicoRegional")]
    [InlineData("country=mex", "mexicoRegional,mexicoLabour")]
    [InlineData("region=AsiaPacific", "philippinesData")]
    [InlineData("thematicArea=3", "mexicoRegional")]
    [InlineData("gcmObjective=3", "philippinesData")]
    [InlineData("organization=unicef", "mexicoRegional")]
    [InlineData("organization=IOM&status=submitted", "mexicoRegional")]
    [InlineData("q=REINTEGRATION", "mexicoRegional")]
    [InlineData("q=100%25", "mexicoLabour")]
    [InlineData("q=_", "mexicoLabour")]
    [InlineData("q=%25", "mexicoLabour")]
    [InlineData("sort=title", "mexicoLabour,philippinesData,mexicoRegional")]
    [InlineData("sort=-totalRequestedUsd", "mexicoRegional,mexicoLabour,philippinesData")]
    [InlineData("sort=submittedAt&status=submitted", "mexicoRegional")]
    [InlineData("sort=createdAt", "mexicoLabour,mexicoRegional,philippinesData")]
    public async Task Filters_and_sorting(string query, string expected)
    {
        Assert.Equal(expected.Split(','), await ListAsync(query));
    }

    [Fact]
    public async Task Submitted_between_takes_the_first_submission_date_in_any_offset()
    {
        var regional = await fmu.GetNoteAsync(mexicoRegional);
        var submittedAt = regional.GetProperty("firstSubmittedAt").GetDateTimeOffset();
        var from = Uri.EscapeDataString(submittedAt.AddMinutes(-1).ToOffset(TimeSpan.FromHours(5)).ToString("O"));
        var to = Uri.EscapeDataString(submittedAt.AddMinutes(5).ToString("O"));
        Assert.Equal(["mexicoRegional"], await ListAsync($"submittedFrom={from}&submittedTo={to}"));
        Assert.Equal(["philippinesData", "mexicoRegional"], await ListAsync($"submittedFrom={from}"));
    }

    [Fact]
    public async Task Pages_count_every_match()
    {
        var page = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/concept-notes?pageSize=2&page=2&sort=createdAt", Ct));
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(philippinesData, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var item = page.GetProperty("items")[0];
        Assert.Equal(["UNFPA", "IOM"], item.GetProperty("organizations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("screening", item.Status());
    }

    [Fact]
    public async Task Status_counts_name_every_status_in_the_workflow_s_order_and_count_only_what_the_caller_may_see()
    {
        var all = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/concept-notes/status-counts", Ct));
        var statuses = all.EnumerateArray().Select(c => c.GetProperty("status").GetProperty("name").GetString()).ToList();
        Assert.Equal(["draft", "submitted", "screening", "returnedForRevision", "ineligible", "underCommitteeReview",
            "approvedInPipeline", "rejected", "deferred", "withdrawn", "funded"], statuses);
        Assert.Equal(new Dictionary<string, int> { ["draft"] = 1, ["submitted"] = 1, ["screening"] = 1 }, NonZero(all));
        Assert.Equal("Approved, in the pipeline", all[6].GetProperty("status").GetProperty("title").GetString());

        // Mexico's government counts its own two notes, not the Philippines' note in screening.
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        var own = await HttpAssert.OkJsonAsync(await mexico.GetAsync("/api/concept-notes/status-counts", Ct));
        Assert.Equal(new Dictionary<string, int> { ["draft"] = 1, ["submitted"] = 1 }, NonZero(own));

        static Dictionary<string, int> NonZero(JsonElement counts) => counts.EnumerateArray()
            .Where(c => c.GetProperty("count").GetInt32() > 0)
            .ToDictionary(c => c.GetProperty("status").GetProperty("name").GetString()!, c => c.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("sort=createdAt", 2)]
    [InlineData("status=submitted", 1)]
    [InlineData("thematicArea=3", 1)]
    public async Task A_government_lists_its_own_countrys_notes_not_another_countrys_naming_it_among_its_countries(
        string query, int expected)
    {
        var guatemalan = await fmu.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("GTM", "Border communities")
            .With("otherCountries", new JsonArray("MEX")).With("thematicAreaNumber", 3));
        await fmu.NoteStepsAsync(guatemalan, "submit");
        using var mexico = await api.CreateClientAsAsync("gov.mex");

        var page = await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/concept-notes?{query}", Ct));
        var listed = page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(expected, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected, listed.Count);
        Assert.All(listed, id => Assert.Contains(id, new[] { mexicoLabour, mexicoRegional }));
        Assert.Equal(HttpStatusCode.NotFound, (await mexico.GetNoteResponseAsync(guatemalan)).StatusCode);
    }

    [Theory]
    [InlineData("status=approved", "status")]
    [InlineData("sort=budget", "sort")]
    [InlineData("region=Antarctica", "region")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("country=MEXICO", "country")]
    [InlineData("submittedFrom=2026-05-01T00:00:00Z&submittedTo=2026-04-01T00:00:00Z", "submittedTo")]
    [InlineData("thematicArea=one", "thematicArea")]
    public async Task A_bad_filter_answers_400_naming_it(string query, string field)
    {
        await HttpAssert.ValidationProblemAsync(await fmu.GetAsync($"/api/concept-notes?{query}", Ct), field);
    }

    private async Task<IReadOnlyList<string>> ListAsync(string query)
    {
        var names = new Dictionary<Guid, string>
        {
            [mexicoLabour] = nameof(mexicoLabour), [mexicoRegional] = nameof(mexicoRegional),
            [philippinesData] = nameof(philippinesData),
        };
        var page = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes?{query}", Ct));
        return page.GetProperty("items").EnumerateArray().Select(n => names[n.GetProperty("id").GetGuid()]).ToList();
    }
}
