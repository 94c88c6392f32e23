using System.Net;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Api.Tests.Results;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Reports;

/// <summary>A programme's results matrix workbook shows what the matrix endpoint shows, approved actuals only.</summary>
public sealed class ResultsWorkbookTests(FundingHost host) : IClassFixture<FundingHost>
{
    private readonly SqliteApiFactory api = host.Api;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_results_matrix_workbook_matches_the_matrix_with_its_approved_actuals()
    {
        var programme = await api.ActiveProgrammeAsync();
        var start = api.Today();
        using (var fmu = await api.CreateClientAsAsync("fmu.officer"))
            await HttpAssert.OkJsonAsync(await fmu.PutMatrixAsync(programme, ResultsTestSupport.Matrix(null, start, start.AddYears(2))));
        using (var unicef = await api.CreateClientAsAsync("puno.unicef"))
        {
            var matrix = await unicef.GetMatrixAsync(programme);
            var referrals = matrix.AllIndicators().First().Id();
            var report = await HttpAssert.OkJsonAsync(await unicef.OpenReportAsync(programme, start, start.AddDays(89)), HttpStatusCode.Created);
            await HttpAssert.OkJsonAsync(await unicef.PutValuesAsync(report.Id(), report.Version(),
                new { indicatorId = referrals, actual = 150, narrative = "Desks opened.", breakdown = new { female = 90, male = 60 } }));
            api.Clock.Advance(TimeSpan.FromDays(100));
        }
        using var organization = await api.CreateClientAsAsync("puno.unicef");
        var reportId = (await HttpAssert.OkJsonAsync(await organization.GetAsync($"/api/joint-programmes/{programme}/progress-reports", Ct)))[0].Id();
        await HttpAssert.OkJsonAsync(await organization.ReportActAsync(reportId, "submit"));

        using var officer = await api.CreateClientAsAsync("fmu.officer");
        var layout = ReportTestSupport.Layout("results-matrix");
        var path = $"/api/reports/joint-programmes/{programme}/results-matrix.xlsx";
        var fileName = $"migration-mptf-results-matrix-{api.Today():yyyy-MM-dd}.xlsx";

        // Submitted but not approved: no actual yet.
        using (var before = await officer.WorkbookAsync(path, fileName))
        {
            var table = before.Table(layout.Sheets[1]);
            Assert.All(table.Rows, row => Assert.Null(table.Number(row, "actual")));
        }

        await HttpAssert.OkJsonAsync(await officer.ReportActAsync(reportId, "approve"));
        var matrixView = await officer.GetMatrixAsync(programme);
        using var workbook = await officer.WorkbookAsync(path, fileName);
        ReportTestSupport.AssertLaidOut(workbook, layout);

        var rows = workbook.Table(layout.Sheets[1]);
        var indicators = matrixView.AllIndicators().ToList();
        Assert.Equal(indicators.Count, rows.Count);
        foreach (var (indicator, row) in indicators.Zip(rows.Rows))
        {
            Assert.Equal(indicator.GetProperty("code").GetString(), rows.Text(row, "code"));
            Assert.Equal(indicator.GetProperty("name").GetString(), rows.Text(row, "indicator"));
            var latest = indicator.GetProperty("latestActual");
            if (indicator.GetProperty("kind").GetString() == "Quantitative")
            {
                Assert.Equal(indicator.GetProperty("target").GetDecimal(), rows.Number(row, "target"));
                Assert.Equal(latest.ValueKind == System.Text.Json.JsonValueKind.Null ? null : latest.GetProperty("value").GetDecimal(),
                    rows.Number(row, "actual"));
            }
        }
        var first = rows.Rows.First();
        Assert.Equal((150m, 90m, 60m, "Yes"), (rows.Number(first, "actual"), rows.Number(first, "female"), rows.Number(first, "male"),
            rows.Text(first, "onTrack")));

        var summary = workbook.Worksheet(layout.Sheets[0].Name);
        Assert.Equal(matrixView.GetProperty("programmeTitle").GetString(), summary.Cell(4, 2).GetString());
    }

    [Fact]
    public async Task Only_those_who_may_see_the_programme_download_its_results_workbook()
    {
        var programme = await api.ActiveProgrammeAsync();
        var path = $"/api/reports/joint-programmes/{programme}/results-matrix.xlsx";
        using var iom = await api.CreateClientAsAsync("puno.iom");
        await HttpAssert.ProblemAsync(await iom.GetAsync(path, Ct), HttpStatusCode.NotFound);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        Assert.Equal(HttpStatusCode.OK, (await unicef.GetAsync(path, Ct)).StatusCode);
    }
}
