using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>
/// Requests the API cannot read or the fund's rules refuse, on UNICEF and ILO's programme: each answers 400 or 409
/// naming the field, and nothing is written (rows counted before and after, the matrix and the report read again).
/// </summary>
public sealed class ResultsRuleTests(ResultsHost host) : IClassFixture<ResultsHost>
{
    private readonly SqliteApiFactory api = host.Api;
    private Guid Programme => host.WithIlo;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string MatrixPath => $"/api/joint-programmes/{Programme}/results";

    /// <summary>The programme's matrix, written once for the class.</summary>
    private async Task<JsonElement> MatrixAsync()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var matrix = await fmu.GetMatrixAsync(Programme);
        if (matrix.GetProperty("version").ValueKind != JsonValueKind.Null) return matrix;
        return await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(Programme,
            ResultsTestSupport.Matrix(null, api.Today(), api.Today().AddYears(2))));
    }

    /// <summary>UNICEF's report for the first month of the programme, opened once for the class.</summary>
    private async Task<JsonElement> ReportAsync()
    {
        await MatrixAsync();
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var reports = await HttpAssert.OkJsonAsync(await unicef.GetAsync($"/api/joint-programmes/{Programme}/progress-reports", Ct));
        if (reports.GetArrayLength() > 0) return await unicef.GetReportAsync(reports[0].Id());
        return await HttpAssert.OkJsonAsync(await unicef.OpenReportAsync(Programme, api.Today(), api.Today().AddDays(29)),
            HttpStatusCode.Created);
    }

    /// <summary>The matrix as a client would send it back: its version and its items with their ids.</summary>
    private static JsonObject Resend(JsonElement matrix)
    {
        var body = JsonNode.Parse(matrix.GetRawText())!.AsObject();
        return new JsonObject { ["version"] = body["version"]!.DeepClone(), ["outcomes"] = body["outcomes"]!.DeepClone() };
    }

    private static JsonObject Edit(JsonElement matrix, Action<JsonObject> change)
    {
        var body = Resend(matrix);
        change(body);
        return body;
    }

    private static JsonObject Indicator(JsonObject body) => body["outcomes"]![0]!["indicators"]![0]!.AsObject();

    private static JsonObject OutputIndicator(JsonObject body) => body["outcomes"]![0]!["outputs"]![0]!["indicators"]![0]!.AsObject();

    private async Task<(HttpResponseMessage Response, ResultsRows Before)> PutRawAsync(HttpClient client, string json)
    {
        var before = await api.ResultsRowsAsync();
        return (await client.PutAsync(MatrixPath, HttpAssert.JsonBody(json), Ct), before);
    }

    [Fact]
    public async Task A_matrix_the_API_cannot_read_is_refused_naming_the_field_and_nothing_is_written()
    {
        var matrix = await MatrixAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var cases = new (string Json, string Field)[]
        {
            ("{\"outcomes\": [ {\"statement\": ", "outcomes[0].statement"),
            ("not json at all", "body"),
            (Edit(matrix, b => b["outcomes"]![0]!["thematicAreaNumber"] = "two").ToJsonString(), "outcomes[0].thematicAreaNumber"),
            (Edit(matrix, b => b["outcomes"]![0]!["gcmObjectives"] = "7, 12").ToJsonString(), "outcomes[0].gcmObjectives"),
            (Edit(matrix, b => Indicator(b)["kind"] = "Percentage").ToJsonString(), "outcomes[0].indicators[0].kind"),
            (Edit(matrix, b => Indicator(b)["baselineDate"] = "31/12/2026").ToJsonString(), "outcomes[0].indicators[0].baselineDate"),
            (Edit(matrix, b => Indicator(b)["bySex"] = "yes").ToJsonString(), "outcomes[0].indicators[0].bySex"),
            (Edit(matrix, b => b["version"] = 12).ToJsonString(), "version"),
        };

        foreach (var (json, field) in cases)
        {
            var (response, before) = await PutRawAsync(fmu, json);
            await HttpAssert.ValidationProblemAsync(response, field);
            Assert.Equal(before, await api.ResultsRowsAsync());
        }
        Assert.Equal(matrix.GetRawText(), (await fmu.GetMatrixAsync(Programme)).GetRawText());
    }

    [Fact]
    public async Task Values_of_the_wrong_kind_and_overlong_texts_in_a_matrix_are_refused_naming_the_field_and_nothing_is_written()
    {
        var matrix = await MatrixAsync();
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var cases = new (Action<JsonObject> Change, string Field, string? Message)[]
        {
            (b => Indicator(b)["baseline"] = "500", "outcomes[0].indicators[0].baseline", "A quantitative indicator takes numbers only, not '500'."),
            (b => Indicator(b)["target"] = "N/A", "outcomes[0].indicators[0].target", "A quantitative indicator takes numbers only, not 'N/A'."),
            (b => Indicator(b)["target"] = "yes", "outcomes[0].indicators[0].target", null),
            (b => Indicator(b)["baseline"] = true, "outcomes[0].indicators[0].baseline", null),
            (b => Indicator(b)["baseline"] = null, "outcomes[0].indicators[0].baseline", null),
            (b => OutputIndicator(b)["baseline"] = 3, "outcomes[0].outputs[0].indicators[0].baseline",
                "A qualitative indicator is described in words, not by a number."),
            (b => OutputIndicator(b)["unit"] = "people", "outcomes[0].outputs[0].indicators[0].unit", null),
            (b => Indicator(b)["unit"] = null, "outcomes[0].indicators[0].unit", null),
            (b => b["outcomes"]![0]!["statement"] = new string('s', 1001), "outcomes[0].statement", null),
            (b => b["outcomes"]![0]!["outputs"]![0]!["statement"] = new string('s', 1001), "outcomes[0].outputs[0].statement", null),
            (b => Indicator(b)["name"] = new string('n', 501), "outcomes[0].indicators[0].name", null),
            (b => Indicator(b)["unit"] = new string('u', 101), "outcomes[0].indicators[0].unit", null),
            (b => Indicator(b)["meansOfVerification"] = new string('m', 1001), "outcomes[0].indicators[0].meansOfVerification", null),
            (b => OutputIndicator(b)["target"] = new string('t', 1001), "outcomes[0].outputs[0].indicators[0].target", null),
            (b => Indicator(b)["organization"] = "UNDP", "outcomes[0].indicators[0].organization", null),
            (b => b["outcomes"]![0]!["thematicAreaNumber"] = 9, "outcomes[0].thematicAreaNumber", null),
            (b => b["outcomes"]![0]!["gcmObjectives"] = new JsonArray(7, 24), "outcomes[0].gcmObjectives", "Not GCM objectives: 24."),
            (b => Indicator(b)["targetDate"] = Indicator(b)["baselineDate"]!.DeepClone(), "outcomes[0].indicators[0].targetDate", null),
            (b => Indicator(b)["id"] = Guid.NewGuid().ToString(), "indicators", null),
        };

        foreach (var (change, field, message) in cases)
        {
            var (response, before) = await PutRawAsync(unicef, Edit(matrix, change).ToJsonString());
            var problem = await HttpAssert.ValidationProblemAsync(response, field);
            if (message is not null) Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
            Assert.Equal(before, await api.ResultsRowsAsync());
        }
        Assert.Equal(matrix.GetRawText(), (await unicef.GetMatrixAsync(Programme)).GetRawText());

        // The matrix sent back as read is accepted: the refusals were about the changes.
        var resent = await HttpAssert.OkJsonAsync(await unicef.PutAsync(MatrixPath, HttpAssert.JsonBody(Resend(matrix).ToJsonString()), Ct));
        Assert.Equal(matrix.AllIndicators().Select(i => i.Id()), resent.AllIndicators().Select(i => i.Id()));
    }

    [Fact]
    public async Task Values_the_API_cannot_read_or_of_the_wrong_kind_are_refused_naming_the_field_and_nothing_is_written()
    {
        var report = await ReportAsync();
        var id = report.Id();
        var indicators = report.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicatorId").GetGuid()).ToList();
        var referrals = Assert.Single(indicators);
        var version = report.Version();
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        string Body(object value) => JsonSerializer.Serialize(new { version, values = new[] { value } }, TrustFundApiFactory.Json);
        var cases = new (string Json, string Field)[]
        {
            ("{\"version\": \"" + version + "\", \"values\": [ { ", "values[0]"),
            ("{\"version\": \"not-a-version\", \"values\": []}", "version"),
            (Body(new { indicatorId = referrals, actual = "400", narrative = "Desks opened" }), "values[0].actual"),
            (Body(new { indicatorId = referrals, actual = "N/A", narrative = "Not yet" }), "values[0].actual"),
            (Body(new { indicatorId = referrals, actual = true, narrative = "Desks opened" }), "values[0].actual"),
            (Body(new { indicatorId = referrals, actual = 400, narrative = new string('n', 4001) }), "values[0].narrative"),
            (Body(new { indicatorId = referrals, actual = 400, narrative = "x", breakdown = new { female = "many", male = 150 } }),
                "values[0].breakdown.female"),
            (Body(new { indicatorId = referrals, actual = 400, narrative = "x", breakdown = new { female = 300, male = 150 } }),
                "values[0].breakdown.female"),
            (Body(new { indicatorId = referrals, actual = 400, narrative = "x", breakdown = new { female = 250, male = 150, children = 400, adults = 0 } }),
                "values[0].breakdown.children"),
            (Body(new { indicatorId = "not-an-id", actual = 400 }), "values[0].indicatorId"),
            (Body(new { indicatorId = Guid.NewGuid(), actual = 400, narrative = "x" }), "values[0].indicatorId"),
            (JsonSerializer.Serialize(new { version, values = Enumerable.Range(0, 501).Select(_ => new { indicatorId = referrals, actual = 1 }) }),
                "values"),
        };

        foreach (var (json, field) in cases)
        {
            var before = await api.ResultsRowsAsync();
            await HttpAssert.ValidationProblemAsync(await unicef.PutAsync($"/api/progress-reports/{id}/values", HttpAssert.JsonBody(json), Ct),
                field);
            Assert.Equal(before, await api.ResultsRowsAsync());
        }
        var after = await unicef.GetReportAsync(id);
        Assert.Equal(report.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task A_report_for_a_period_that_breaks_a_rule_is_refused_and_nothing_is_written()
    {
        var existing = await ReportAsync();
        var (start, end) = (existing.GetProperty("periodStart").GetString()!, existing.GetProperty("periodEnd").GetString()!);
        var today = api.Today();
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var path = $"/api/joint-programmes/{Programme}/progress-reports";
        var refused = new (HttpResponseMessage Response, HttpStatusCode Status, string? Field)[4];
        var before = await api.ResultsRowsAsync();

        refused[0] = (await unicef.PostAsync(path, HttpAssert.JsonBody("{\"periodStart\": \"2026-13-01\", \"periodEnd\": \"2027-01-31\"}"), Ct),
            HttpStatusCode.BadRequest, "periodStart");
        refused[1] = (await unicef.PostAsJsonAsync(path, new { periodStart = today }, Ct), HttpStatusCode.BadRequest, "periodEnd");
        refused[2] = (await unicef.OpenReportAsync(Programme, today.AddDays(1), today.AddDays(30)), HttpStatusCode.BadRequest, "periodStart");
        refused[3] = (await unicef.OpenReportAsync(Programme, today.AddDays(-400), today.AddDays(-1)), HttpStatusCode.BadRequest, "periodEnd");
        foreach (var (response, status, field) in refused)
        {
            var problem = await HttpAssert.ProblemAsync(response, status);
            Assert.Contains(field!, problem.Errors());
        }

        var overlap = await HttpAssert.ProblemAsync(await unicef.OpenReportAsync(Programme, today, today.AddDays(10)), HttpStatusCode.Conflict);
        Assert.Contains($"UNICEF already has a report for {start} to {end}", overlap.GetProperty("detail").GetString());
        Assert.Equal(before, await api.ResultsRowsAsync());
    }

    [Fact]
    public async Task Revising_removes_left_out_outcomes_with_their_outputs_and_keeps_the_items_named_by_id()
    {
        var (from, to) = (host.Start, host.Start.AddYears(2));
        object Outcome(Guid? id, string statement, object[] indicators, object[] outputs) =>
            new { id, statement, thematicAreaNumber = 2, gcmObjectives = new[] { 7 }, indicators, outputs };
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var first = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(host.WithIom, new
        {
            version = (Guid?)null,
            outcomes = new[]
            {
                Outcome(null, "First", [ResultsTestSupport.Indicator("A", 0m, 10m, from, to)],
                    [new { statement = "Output of the first", indicators = new[] { ResultsTestSupport.Indicator("B", "none", "all", from, to, "IOM", "Qualitative", null) } }]),
                Outcome(null, "Second", [ResultsTestSupport.Indicator("C", 0m, 10m, from, to)], []),
            },
        }));
        var ids = first.AllIndicators().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.Id());
        var second = first.GetProperty("outcomes")[1].Id();

        // The first outcome and its output go; A moves under the second outcome, which gains an output.
        var revised = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(host.WithIom, new
        {
            version = first.Version(),
            outcomes = new[]
            {
                Outcome(second, "Second", [ResultsTestSupport.Indicator("C", 0m, 10m, from, to, id: ids["C"]),
                        ResultsTestSupport.Indicator("A", 0m, 20m, from, to, id: ids["A"])],
                    [new { statement = "New output", indicators = new[] { ResultsTestSupport.Indicator("D", 0m, 5m, from, to, "IOM") } }]),
            },
        }));

        var outcome = Assert.Single(revised.GetProperty("outcomes").EnumerateArray());
        Assert.Equal((second, "1"), (outcome.Id(), outcome.GetProperty("code").GetString()));
        Assert.Equal([("C", "1.a", ids["C"]), ("A", "1.b", ids["A"])], outcome.GetProperty("indicators").EnumerateArray()
            .Select(i => (i.GetProperty("name").GetString(), i.GetProperty("code").GetString(), i.Id())));
        Assert.Equal(20m, outcome.GetProperty("indicators")[1].GetProperty("target").GetDecimal());
        Assert.Equal("1.1.1", outcome.GetProperty("outputs")[0].GetProperty("indicators")[0].GetProperty("code").GetString());
        Assert.Equal((1, 1, 3), await api.WithDbAsync(async db => (
            await db.Set<TrustFundManager.Domain.Results.Outcome>().CountAsync(o => o.ProgrammeId == host.WithIom, Ct),
            await db.Set<TrustFundManager.Domain.Results.Output>().CountAsync(o => o.ProgrammeId == host.WithIom, Ct),
            await db.Indicators.CountAsync(i => i.ProgrammeId == host.WithIom, Ct))));
        Assert.False(await api.WithDbAsync(db => db.Indicators.AnyAsync(i => i.Id == ids["B"], Ct)));
    }
}
