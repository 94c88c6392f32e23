using System.Globalization;
using ClosedXML.Excel;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>A workbook to download: its file name (from the layout, with the day) and its content.</summary>
public sealed record ReportFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>What a layout's placeholders stand for in one workbook: the report's day and when it was made.</summary>
public sealed record ReportMoment(DateOnly Date, DateTimeOffset GeneratedAt)
{
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["generatedAt"] = GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
    };
}

/// <summary>The data behind one dataset of a report, able to fill a sheet laid out for it.</summary>
public interface ISheetSource
{
    IReportDataset Dataset { get; }

    /// <summary>Writes the header and data rows from <paramref name="headerRow"/> on and returns the last row written.</summary>
    int Write(IXLWorksheet sheet, SheetLayout layout, ReportLayout report, int headerRow);
}

/// <summary>Rows of a table dataset; a totals row sums the columns the layout marks.</summary>
public sealed class TableSource<TRow>(TableDataset<TRow> dataset, IReadOnlyList<TRow> rows) : ISheetSource
{
    public IReportDataset Dataset => dataset;

    public int Write(IXLWorksheet sheet, SheetLayout layout, ReportLayout report, int headerRow)
    {
        var columns = layout.Columns;
        var fields = columns.Select(c => dataset.Field(c.Field)).ToArray();
        WorkbookWriter.WriteHeader(sheet, layout, headerRow);
        var hasTotals = layout.Totals != ReportTotals.None && columns.Any(c => c.Total);
        var lastRow = headerRow + rows.Count + (hasTotals ? 1 : 0);
        var styles = lastRow > headerRow ? ColumnStyles(sheet, layout, report, headerRow + 1) : [];

        var totals = new decimal[columns.Count];
        var row = headerRow;
        foreach (var item in rows)
        {
            row++;
            for (var c = 0; c < fields.Length; c++)
            {
                var value = fields[c].Value(item);
                var cell = sheet.Cell(row, c + 1);
                cell.Style = styles[c];
                WorkbookWriter.Set(cell, value);
                if (columns[c].Total && value is not null) totals[c] += Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            }
        }
        var lastDataRow = row;

        // The filter covers the header and the data, not the totals row, so that sorting leaves the total at the bottom.
        sheet.Range(headerRow, 1, lastDataRow, columns.Count).SetAutoFilter();
        if (hasTotals)
        {
            row++;
            for (var c = 0; c < columns.Count; c++) sheet.Cell(row, c + 1).Style = styles[c];
            if (!columns[0].Total) sheet.Cell(row, 1).SetValue(layout.TotalsLabel);
            for (var c = 0; c < columns.Count; c++)
            {
                if (!columns[c].Total) continue;
                var cell = sheet.Cell(row, c + 1);
                if (layout.Totals == ReportTotals.Formula && lastDataRow > headerRow)
                    cell.FormulaA1 = $"SUM({sheet.Range(headerRow + 1, c + 1, lastDataRow, c + 1).RangeAddress.ToStringRelative()})";
                else
                    cell.SetValue(totals[c]);
            }
            var totalsRange = sheet.Range(row, 1, row, columns.Count).Style;
            totalsRange.Font.Bold = true;
            totalsRange.Border.TopBorder = XLBorderStyleValues.Double;
        }
        return row;
    }

    /// <summary>
    /// The style of each column's cells below the header: its number format, which every cell takes, empty or not, down
    /// to the totals row. Made once on the column's first cell and given to the others as a whole: formatting the column
    /// as a range would have ClosedXML restyle it cell by cell, which took longer than writing the values.
    /// </summary>
    private static IXLStyle[] ColumnStyles(IXLWorksheet sheet, SheetLayout layout, ReportLayout report, int firstRow)
    {
        var styles = new IXLStyle[layout.Columns.Count];
        for (var c = 0; c < styles.Length; c++)
        {
            var first = sheet.Cell(firstRow, c + 1);
            first.Style.NumberFormat.Format = layout.Columns[c].NumberFormat ?? report.NumberFormatOf(layout.Columns[c].Format);
            // A snapshot: what a value later changes in the first cell's style (wrapping a text) stays in that cell.
            styles[c] = first.Style;
        }
        return styles;
    }
}

