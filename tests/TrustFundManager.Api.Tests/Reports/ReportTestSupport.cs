using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using TrustFundManager.Infrastructure.Reports;

namespace TrustFundManager.Api.Tests.Reports;

/// <summary>Downloading a workbook and reading it back as a reader of the sheet would: by its headers.</summary>
internal static class ReportTestSupport
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The layouts as shipped: the files the build copies beside the application.</summary>
    public static string LayoutDirectory => Path.Combine(AppContext.BaseDirectory, "reports");

    public static ReportLayout Layout(string report) => ReportLayoutCatalog.Load(LayoutDirectory).Get(report);

    /// <summary>A copy of the shipped layouts in a folder of its own, to change for one test host.</summary>
    public static string CopyOfLayouts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "trustfund-tests", Guid.NewGuid().ToString("N"), "reports");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(LayoutDirectory))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return directory;
    }

    public static JsonObject ReadLayout(string directory, string report) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, $"{report}.json")))!.AsObject();

    public static void WriteLayout(string directory, string report, JsonObject layout) =>
        File.WriteAllText(Path.Combine(directory, $"{report}.json"), layout.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Downloads a workbook, checking the content type and the dated file name, and opens it.</summary>
    public static async Task<XLWorkbook> WorkbookAsync(this HttpClient client, string path, string fileName)
    {
        var response = await client.GetAsync(path, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Expected 200, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(fileName, disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
        return new XLWorkbook(new MemoryStream(bytes));
    }

    /// <summary>A table sheet laid out by <paramref name="layout"/>: the header row, the data rows and the totals row.</summary>
    public static SheetTable Table(this XLWorkbook workbook, SheetLayout layout)
    {
        var sheet = workbook.Worksheet(layout.Name);
        var last = sheet.LastRowUsed()?.RowNumber() ?? WorkbookWriter.HeaderRow;
        var totals = layout.Totals != ReportTotals.None && layout.Columns.Any(c => c.Total);
        return new SheetTable(sheet, layout, totals ? last - 1 : last, totals ? last : null);
    }

    /// <summary>A number as the workbook holds it; a formula (a SUM) as ClosedXML evaluates it, to the cent.</summary>
    public static decimal? Number(IXLCell cell)
    {
        if (cell.HasFormula) return decimal.Round(Convert.ToDecimal(cell.Value, System.Globalization.CultureInfo.InvariantCulture), 2);
        if (cell.IsEmpty()) return null;
        Assert.Equal(XLDataType.Number, cell.DataType);
        return cell.GetValue<decimal>();
    }

    /// <summary>
    /// Every sheet of the workbook is laid out as its layout says: sheet names in order, the title, headers in the
    /// layout's order (bold, filled, bordered), panes frozen below the header, an auto-filter over header and data,
    /// widths, and each column's number format on its data.
    /// </summary>
    public static void AssertLaidOut(XLWorkbook workbook, ReportLayout layout)
    {
        Assert.Equal(layout.Sheets.Select(s => s.Name), workbook.Worksheets.Select(w => w.Name));
        foreach (var sheetLayout in layout.Sheets)
        {
            var sheet = workbook.Worksheet(sheetLayout.Name);
            Assert.False(sheet.Cell(WorkbookWriter.TitleRow, 1).IsEmpty(), $"{sheetLayout.Name} has no title.");
            Assert.True(sheet.Cell(WorkbookWriter.TitleRow, 1).Style.Font.Bold);
            var headers = sheetLayout.Columns.Select((_, i) => sheet.Cell(WorkbookWriter.HeaderRow, i + 1).GetString()).ToList();
            Assert.Equal(sheetLayout.Columns.Select(c => c.Header), headers);
            for (var c = 1; c <= sheetLayout.Columns.Count; c++)
            {
                var style = sheet.Cell(WorkbookWriter.HeaderRow, c).Style;
                Assert.True(style.Font.Bold, $"{sheetLayout.Name}: header {c} is not bold.");
                Assert.Equal(XLFillPatternValues.Solid, style.Fill.PatternType);
                Assert.Equal(XLBorderStyleValues.Thin, style.Border.BottomBorder);
                Assert.Equal(sheetLayout.Columns[c - 1].Width, sheet.Column(c).Width, 1);
            }
            Assert.Equal(WorkbookWriter.HeaderRow, sheet.SheetView.SplitRow);
            Assert.Equal(sheetLayout.FreezeColumns, sheet.SheetView.SplitColumn);

            var table = workbook.Table(sheetLayout);
            Assert.True(sheet.AutoFilter.IsEnabled, $"{sheetLayout.Name} has no auto-filter.");
            Assert.Equal(sheet.Range(WorkbookWriter.HeaderRow, 1, table.LastDataRow, sheetLayout.Columns.Count).RangeAddress.ToStringRelative(),
                sheet.AutoFilter.Range.RangeAddress.ToStringRelative());

            if (sheetLayout.Figures is { } figures)
            {
                var valueColumn = sheetLayout.Columns.ToList().FindIndex(c => c.Field == FigureColumns.Value) + 1;
                for (var i = 0; i < figures.Count; i++)
                    Assert.Equal(figures[i].NumberFormat ?? layout.NumberFormatOf(figures[i].Format),
                        sheet.Cell(WorkbookWriter.HeaderRow + 1 + i, valueColumn).Style.NumberFormat.Format);
                continue;
            }
            if (table.LastDataRow == WorkbookWriter.HeaderRow) continue;
            for (var c = 0; c < sheetLayout.Columns.Count; c++)
            {
                var column = sheetLayout.Columns[c];
                if (column.Format is not (ReportFormats.Currency or ReportFormats.Date or ReportFormats.Percent)) continue;
                Assert.Equal(column.NumberFormat ?? layout.NumberFormatOf(column.Format),
                    sheet.Cell(WorkbookWriter.HeaderRow + 1, c + 1).Style.NumberFormat.Format);
            }
        }
    }
}

/// <summary>One table sheet read back by the headers of its layout.</summary>
internal sealed record SheetTable(IXLWorksheet Sheet, SheetLayout Layout, int LastDataRow, int? TotalsRow)
{
    public int FirstDataRow => WorkbookWriter.HeaderRow + 1;

    public IEnumerable<int> Rows => Enumerable.Range(FirstDataRow, Math.Max(0, LastDataRow - WorkbookWriter.HeaderRow));

    public int Count => Rows.Count();

    public int ColumnOf(string field)
    {
        var index = Layout.Columns.ToList().FindIndex(c => c.Field == field);
        Assert.True(index >= 0, $"Sheet '{Layout.Name}' has no column for '{field}'.");
        return index + 1;
    }

    public decimal? Number(int row, string field) => ReportTestSupport.Number(Sheet.Cell(row, ColumnOf(field)));

    public string Text(int row, string field) => Sheet.Cell(row, ColumnOf(field)).GetString();

    /// <summary>The totals row's figure for a field.</summary>
    public decimal Total(string field)
    {
        Assert.True(TotalsRow is not null, $"Sheet '{Layout.Name}' has no totals row.");
        return ReportTestSupport.Number(Sheet.Cell(TotalsRow!.Value, ColumnOf(field))) ?? 0;
    }

    /// <summary>The value of a figure on a figures sheet, found by the field the layout shows on that line.</summary>
    public IXLCell Figure(string field)
    {
        var index = Layout.Figures!.ToList().FindIndex(f => f.Field == field);
        Assert.True(index >= 0, $"Sheet '{Layout.Name}' shows no figure '{field}'.");
        return Sheet.Cell(FirstDataRow + index, ColumnOf(FigureColumns.Value));
    }
}
