using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Reports;

/// <summary>The demo fund (<c>--seed-demo</c>), seeded once for the tests of a class.</summary>
public sealed class DemoHost : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = SqliteApiFactory.InEnvironment("Development",
        new Dictionary<string, string> { ["Seed:Demo"] = "true" });

    public ValueTask InitializeAsync()
    {
        Api.CreateClient().Dispose();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>The workbooks over the demo fund: the funding status as the API gives it, and each caller's portfolio.</summary>
public sealed class DemoWorkbookTests(DemoHost host) : IClassFixture<DemoHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SqliteApiFactory Api => host.Api;

    [Fact]
    public async Task The_demo_funding_status_workbook_matches_the_api_today_and_a_year_ago()
    {
        using var fmu = await Api.CreateClientAsAsync("fmu.finance");
        var layout = ReportTestSupport.Layout(FundingStatusReport.Name);

        foreach (var day in new[] { Api.Today(), Api.Today().AddDays(-365) })
        {
            var status = await fmu.StatusAsync(day);
            using var workbook = await fmu.WorkbookAsync($"/api/reports/funding-status.xlsx?asOf={day:yyyy-MM-dd}",
                $"migration-mptf-funding-status-{day:yyyy-MM-dd}.xlsx");
            ReportTestSupport.AssertLaidOut(workbook, layout);
            FundingWorkbookTests.AssertMatchesStatus(workbook, layout, status);
        }

        var today = await fmu.StatusAsync();
        Assert.Equal(15, today.GetProperty("byDonor").GetArrayLength());
        Assert.True(today.Usd("expenditureUsd") > 0, "The demo programmes report expenditure.");
    }

    [Theory]
    [InlineData("fmu.officer")]
    [InlineData("admin")]
    [InlineData("sc.deu")]
    [InlineData("gov.mex")]
    [InlineData("puno.iom")]
    public async Task The_portfolio_holds_exactly_what_the_lists_show_the_caller(string user)
    {
        using var client = await Api.CreateClientAsAsync(user);
        var notes = await AllAsync(client, "/api/concept-notes");
        var programmes = await AllAsync(client, "/api/joint-programmes");

        using var workbook = await client.WorkbookAsync("/api/reports/portfolio.xlsx",
            $"migration-mptf-portfolio-{Api.Today():yyyy-MM-dd}.xlsx");

        var layout = ReportTestSupport.Layout(PortfolioReport.Name);
        ReportTestSupport.AssertLaidOut(workbook, layout);
        var noteSheet = workbook.Table(layout.Sheets.Single(s => s.Dataset == "conceptNotes"));
        Assert.Equal(
            notes.Select(n => (n.GetProperty("title").GetString(), n.GetProperty("country").GetString(),
                n.GetProperty("status").GetProperty("title").GetString(), Requested(n))).Order(),
            noteSheet.Rows.Select(r => ((string?)noteSheet.Text(r, "title"), (string?)noteSheet.Text(r, "country"),
                (string?)noteSheet.Text(r, "status"), noteSheet.Number(r, "requestedUsd"))).Order());
        Assert.Equal(notes.Sum(n => Requested(n) ?? 0), noteSheet.Total("requestedUsd"));

        var programmeSheet = workbook.Table(layout.Sheets.Single(s => s.Dataset == "jointProgrammes"));
        Assert.Equal(
            programmes.Select(p => (p.GetProperty("title").GetString(), p.GetProperty("country").GetString(),
                p.GetProperty("status").GetProperty("title").GetString(), p.Usd("allocatedUsd"), p.Usd("transferredUsd"),
                p.Usd("spentUsd"))).Order(),
            programmeSheet.Rows.Select(r => ((string?)programmeSheet.Text(r, "title"), (string?)programmeSheet.Text(r, "country"),
                (string?)programmeSheet.Text(r, "status"), programmeSheet.Number(r, "allocatedUsd")!.Value,
                programmeSheet.Number(r, "transferredUsd")!.Value, programmeSheet.Number(r, "spentUsd")!.Value)).Order());
        foreach (var field in new[] { "allocatedUsd", "transferredUsd", "spentUsd" })
            Assert.Equal(programmes.Sum(p => p.Usd(field)), programmeSheet.Total(field));

        // The funded notes show their programme's money, and the two sheets agree on it.
        Assert.Equal(programmeSheet.Total("allocatedUsd"), noteSheet.Total("allocatedUsd"));
        Assert.Equal(programmeSheet.Total("spentUsd"), noteSheet.Total("spentUsd"));
    }

    [Fact]
    public async Task A_government_s_portfolio_has_its_own_country_only_and_no_one_else_s_drafts()
    {
        var layout = ReportTestSupport.Layout(PortfolioReport.Name);
        var notesLayout = layout.Sheets.Single(s => s.Dataset == "conceptNotes");
        var programmesLayout = layout.Sheets.Single(s => s.Dataset == "jointProgrammes");
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        using var everything = await fmu.WorkbookAsync("/api/reports/portfolio.xlsx", $"migration-mptf-portfolio-{Api.Today():yyyy-MM-dd}.xlsx");
        var all = everything.Table(notesLayout);
        // The FMU's portfolio has other countries' drafts: there is something to hide.
        Assert.Contains(all.Rows, r => all.Text(r, "country") != "MEX" && all.Text(r, "status") == "Draft");
        Assert.Contains(all.Rows, r => all.Text(r, "country") == "MEX");

        using var mexico = await Api.CreateClientAsAsync("gov.mex");
        using var own = await mexico.WorkbookAsync("/api/reports/portfolio.xlsx", $"migration-mptf-portfolio-{Api.Today():yyyy-MM-dd}.xlsx");

        var notes = own.Table(notesLayout);
        Assert.True(notes.Count >= 4, "The demo has Mexican notes.");
        Assert.All(notes.Rows, r => Assert.Equal("MEX", notes.Text(r, "country")));
        Assert.True(notes.Count < all.Count);
        var programmes = own.Table(programmesLayout);
        Assert.All(programmes.Rows, r => Assert.Equal("MEX", programmes.Text(r, "country")));
    }

    [Fact]
    public async Task An_organization_s_portfolio_has_only_the_programmes_it_takes_part_in()
    {
        var layout = ReportTestSupport.Layout(PortfolioReport.Name);
        using var iom = await Api.CreateClientAsAsync("puno.iom");

        using var workbook = await iom.WorkbookAsync("/api/reports/portfolio.xlsx", $"migration-mptf-portfolio-{Api.Today():yyyy-MM-dd}.xlsx");

        var programmes = workbook.Table(layout.Sheets.Single(s => s.Dataset == "jointProgrammes"));
        Assert.All(programmes.Rows, r => Assert.Contains("IOM", programmes.Text(r, "organizations").Split(", ")));
        var notes = workbook.Table(layout.Sheets.Single(s => s.Dataset == "conceptNotes"));
        Assert.All(notes.Rows, r => Assert.Contains("IOM", notes.Text(r, "organizations").Split(", ")));
    }

    [Fact]
    public async Task A_committee_member_s_portfolio_has_no_drafts_nor_notes_still_in_screening()
    {
        var layout = ReportTestSupport.Layout(PortfolioReport.Name);
        using var member = await Api.CreateClientAsAsync("sc.mmc");

        using var workbook = await member.WorkbookAsync("/api/reports/portfolio.xlsx", $"migration-mptf-portfolio-{Api.Today():yyyy-MM-dd}.xlsx");

        var notes = workbook.Table(layout.Sheets.Single(s => s.Dataset == "conceptNotes"));
        Assert.True(notes.Count > 0);
        Assert.All(notes.Rows, r => Assert.DoesNotContain(notes.Text(r, "status"), new[] { "Draft", "Submitted", "In screening", "Returned for revision", "Ineligible", "Withdrawn" }));
    }

    private static decimal? Requested(JsonElement note) =>
        note.GetProperty("totalRequestedUsd").ValueKind == JsonValueKind.Null ? null : note.GetProperty("totalRequestedUsd").GetDecimal();

    /// <summary>Every item of a paged list, page after page.</summary>
    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await HttpAssert.OkJsonAsync(await client.GetAsync($"{path}?pageSize=200&page={page}", Ct));
            items.AddRange(body.GetProperty("items").EnumerateArray());
            if (items.Count >= body.GetProperty("totalCount").GetInt32()) return items;
        }
    }
}
