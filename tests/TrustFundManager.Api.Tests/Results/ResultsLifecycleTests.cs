using System.Net;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Results;

/// <summary>
/// The "done when": a programme's organizations report results, the FMU returns and then approves them,
/// the values lock, and the matrix and the fund summary show the approved actuals.
/// </summary>
public sealed class ResultsLifecycleTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Organizations_report_the_FMU_approves_and_the_matrix_and_summary_show_the_actuals()
    {
        var programme = await api.ActiveProgrammeAsync();
        var start = api.Today();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var matrix = await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(programme,
            ResultsTestSupport.Matrix(null, start, start.AddYears(2))));
        var indicators = matrix.AllIndicators().ToList();
        Assert.Equal(["1.a", "1.1.1"], indicators.Select(i => i.GetProperty("code").GetString()));
        var referrals = indicators[0].Id();

        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        var report = await HttpAssert.OkJsonAsync(await unicef.OpenReportAsync(programme, start, start.AddMonths(6).AddDays(-1)),
            HttpStatusCode.Created);
        Assert.Equal("draft", report.GetProperty("status").GetProperty("name").GetString());
        var reportId = report.Id();

        await HttpAssert.ValidationProblemAsync(await unicef.PutValuesAsync(reportId, report.Version(),
            new { indicatorId = referrals, actual = "N/A", narrative = "Not yet" }), "values[0].actual");

        report = await HttpAssert.OkJsonAsync(await unicef.PutValuesAsync(reportId, report.Version(),
            new { indicatorId = referrals, actual = 400, narrative = "Referral desks opened in three border towns.",
                breakdown = new { female = 250, male = 150 } }));
        Assert.Equal(400m, report.GetProperty("indicators")[0].GetProperty("actual").GetDecimal());

        api.Clock.Advance(TimeSpan.FromDays(200));
        using var unicefLater = await api.CreateClientAsAsync("puno.unicef");
        await HttpAssert.OkJsonAsync(await unicefLater.ReportActAsync(reportId, "submit"));
        using var officer = await api.CreateClientAsAsync("fmu.officer");
        var returned = await HttpAssert.OkJsonAsync(await officer.ReportActAsync(reportId, "return", "Add the sources of the figures."));
        Assert.Equal("Add the sources of the figures.", returned.GetProperty("returnComment").GetString());

        report = await unicefLater.GetReportAsync(reportId);
        report = await HttpAssert.OkJsonAsync(await unicefLater.PutValuesAsync(reportId, report.Version(),
            new { indicatorId = referrals, actual = 420, narrative = "Referral desks in three border towns (case registry).",
                breakdown = new { female = 260, male = 160 } }));
        await HttpAssert.OkJsonAsync(await unicefLater.ReportActAsync(reportId, "submit"));
        var approved = await HttpAssert.OkJsonAsync(await officer.ReportActAsync(reportId, "approve"));
        Assert.True(approved.GetProperty("locked").GetBoolean());

        await HttpAssert.ProblemAsync(await unicefLater.PutValuesAsync(reportId, approved.Version(),
            new { indicatorId = referrals, actual = 999, narrative = "changed" }), HttpStatusCode.Conflict);

        var shown = (await officer.GetMatrixAsync(programme)).AllIndicators().First();
        var latest = shown.GetProperty("latestActual");
        Assert.Equal(420m, latest.GetProperty("value").GetDecimal());
        Assert.True(shown.GetProperty("progress").GetProperty("onTrack").GetBoolean());

        var summary = await HttpAssert.OkJsonAsync(await officer.GetAsync("/api/results/summary", Ct));
        var area = summary.GetProperty("byThematicArea").EnumerateArray().Single(a => a.GetProperty("number").GetInt32() == 2);
        Assert.Contains(area.GetProperty("latestActuals").EnumerateArray(), a => a.GetProperty("indicatorId").GetGuid() == referrals);

        var history = await HttpAssert.OkJsonAsync(await officer.GetAsync($"/api/progress-reports/{reportId}/history", Ct));
        Assert.Equal(5, history.GetArrayLength());
    }
}