/// <summary>Named figures of one object, one per line: a label and its value in the figure's own format.</summary>
public sealed class FigureSource<TData>(FigureDataset<TData> dataset, TData data) : ISheetSource
{
    public IReportDataset Dataset => dataset;

    public int Write(IXLWorksheet sheet, SheetLayout layout, ReportLayout report, int headerRow)
    {
        WorkbookWriter.WriteHeader(sheet, layout, headerRow);
        var row = headerRow;
        foreach (var figure in layout.Figures ?? [])
        {
            row++;
            for (var c = 0; c < layout.Columns.Count; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                if (layout.Columns[c].Field == FigureColumns.Label)
                {
                    cell.SetValue(figure.Label);
                    continue;
                }
                WorkbookWriter.Set(cell, dataset.Figure(figure.Field).Value(data));
                cell.Style.NumberFormat.Format = figure.NumberFormat ?? report.NumberFormatOf(figure.Format);
            }
        }
        sheet.Range(headerRow, 1, row, layout.Columns.Count).SetAutoFilter();
        return row;
    }
}

/// <summary>Writes a workbook from its layout and the sources of its datasets: titles, styled headers, frozen panes, filters.</summary>
public static class WorkbookWriter
{
    public const int TitleRow = 1;
    public const int SubtitleRow = 2;
    public const int HeaderRow = 3;

    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xDD, 0xEB, 0xF7);
    private static readonly XLColor TitleColour = XLColor.FromArgb(0x1F, 0x4E, 0x79);

    public static ReportFile Write(ReportLayout layout, ReportMoment moment, IReadOnlyList<ISheetSource> sources)
    {
        var placeholders = moment.Placeholders;
        var byDataset = sources.ToDictionary(s => s.Dataset.Name, StringComparer.Ordinal);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = ReportLayoutCatalog.Fill(layout.Title, placeholders);
        workbook.Properties.Author = "TrustFundManager";

        foreach (var sheetLayout in layout.Sheets)
        {
            var sheet = workbook.Worksheets.Add(sheetLayout.Name);
            var title = sheet.Cell(TitleRow, 1);
            title.SetValue(ReportLayoutCatalog.Fill(sheetLayout.Title, placeholders));
            title.Style.Font.Bold = true;
            title.Style.Font.FontSize = 14;
            title.Style.Font.FontColor = TitleColour;
            if (sheetLayout.Subtitle is { } subtitle)
            {
                var cell = sheet.Cell(SubtitleRow, 1);
                cell.SetValue(ReportLayoutCatalog.Fill(subtitle, placeholders));
                cell.Style.Font.Italic = true;
            }

            byDataset[sheetLayout.Dataset].Write(sheet, sheetLayout, layout, HeaderRow);
            for (var c = 0; c < sheetLayout.Columns.Count; c++) sheet.Column(c + 1).Width = sheetLayout.Columns[c].Width;
            sheet.SheetView.Freeze(HeaderRow, sheetLayout.FreezeColumns);
        }

        using var stream = new MemoryStream();
        // A total is a SUM, and its value is saved with it: a reader that does not calculate (a script, a preview) reads it too.
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        return new ReportFile(ReportLayoutCatalog.Fill(layout.FileName, placeholders), stream.ToArray());
    }

    internal static void WriteHeader(IXLWorksheet sheet, SheetLayout layout, int headerRow)
    {
        for (var c = 0; c < layout.Columns.Count; c++) sheet.Cell(headerRow, c + 1).SetValue(layout.Columns[c].Header);
        var style = sheet.Range(headerRow, 1, headerRow, layout.Columns.Count).Style;
        style.Font.Bold = true;
        style.Fill.BackgroundColor = HeaderFill;
        style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        style.Border.InsideBorder = XLBorderStyleValues.Thin;
        style.Alignment.WrapText = true;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>A value as Excel keeps it: amounts and counts as numbers, days as dates, yes/no and text as text.</summary>
    internal static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case decimal number:
                cell.SetValue(number);
                return;
            case int number:
                cell.SetValue(number);
                return;
            case DateOnly day:
                cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
                return;
            case bool flag:
                cell.SetValue(flag ? "Yes" : "No");
                return;
            case string text:
                cell.SetValue(text);
                return;
            default:
                cell.SetValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }
}
