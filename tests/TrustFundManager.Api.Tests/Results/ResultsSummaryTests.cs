using System.Net;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>
/// The fund's results summary worked by hand, on a database of its own with two programmes begun on day 0:
/// <list type="bullet">
/// <item>P1 (UNICEF and IOM), area 2, objectives 7 and 12: referrals 0 to 1,000 people by day 200 (UNICEF), and IOM's
/// procedure (words, never reported).</item>
/// <item>P2 (UNICEF and ILO), area 4, objectives 12 and 5: days in detention 40 down to 20 by day 200 (UNICEF), and the
/// shelters' standard (words, UNICEF).</item>
/// </list>
/// Reports: R1 P1 days 0-49, referrals 200 (the path expects 245: behind), approved day 120; R2 P2 days 0-49, detention
/// 38 (expects 35.1: behind), approved day 60; R3 P1 days 50-99, referrals 500 (expects 495: on track), approved day
/// 110; R4 P2 days 50-99, detention 10, returned on day 110 and never approved.
/// </summary>
public sealed class ResultsSummaryTests(ResultsHost host) : IClassFixture<ResultsHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Outcome(string statement, int area, int[] objectives, object indicator, object outputIndicator) => new
    {
        statement, thematicAreaNumber = area, gcmObjectives = objectives, indicators = new[] { indicator },
        outputs = new[] { new { statement = $"Output of {statement}", indicators = new[] { outputIndicator } } },
    };

    private static JsonElement Row(JsonElement summary, string group, int number) =>
        summary.GetProperty(group).EnumerateArray().Single(r => r.GetProperty("number").GetInt32() == number);

    private static (int, int, int, int, int, int, int, decimal?) Figures(JsonElement row) => (row.GetProperty("programmes").GetInt32(),
        row.GetProperty("outcomes").GetInt32(), row.GetProperty("indicators").GetInt32(), row.GetProperty("quantitativeIndicators").GetInt32(),
        row.GetProperty("indicatorsWithActuals").GetInt32(), row.GetProperty("measured").GetInt32(), row.GetProperty("onTrack").GetInt32(),
        row.GetProperty("onTrackShare").ValueKind == JsonValueKind.Null ? null : row.GetProperty("onTrackShare").GetDecimal());

    private static JsonElement Latest(JsonElement row, Guid indicator) =>
        row.GetProperty("latestActuals").EnumerateArray().Single(a => a.GetProperty("indicatorId").GetGuid() == indicator);

    [Fact]
    public async Task The_summary_counts_programmes_indicators_and_the_share_on_track_by_area_and_objective_as_of_a_day()
    {
        var (p1, p2, day0) = (host.WithIom, host.WithIlo, host.Start);
        var (from, to) = (day0, day0.AddDays(200));
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var m1 = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(p1, new
        {
            version = (Guid?)null,
            outcomes = new[] { Outcome("Migrants are referred", 2, [7, 12],
                ResultsTestSupport.Indicator("Referrals", 0m, 1000m, from, to, bySex: true),
                ResultsTestSupport.Indicator("Procedure", "None", "Adopted", from, to, "IOM", "Qualitative", null)) },
        }));
        var m2 = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(p2, new
        {
            version = (Guid?)null,
            outcomes = new[] { Outcome("Detention is a last resort", 4, [12, 5],
                ResultsTestSupport.Indicator("Days in detention", 40m, 20m, from, to, unit: "days"),
                ResultsTestSupport.Indicator("Shelter standard", "None met", "All met", from, to, "UNICEF", "Qualitative", null)) },
        }));
        var referrals = m1.AllIndicators().First().Id();
        var (detention, standard) = (m2.AllIndicators().First().Id(), m2.AllIndicators().Last().Id());
        object Referrals(int n) => new { indicatorId = referrals, actual = n, narrative = "Registry", breakdown = new { female = n / 2, male = n - n / 2 } };
        object Detention(int n) => new { indicatorId = detention, actual = n, narrative = "Detention records" };
        object Standard(string text) => new { indicatorId = standard, actual = text, narrative = "Inspections" };

        using (var unicef = await api.CreateClientAsAsync("puno.unicef"))
        {
            await unicef.OpenedReportAsync(p1, day0, day0.AddDays(49), Referrals(200));
            await unicef.OpenedReportAsync(p2, day0, day0.AddDays(49), Detention(38), Standard("Two of five met"));
        }
        var reports = await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ProgressReports, Ct));
        var r1 = reports.Single(r => r.ProgrammeId == p1).Id;
        var r2 = reports.Single(r => r.ProgrammeId == p2).Id;

        host.MoveTo(day0.AddDays(60));
        Guid r3, r4;
        using (var unicef = await api.CreateClientAsAsync("puno.unicef"))
        using (var officer = await api.CreateClientAsAsync("fmu.officer"))
        {
            await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(r1, "submit"));
            await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(r2, "submit"));
            await HttpAssert.OkJsonAsync(await officer.ReportActAsync(r2, "approve"));
            r3 = (await unicef.OpenedReportAsync(p1, day0.AddDays(50), day0.AddDays(99), Referrals(500))).Id();
            r4 = (await unicef.OpenedReportAsync(p2, day0.AddDays(50), day0.AddDays(99), Detention(10), Standard("All met"))).Id();
        }
        host.MoveTo(day0.AddDays(110));
        using (var unicef = await api.CreateClientAsAsync("puno.unicef"))
        using (var officer = await api.CreateClientAsAsync("fmu.officer"))
        {
            await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(r3, "submit"));
            await HttpAssert.OkJsonAsync(await unicef.ReportActAsync(r4, "submit"));
            await HttpAssert.OkJsonAsync(await officer.ReportActAsync(r3, "approve"));
            await HttpAssert.OkJsonAsync(await officer.ReportActAsync(r4, "return", "Check the detention figure."));
        }
        host.MoveTo(day0.AddDays(120));
        using var member = await api.CreateClientAsAsync("sc.deu");
        using (var officer = await api.CreateClientAsAsync("fmu.officer"))
            await HttpAssert.OkJsonAsync(await officer.ReportActAsync(r1, "approve"));

        async Task<JsonElement> SummaryAsync(int? day) => await HttpAssert.OkJsonAsync(await member.GetAsync(
            day is null ? "/api/results/summary" : $"/api/results/summary?asOf={day0.AddDays(day.Value):yyyy-MM-dd}", Ct));

        // Today (day 120): R3's later period wins over R1's later approval; R4, returned, gives nothing.
        var today = await SummaryAsync(null);
        Assert.Equal((2, 2, 4, 2, 3, 2, 1, 0.5m), Figures(today.GetProperty("total")));
        Assert.Equal((1, 1, 2, 1, 1, 1, 1, 1m), Figures(Row(today, "byThematicArea", 2)));
        Assert.Equal((1, 1, 2, 1, 2, 1, 0, 0m), Figures(Row(today, "byThematicArea", 4)));
        Assert.Equal((0, 0, 0, 0, 0, 0, 0, (decimal?)null), Figures(Row(today, "byThematicArea", 1)));
        Assert.Equal((2, 2, 4, 2, 3, 2, 1, 0.5m), Figures(Row(today, "byGcmObjective", 12)));
        Assert.Equal((1, 1, 2, 1, 1, 1, 1, 1m), Figures(Row(today, "byGcmObjective", 7)));
        Assert.Equal((1, 1, 2, 1, 2, 1, 0, 0m), Figures(Row(today, "byGcmObjective", 5)));
        Assert.True(today.GetProperty("byGcmObjective").EnumerateArray().Sum(r => r.GetProperty("indicators").GetInt32()) > 4);

        var latestReferrals = Latest(today.GetProperty("total"), referrals);
        Assert.Equal((r3, 500m), (latestReferrals.GetProperty("latest").GetProperty("reportId").GetGuid(),
            latestReferrals.GetProperty("latest").GetProperty("value").GetProperty("number").GetDecimal()));
        Assert.Equal((495m, 0.5m, true), (latestReferrals.GetProperty("progress").GetProperty("expected").GetDecimal(),
            latestReferrals.GetProperty("progress").GetProperty("achievement").GetDecimal(),
            latestReferrals.GetProperty("progress").GetProperty("onTrack").GetBoolean()));
        var latestDetention = Latest(today.GetProperty("total"), detention);
        Assert.Equal((r2, 38m), (latestDetention.GetProperty("latest").GetProperty("reportId").GetGuid(),
            latestDetention.GetProperty("latest").GetProperty("value").GetProperty("number").GetDecimal()));
        Assert.Equal((35.1m, 0.1m, false), (latestDetention.GetProperty("progress").GetProperty("expected").GetDecimal(),
            latestDetention.GetProperty("progress").GetProperty("achievement").GetDecimal(),
            latestDetention.GetProperty("progress").GetProperty("onTrack").GetBoolean()));
        Assert.Equal("Two of five met", Latest(today.GetProperty("total"), standard).GetProperty("latest").GetProperty("value")
            .GetProperty("text").GetString());
        Assert.DoesNotContain(today.GetProperty("total").GetProperty("latestActuals").EnumerateArray(),
            a => a.GetProperty("latest").GetProperty("reportId").GetGuid() == r4);

        // Day 109: R3 (approved day 110) and R1 (day 120) are not yet approved; only R2 counts.
        Assert.Equal((2, 2, 4, 2, 2, 1, 0, 0m), Figures((await SummaryAsync(109)).GetProperty("total")));
        // Day 59: nothing approved yet.
        Assert.Equal((2, 2, 4, 2, 0, 0, 0, (decimal?)null), Figures((await SummaryAsync(59)).GetProperty("total")));

        // The matrices show the same actuals.
        using var fmuToday = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal(500m, (await fmuToday.GetMatrixAsync(p1)).AllIndicators().First().GetProperty("latestActual").GetProperty("value").GetDecimal());
        Assert.Equal(38m, (await fmuToday.GetMatrixAsync(p2)).AllIndicators().First().GetProperty("latestActual").GetProperty("value").GetDecimal());
    }
}
