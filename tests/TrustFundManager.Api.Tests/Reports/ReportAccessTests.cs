using System.Net;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Reports;

/// <summary>Who may download which workbook.</summary>
public sealed class ReportAccessTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/reports/funding-status.xlsx")]
    [InlineData("/api/reports/pipeline.xlsx")]
    [InlineData("/api/reports/portfolio.xlsx")]
    public async Task Anonymous_callers_get_401(string path)
    {
        using var anonymous = api.CreateClient();

        var response = await anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("gov.mex", "/api/reports/funding-status.xlsx")]
    [InlineData("gov.mex", "/api/reports/pipeline.xlsx")]
    [InlineData("puno.iom", "/api/reports/funding-status.xlsx")]
    [InlineData("puno.iom", "/api/reports/pipeline.xlsx")]
    public async Task Governments_and_organizations_do_not_read_the_fund_s_money(string user, string path)
    {
        using var client = await api.CreateClientAsAsync(user);

        var response = await client.GetAsync(path, Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("fmu.officer")]
    [InlineData("admin")]
    [InlineData("sc.deu")]
    public async Task The_fmu_administrators_and_the_committee_read_every_workbook(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        var day = $"{DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}";

        foreach (var report in new[] { "funding-status", "pipeline", "portfolio" })
            (await client.WorkbookAsync($"/api/reports/{report}.xlsx", $"migration-mptf-{report}-{day}.xlsx")).Dispose();
    }

    [Theory]
    [InlineData("gov.phl")]
    [InlineData("puno.unicef")]
    public async Task Governments_and_organizations_read_their_portfolio(string user)
    {
        using var client = await api.CreateClientAsAsync(user);

        (await client.WorkbookAsync("/api/reports/portfolio.xlsx",
            $"migration-mptf-portfolio-{DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.xlsx")).Dispose();
    }
}
