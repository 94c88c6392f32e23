using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Reports;

/// <summary>The funding-status and pipeline workbooks say, to the cent, what the JSON endpoints say.</summary>
public sealed class FundingWorkbookTests(FundingHost host) : IClassFixture<FundingHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TrustFundApiFactory Api => host.Api;

    [Fact]
    public async Task The_funding_status_workbook_adds_up_to_the_funding_status_and_follows_its_layout()
    {
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        // Money in another currency, with cents to round, and some earmarked to area 4.
        var norway = await fmu.CreatedDonorAsync($"Norway {Guid.NewGuid():N}", country: "NOR");
        var contribution = await fmu.PledgedAsync(norway, Api.Today(), 1_234_567.89m, "NOK", 0.09371234m);
        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(contribution, Api.Today(), 1_234_567.89m, "NOK", 0.09371234m, earmarkedAreaNumber: 4));
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, Api.Today(), 617_283.95m, 0.09412345m), HttpStatusCode.Created);
        var notes = await Api.ApprovedNotesAsync(2);
        var programme = (await Api.ProgrammeAsync(notes[0], 600.01m, 399.99m)).Id();
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "UNICEF", 300.01m, Api.Today()), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "ILO", 100m, Api.Today()), HttpStatusCode.Created);
        using var unicef = await Api.CreateClientAsAsync("puno.unicef");
        await HttpAssert.OkJsonAsync(await unicef.ReportExpenditureAsync(programme, "UNICEF", Api.Today().Year, 123.45m));

        var status = await fmu.StatusAsync();
        using var workbook = await fmu.WorkbookAsync("/api/reports/funding-status.xlsx",
            $"migration-mptf-funding-status-{Api.Today():yyyy-MM-dd}.xlsx");

        var layout = ReportTestSupport.Layout(FundingStatusReport.Name);
        ReportTestSupport.AssertLaidOut(workbook, layout);
        AssertMatchesStatus(workbook, layout, status);
        Assert.True(status.Usd("transferredUsd") > 0 && status.Usd("expenditureUsd") > 0);
        var flows = workbook.Table(layout.Sheets.Single(s => s.Dataset == "programmeFlows"));
        Assert.Contains(flows.Rows, r => flows.Text(r, "organization") == "UNICEF" && flows.Number(r, "transferredUsd") == 300.01m
                                         && flows.Number(r, "expenditureUsd") == 123.45m);
    }

    [Fact]
    public async Task The_funding_status_workbook_as_of_an_earlier_day_is_that_day_s_status()
    {
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        await Api.FundedAsync(2_500m);
        var yesterday = Api.Today().AddDays(-1);

        foreach (var day in new[] { yesterday, Api.Today() })
        {
            using var workbook = await fmu.WorkbookAsync($"/api/reports/funding-status.xlsx?asOf={day:yyyy-MM-dd}",
                $"migration-mptf-funding-status-{day:yyyy-MM-dd}.xlsx");
            var layout = ReportTestSupport.Layout(FundingStatusReport.Name);
            AssertMatchesStatus(workbook, layout, await fmu.StatusAsync(day));
            Assert.Contains(day.ToString("yyyy-MM-dd"), workbook.Worksheet(layout.Sheets[0].Name).Cell(1, 1).GetString());
        }
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-02-30")]
    public async Task A_day_that_is_not_a_date_is_refused_naming_asOf(string asOf)
    {
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ValidationProblemAsync(
            await fmu.GetAsync($"/api/reports/funding-status.xlsx?asOf={asOf}", Ct), "asOf");

        Assert.Contains($"'{asOf}' is not a valid value.", problem.GetProperty("errors").GetProperty("asOf")[0].GetString());
    }

    [Fact]
    public async Task The_pipeline_workbook_lists_the_ranked_pipeline_row_for_row()
    {
        await Api.ApprovedNotesAsync(3);
        await Api.FundedAsync(1_000_000m);
        using var member = await Api.CreateClientAsAsync("sc.deu");

        var pipeline = await member.PipelineAsync();
        using var workbook = await member.WorkbookAsync("/api/reports/pipeline.xlsx", $"migration-mptf-pipeline-{Api.Today():yyyy-MM-dd}.xlsx");

        var layout = ReportTestSupport.Layout(PipelineReport.Name);
        ReportTestSupport.AssertLaidOut(workbook, layout);
        var table = workbook.Table(layout.Sheets.Single(s => s.Dataset == "pipeline"));
        var rows = pipeline.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= 3);
        Assert.Equal(rows.Count, table.Count);
        foreach (var (json, row) in rows.Zip(table.Rows))
        {
            Assert.Equal(json.GetProperty("rank").GetInt32(), table.Number(row, "rank"));
            Assert.Equal(json.GetProperty("title").GetString(), table.Text(row, "title"));
            Assert.Equal(json.GetProperty("country").GetString(), table.Text(row, "country"));
            Assert.Equal(json.GetProperty("thematicAreaNumber").GetInt32(), table.Number(row, "thematicArea"));
            Assert.Equal(DateOnly.FromDateTime(json.GetProperty("approvedAt").GetDateTimeOffset().UtcDateTime).ToDateTime(TimeOnly.MinValue),
                table.Sheet.Cell(row, table.ColumnOf("approvedOn")).GetDateTime());
            var score = json.GetProperty("score");
            Assert.Equal(score.Usd("total"), table.Number(row, "score"));
            Assert.Equal(score.Usd("waiting"), table.Number(row, "waiting"));
            Assert.Equal(score.Usd("thematicBalance"), table.Number(row, "thematicBalance"));
            Assert.Equal(score.Usd("geographicBalance"), table.Number(row, "geographicBalance"));
            Assert.Equal(json.Usd("fundingGapUsd"), table.Number(row, "fundingGapUsd"));
            Assert.Equal(json.Usd("cumulativeGapUsd"), table.Number(row, "cumulativeGapUsd"));
            Assert.Equal(json.Usd("availableToAreaUsd"), table.Number(row, "availableToAreaUsd"));
            Assert.Equal(json.GetProperty("withinFreeBalance").GetBoolean() ? "Yes" : "No", table.Text(row, "withinFreeBalance"));
            Assert.Equal(json.GetProperty("fundableNow").GetBoolean() ? "Yes" : "No", table.Text(row, "fundableNow"));
        }
        Assert.Equal(pipeline.Usd("totalGapUsd"), table.Total("fundingGapUsd"));
        Assert.Contains(rows, r => r.GetProperty("withinFreeBalance").GetBoolean());

        var summary = workbook.Table(layout.Sheets.Single(s => s.Dataset == "pipelineSummary"));
        Assert.Equal(pipeline.Usd("freeBalanceUsd"), ReportTestSupport.Number(summary.Figure("freeBalanceUsd")));
        Assert.Equal(pipeline.Usd("unearmarkedUsd"), ReportTestSupport.Number(summary.Figure("unearmarkedUsd")));
        Assert.Equal(pipeline.Usd("totalGapUsd"), ReportTestSupport.Number(summary.Figure("totalGapUsd")));
        Assert.Equal(rows.Count, ReportTestSupport.Number(summary.Figure("notes")));
    }

    [Fact]
    public async Task A_totals_value_is_saved_beside_its_formula_for_readers_that_do_not_calculate()
    {
        await Api.ApprovedNotesAsync(2);
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        var pipeline = await fmu.PipelineAsync();

        var bytes = await fmu.GetByteArrayAsync("/api/reports/pipeline.xlsx", Ct);

        // The sheets as a reader without a calculation engine sees them: each formula cell's saved value (<v>).
        using var package = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var formulaCells = package.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                using var reader = new StreamReader(e.Open());
                return System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), "<x?:?c [^>]*>(<x?:?f>[^<]*</x?:?f>)(?:<x?:?v>([^<]*)</x?:?v>)?")
                    .Select(m => (Formula: m.Groups[1].Value, Value: m.Groups[2].Success ? m.Groups[2].Value : null))
                    .ToList();
            })
            .ToList();
        Assert.NotEmpty(formulaCells);
        Assert.All(formulaCells, c => Assert.NotNull(c.Value));
        Assert.Contains(formulaCells, c => decimal.Round(decimal.Parse(c.Value!, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture), 2) == pipeline.Usd("totalGapUsd"));
    }

    /// <summary>
    /// Each figure of the summary is the status's, and every totals row (SUM formulas, evaluated) is the status's total:
    /// the breakdowns and the transfers and expenditure per programme add up to the status to the cent.
    /// </summary>
    internal static void AssertMatchesStatus(XLWorkbook workbook, ReportLayout layout, JsonElement status)
    {
        var target = status.GetProperty("target");
        foreach (var sheet in layout.Sheets)
        {
            var table = workbook.Table(sheet);
            switch (sheet.Dataset)
            {
                case "fundingSummary":
                    foreach (var figure in sheet.Figures!)
                    {
                        var cell = table.Figure(figure.Field);
                        switch (figure.Field)
                        {
                            case "asOf":
                                Assert.Equal(DateOnly.Parse(status.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                                    .ToDateTime(TimeOnly.MinValue), cell.GetDateTime());
                                break;
                            case "deliveryRate":
                                Assert.Equal(status.Rate("deliveryRate"), ReportTestSupport.Number(cell));
                                break;
                            case "targetTitle":
                                Assert.Equal(target.ValueKind == JsonValueKind.Null ? "" : target.GetProperty("title").GetString(), cell.GetString());
                                break;
                            case "targetDueOn" or "targetPassed":
                                break;
                            case var field when field.StartsWith("target", StringComparison.Ordinal):
                                var property = field switch
                                {
                                    "targetUsd" => "targetUsd", "targetReachedUsd" => "reachedUsd", "targetGapUsd" => "gapUsd",
                                    _ => "percentage",
                                };
                                Assert.Equal(target.ValueKind == JsonValueKind.Null
                                    ? null
                                    : field == "targetPercentage" ? target.Usd(property) / 100 : target.Usd(property), ReportTestSupport.Number(cell));
                                break;
                            default:
                                Assert.Equal(status.Usd(figure.Field), ReportTestSupport.Number(cell));
                                break;
                        }
                    }
                    break;
                case "donors":
                    AssertRows(table, status.GetProperty("byDonor"), "name", "name");
                    AssertTotals(table, status, f => f);
                    break;
                case "thematicAreas":
                    AssertRows(table, status.GetProperty("byThematicArea"), "title", "title");
                    AssertTotals(table, status, f => f switch
                    {
                        "netDepositedUsd" => "netFundedUsd", _ => f,
                    });
                    break;
                case "countries":
                    AssertRows(table, status.GetProperty("byCountry"), "country", "country");
                    AssertTotals(table, status, f => f, status.GetProperty("byCountry"));
                    break;
                case "organizations":
                    AssertRows(table, status.GetProperty("byOrganization"), "organization", "organization");
                    AssertTotals(table, status, f => f, status.GetProperty("byOrganization"));
                    break;
                case "programmeFlows":
                    foreach (var column in sheet.Columns.Where(c => c.Total))
                    {
                        var expected = column.Field switch
                        {
                            "budgetUsd" => status.Usd("allocatedUsd"),
                            "untransferredUsd" => status.Usd("allocatedUsd") - status.Usd("transferredUsd"),
                            "unspentUsd" => status.Usd("transferredUsd") - status.Usd("expenditureUsd"),
                            "indirectCostUsd" => status.GetProperty("byOrganization").SumOf("indirectCostUsd"),
                            var field => status.Usd(field),
                        };
                        Assert.Equal(expected, table.Total(column.Field));
                    }
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"No check for dataset '{sheet.Dataset}'.");
            }
        }
    }

    /// <summary>The sheet lists the breakdown's rows in its order, the first field matching.</summary>
    private static void AssertRows(SheetTable table, JsonElement rows, string field, string property)
    {
        var expected = rows.EnumerateArray().Select(r => r.GetProperty(property).GetString() ?? "").ToList();
        Assert.Equal(expected, table.Rows.Select(r => table.Text(r, field)).ToList());
    }

    /// <summary>
    /// Each total of the sheet is the status's figure of the same name (or, for what the status has no total of, such
    /// as the count of programmes or the indirect cost, the sum of the breakdown's rows).
    /// </summary>
    private static void AssertTotals(SheetTable table, JsonElement status, Func<string, string> statusField, JsonElement? rows = null)
    {
        foreach (var column in table.Layout.Columns.Where(c => c.Total))
        {
            var name = statusField(column.Field);
            var expected = status.TryGetProperty(name, out var total) ? total.GetDecimal() : rows!.Value.SumOf(column.Field);
            Assert.Equal(expected, table.Total(column.Field));
        }
    }
}
