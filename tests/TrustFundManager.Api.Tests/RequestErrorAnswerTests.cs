using System.Net;
using System.Text.Json;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

/// <summary>
/// What a client that made a mistake is told: the field, what is allowed, and nothing changed. A misspelt field is
/// refused (a PUT replaces the whole record, so an ignored field would be emptied), an unknown value lists the
/// allowed ones, every stale write names <c>version</c>, and a day outside the fund's years is a 400, not a 500.
/// </summary>
public sealed class RequestErrorAnswerTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] ErrorsOf(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static async Task<int> NoteCountAsync(HttpClient client) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync("/api/concept-notes?pageSize=1", Ct))).GetProperty("totalCount").GetInt32();

    [Fact]
    public async Task A_misspelt_field_on_a_create_is_refused_by_name_and_creates_nothing()
    {
        var government = await api.CreateClientAsAsync("gov.mex");
        var before = await NoteCountAsync(government);
        var note = ConceptNoteTestSupport.CompleteNote();
        note["summery"] = note["summary"]!.DeepClone();
        note.Remove("summary");

        var problem = await HttpAssert.ValidationProblemAsync(await government.CreateNoteAsync(note), "summery");

        Assert.Contains("'summery' is not a field of this request", ErrorsOf(problem, "summery").Single());
        Assert.Equal(before, await NoteCountAsync(government));
    }

    [Fact]
    public async Task A_misspelt_field_on_an_edit_is_refused_and_leaves_the_field_as_it_was()
    {
        var government = await api.CreateClientAsAsync("gov.mex");
        var id = await government.CreatedNoteAsync();
        var read = await HttpAssert.OkJsonAsync(await government.GetAsync($"/api/concept-notes/{id}", Ct));
        var edit = ConceptNoteTestSupport.CompleteNote().With("version", read.GetProperty("version").GetGuid())
            .With("durationMonth", 18);

        await HttpAssert.ValidationProblemAsync(await government.PutAsync($"/api/concept-notes/{id}",
            HttpAssert.JsonBody(edit.ToJsonString()), Ct), "durationMonth");

        var after = await HttpAssert.OkJsonAsync(await government.GetAsync($"/api/concept-notes/{id}", Ct));
        Assert.Equal(read.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
    }

    [Fact]
    public async Task A_misspelt_field_inside_a_list_is_named_with_its_place()
    {
        var government = await api.CreateClientAsAsync("gov.mex");
        var note = ConceptNoteTestSupport.CompleteNote();
        note["budget"]![0]!["amount"] = 1m;

        var problem = await HttpAssert.ValidationProblemAsync(await government.CreateNoteAsync(note));

        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;
        Assert.Equal("budget[0].amount", field);
    }

    [Fact]
    public async Task An_unknown_value_of_a_list_of_choices_in_a_body_is_answered_with_the_allowed_values()
    {
        var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ValidationProblemAsync(await fmu.PostAsync("/api/donors",
            HttpAssert.JsonBody(new { name = "Donor with a strange kind", kind = "Philanthropist", country = "DEU" }), Ct), "kind");

        var error = ErrorsOf(problem, "kind").Single();
        Assert.True(error.StartsWith("The value must be one of: ", StringComparison.Ordinal), error);
        Assert.Contains("Government", error);
        Assert.DoesNotContain("TrustFundManager", problem.GetRawText());
    }

    [Fact]
    public async Task An_unknown_value_in_a_query_is_answered_with_the_allowed_values()
    {
        var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ValidationProblemAsync(await fmu.GetAsync("/api/countries?region=Atlantis", Ct), "region");

        var error = ErrorsOf(problem, "region").Single();
        Assert.Contains("'Atlantis' is not a valid value; it must be one of: ", error);
        Assert.Contains("LatinAmericaAndCaribbean", error);
    }

    [Fact]
    public async Task Every_stale_write_names_the_version_field()
    {
        var government = await api.CreateClientAsAsync("gov.mex");
        var id = await government.CreatedNoteAsync();
        var stale = ConceptNoteTestSupport.CompleteNote().With("version", Guid.NewGuid());
        var noteProblem = await HttpAssert.ProblemAsync(await government.PutAsync($"/api/concept-notes/{id}",
            HttpAssert.JsonBody(stale.ToJsonString()), Ct), HttpStatusCode.Conflict);
        Assert.Single(ErrorsOf(noteProblem, "version"));

        var actProblem = await HttpAssert.ProblemAsync(
            await government.NoteActAsync(id, "submit", workflowVersion: Guid.NewGuid()), HttpStatusCode.Conflict);
        Assert.Single(ErrorsOf(actProblem, "version"));

        var fmu = await api.CreateClientAsAsync("fmu.officer");
        var settings = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/settings", Ct));
        // The settings as read, sent back from a version someone else has since replaced.
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings.GetRawText())!;
        body["version"] = JsonSerializer.SerializeToElement(Guid.NewGuid());
        var settingsResponse = await fmu.PutAsync("/api/settings", HttpAssert.JsonBody(JsonSerializer.Serialize(body)), Ct);
        var settingsProblem = await HttpAssert.ProblemAsync(settingsResponse, HttpStatusCode.Conflict);
        Assert.Single(ErrorsOf(settingsProblem, "version"));
    }

    [Theory]
    [InlineData("/api/funding-status?asOf=1899-12-29")]
    [InlineData("/api/funding-status?asOf=0001-01-01")]
    [InlineData("/api/reports/funding-status.xlsx?asOf=1899-12-29")]
    [InlineData("/api/reports/funding-status.xlsx?asOf=0001-01-01")]
    [InlineData("/api/results/summary?asOf=1899-12-29")]
    [InlineData("/api/steering-committee/composition?asOf=9999-12-31")]
    [InlineData("/api/steering-committee/members?asOf=0001-01-01")]
    public async Task A_day_outside_the_funds_years_is_a_400_naming_asOf(string path)
    {
        var fmu = await api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ValidationProblemAsync(await fmu.GetAsync(path, Ct), "asOf");

        Assert.Contains("between 2000-01-01 and 2099-12-31", ErrorsOf(problem, "asOf").Single());
        Assert.Equal("The request is not valid.", problem.GetProperty("title").GetString()); // a read changes nothing
    }

    [Fact]
    public async Task The_first_and_last_days_of_the_funds_years_are_answered()
    {
        var fmu = await api.CreateClientAsAsync("fmu.officer");

        var first = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/funding-status?asOf=2000-01-01", Ct));
        Assert.Equal("2000-01-01", first.GetProperty("asOf").GetString());
        var last = await fmu.GetAsync("/api/reports/funding-status.xlsx?asOf=2099-12-31", Ct);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", last.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await last.Content.ReadAsByteArrayAsync(Ct));
    }
}
