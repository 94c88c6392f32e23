using System.Net;
using System.Text.Json.Nodes;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Reports;

/// <summary>The layouts: a fund officer's edit changes the workbook with no code change; a broken one stops start-up.</summary>
public sealed class ReportLayoutTests : IDisposable
{
    private readonly string _layouts = ReportTestSupport.CopyOfLayouts();

    private SqliteApiFactory Host() => SqliteApiFactory.InEnvironment("Development",
        new Dictionary<string, string> { ["Reports:Directory"] = _layouts });

    public void Dispose() => SqliteApiFactory.DeleteDirectory(Path.GetDirectoryName(_layouts)!);

    [Fact]
    public async Task An_edited_layout_changes_titles_sheet_names_columns_headers_formats_and_totals()
    {
        var layout = ReportTestSupport.ReadLayout(_layouts, FundingStatusReport.Name);
        layout["title"] = "Fonds: situation au {date}";
        layout["fileName"] = "situation-{date}.xlsx";
        layout["numberFormats"]!["currency"] = "\"$\"#,##0.00";
        var donors = layout["sheets"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["dataset"] == "donors");
        donors["name"] = "Donateurs";
        donors["title"] = "Contributions par donateur";
        donors["totals"] = "value";
        donors["freezeColumns"] = 0;
        donors["columns"] = new JsonArray(
            new JsonObject { ["header"] = "Versé", ["field"] = "depositedUsd", ["format"] = "currency", ["width"] = 18, ["total"] = true },
            new JsonObject { ["header"] = "Donateur", ["field"] = "name", ["width"] = 30 },
            new JsonObject { ["header"] = "Engagé", ["field"] = "committedUsd", ["format"] = "currency", ["numberFormat"] = "#,##0 \"USD\"", ["width"] = 18, ["total"] = true });
        // One sheet dropped, and the summary's figures cut to two, in another order.
        layout["sheets"] = new JsonArray(layout["sheets"]!.AsArray().Where(s => (string?)s!["dataset"] != "countries")
            .Select(s => s!.DeepClone()).ToArray());
        var summary = layout["sheets"]!.AsArray().Single(s => (string?)s!["dataset"] == "fundingSummary")!.AsObject();
        summary["figures"] = new JsonArray(
            new JsonObject { ["label"] = "Solde libre", ["field"] = "freeBalanceUsd", ["format"] = "currency" },
            new JsonObject { ["label"] = "Taux d'exécution", ["field"] = "deliveryRate", ["format"] = "percent" });
        ReportTestSupport.WriteLayout(_layouts, FundingStatusReport.Name, layout);

        await using var api = Host();
        await api.FundedAsync(1_000.01m);
        await api.FundedAsync(2_000.02m);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var status = await fmu.StatusAsync();
        using var workbook = await fmu.WorkbookAsync("/api/reports/funding-status.xlsx", $"situation-{api.Today():yyyy-MM-dd}.xlsx");

        var edited = ReportLayoutCatalog.Load(_layouts).Get(FundingStatusReport.Name);
        ReportTestSupport.AssertLaidOut(workbook, edited);
        Assert.Equal(["Summary", "Donateurs", "By thematic area", "By organization", "Transfers and expenditure"],
            workbook.Worksheets.Select(w => w.Name));
        Assert.Equal($"Fonds: situation au {api.Today():yyyy-MM-dd}", workbook.Properties.Title);
        var sheet = workbook.Worksheet("Donateurs");
        Assert.Equal("Contributions par donateur", sheet.Cell(1, 1).GetString());
        Assert.Equal(["Versé", "Donateur", "Engagé"], Enumerable.Range(1, 3).Select(c => sheet.Cell(WorkbookWriter.HeaderRow, c).GetString()));
        Assert.Equal("\"$\"#,##0.00", sheet.Cell(WorkbookWriter.HeaderRow + 1, 1).Style.NumberFormat.Format);
        Assert.Equal("#,##0 \"USD\"", sheet.Cell(WorkbookWriter.HeaderRow + 1, 3).Style.NumberFormat.Format);

        // The totals are written as values now, not formulas, and still add up to the status.
        var table = workbook.Table(edited.Sheets.Single(s => s.Name == "Donateurs"));
        Assert.False(sheet.Cell(table.TotalsRow!.Value, 1).HasFormula);
        Assert.Equal(status.Usd("depositedUsd"), table.Total("depositedUsd"));
        Assert.Equal(status.Usd("committedUsd"), table.Total("committedUsd"));
        Assert.True(table.Total("depositedUsd") > 3_000.03m, "The two deposits are there, gross of the fee.");

        var figures = workbook.Table(edited.Sheets.Single(s => s.Dataset == "fundingSummary"));
        Assert.Equal(["Solde libre", "Taux d'exécution"], figures.Rows.Select(r => figures.Sheet.Cell(r, 1).GetString()));
        Assert.Equal(status.Usd("freeBalanceUsd"), ReportTestSupport.Number(figures.Figure("freeBalanceUsd")));
    }

    [Fact]
    public async Task A_layout_naming_an_unknown_field_stops_start_up_naming_the_file_and_the_field()
    {
        var layout = ReportTestSupport.ReadLayout(_layouts, PipelineReport.Name);
        layout["sheets"]![0]!["columns"]![1]!["field"] = "noteTitle";
        ReportTestSupport.WriteLayout(_layouts, PipelineReport.Name, layout);

        await using var api = Host();
        var error = StartUpFails(api);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("pipeline.json", problem.File);
        Assert.StartsWith("sheet 'Pipeline' column 2 ('Concept note') names unknown field 'noteTitle' of dataset 'pipeline'", problem.Message);
        Assert.Contains("pipeline.json: sheet 'Pipeline' column 2 ('Concept note') names unknown field 'noteTitle'", error.Message);
    }

    [Fact]
    public async Task A_layout_naming_an_unknown_dataset_stops_start_up()
    {
        var layout = ReportTestSupport.ReadLayout(_layouts, PortfolioReport.Name);
        layout["sheets"]![1]!["dataset"] = "programmes";
        ReportTestSupport.WriteLayout(_layouts, PortfolioReport.Name, layout);

        await using var api = Host();
        var error = StartUpFails(api);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("portfolio.json", problem.File);
        Assert.Equal("sheet 'Joint programmes' names unknown dataset 'programmes'; this report's datasets are: conceptNotes, jointProgrammes.",
            problem.Message);
    }

    [Fact]
    public void Every_mistake_in_a_layout_is_reported_at_once()
    {
        var layout = ReportTestSupport.ReadLayout(_layouts, FundingStatusReport.Name);
        layout["fileName"] = "status-{day}.xls";
        var sheets = layout["sheets"]!.AsArray();
        sheets[1]!["name"] = "Summary";
        var donorColumns = sheets[1]!["columns"]!.AsArray();
        donorColumns[0]!["format"] = "currency";
        donorColumns[1]!["total"] = true;
        donorColumns[3]!["format"] = "money";
        sheets[2]!["totals"] = "sometimes";
        sheets[0]!["figures"]![0]!["field"] = "asAt";
        sheets[0]!["totals"] = "formula";
        ReportTestSupport.WriteLayout(_layouts, FundingStatusReport.Name, layout);
        File.WriteAllText(Path.Combine(_layouts, "results.json"), "{}");

        var error = Assert.Throws<ReportLayoutException>(() => ReportLayoutCatalog.Load(_layouts));

        var messages = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("funding-status.json: fileName 'status-{day}.xls' must end in '.xlsx'.", messages);
        Assert.Contains(messages, m => m.StartsWith("funding-status.json: fileName uses unknown placeholder '{day}'", StringComparison.Ordinal));
        Assert.Contains("funding-status.json: sheet name 'Summary' is used 2 times; Excel needs each name once.", messages);
        Assert.Contains(messages, m => m.StartsWith("funding-status.json: sheet 'Summary' column 1 ('Donor'): field 'name' is text and cannot take format 'currency'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("funding-status.json: sheet 'Summary' column 2 ('Kind'): field 'kind' is text, which a totals row cannot sum", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("funding-status.json: sheet 'Summary' column 4 ('Pledged'): format 'money' is not one of", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("funding-status.json: sheet 'By thematic area': totals 'sometimes' is not one of", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("funding-status.json: sheet 'Summary' figure 1 ('As of') names unknown field 'asAt' of dataset 'fundingSummary'", StringComparison.Ordinal));
        Assert.Contains("funding-status.json: sheet 'Summary': a figures sheet has no totals row; set totals to 'none'.", messages);
        Assert.Contains(messages, m => m.StartsWith("results.json: no report is called 'results'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_layout_or_a_misspelt_property_is_refused()
    {
        File.Delete(Path.Combine(_layouts, "pipeline.json"));
        var layout = ReportTestSupport.ReadLayout(_layouts, PortfolioReport.Name);
        layout["sheets"]![0]!["columns"]![0]!["widht"] = 40;
        ReportTestSupport.WriteLayout(_layouts, PortfolioReport.Name, layout);

        var error = Assert.Throws<ReportLayoutException>(() => ReportLayoutCatalog.Load(_layouts));

        Assert.Equal(["pipeline.json", "portfolio.json"], error.Problems.Select(p => p.File));
        Assert.StartsWith("the layout of the 'pipeline' report is missing", error.Problems[0].Message);
        Assert.Contains("'widht'", error.Problems[1].Message);
    }

    [Fact]
    public void The_shipped_layouts_are_valid_and_use_every_dataset()
    {
        var catalog = ReportLayoutCatalog.Load(ReportTestSupport.LayoutDirectory);

        foreach (var (report, datasets) in ReportDefinitions.Datasets)
            Assert.Equal(datasets.Select(d => d.Name).Order(), catalog.Get(report).Sheets.Select(s => s.Dataset).Distinct().Order());
    }

    private static ReportLayoutException StartUpFails(SqliteApiFactory api)
    {
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is ReportLayoutException layoutError) return layoutError;
        throw new Xunit.Sdk.XunitException($"Start-up failed for another reason: {error}");
    }
}
