using System.Text.Json.Serialization;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>
/// One workbook as a fund officer lays it out in <c>reports/&lt;report&gt;.json</c>: its title, file name, number
/// formats and sheets. What each sheet can show is fixed by the code (its dataset and the dataset's fields); which of it,
/// in which order, under which headers and formats, is the layout's.
/// </summary>
public sealed record ReportLayout(
    string Title,
    string FileName,
    IReadOnlyList<SheetLayout> Sheets,
    IReadOnlyDictionary<string, string>? NumberFormats = null)
{
    /// <summary>The schema the file points at, for editors; not used by the application.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The Excel number format code of a format kind: the layout's own, or the default.</summary>
    public string NumberFormatOf(string kind) =>
        NumberFormats?.GetValueOrDefault(kind) ?? ReportFormats.DefaultNumberFormats[kind];
}

/// <summary>A sheet: its tab name, the title rows above the table, the dataset it shows and how.</summary>
public sealed record SheetLayout(
    string Name,
    string Title,
    string Dataset,
    IReadOnlyList<ColumnLayout> Columns,
    string? Subtitle = null,
    IReadOnlyList<FigureLayout>? Figures = null,
    string Totals = ReportTotals.None,
    string TotalsLabel = "Total",
    int FreezeColumns = 0);

/// <summary>
/// A column: its header, the dataset field it shows, the kind of format (<see cref="ReportFormats"/>), an optional
/// Excel number format code that overrides the layout's for this column, its width in characters and whether the
/// totals row sums it.
/// </summary>
public sealed record ColumnLayout(
    string Header,
    string Field,
    string Format = ReportFormats.Text,
    double Width = 12,
    bool Total = false,
    string? NumberFormat = null);

/// <summary>One line of a figures sheet (the funding summary): a label and the figure it shows, in its format.</summary>
public sealed record FigureLayout(string Label, string Field, string Format = ReportFormats.Currency, string? NumberFormat = null);

/// <summary>Whether a sheet ends with a totals row, and how it is written.</summary>
public static class ReportTotals
{
    public const string None = "none";

    /// <summary>A SUM formula over the column's data cells: it follows the sheet when a reader edits it.</summary>
    public const string Formula = "formula";

    /// <summary>The sum written as a number, exactly the sum of the amounts shown.</summary>
    public const string Value = "value";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { None, Formula, Value };
}

/// <summary>The kinds of number format a column or figure may take, their default codes and what fits each field.</summary>
public static class ReportFormats
{
    public const string Currency = "currency";
    public const string Percent = "percent";
    public const string Date = "date";
    public const string Integer = "integer";
    public const string Decimal = "decimal";
    public const string Text = "text";

    public static readonly IReadOnlyDictionary<string, string> DefaultNumberFormats = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Currency] = "#,##0.00 \"USD\"",
        [Percent] = "0.00%",
        [Date] = "yyyy-mm-dd",
        [Integer] = "#,##0",
        [Decimal] = "#,##0.00##",
        [Text] = "@",
    };

    /// <summary>The format kinds that show a field of each kind sensibly.</summary>
    public static IReadOnlySet<string> FitFor(FieldKind kind) => kind switch
    {
        FieldKind.Usd => new HashSet<string> { Currency, Decimal, Integer },
        FieldKind.Ratio => new HashSet<string> { Percent, Decimal },
        FieldKind.Number => new HashSet<string> { Decimal, Integer, Percent },
        FieldKind.Integer => new HashSet<string> { Integer, Decimal, Text },
        FieldKind.Date => new HashSet<string> { Date, Text },
        FieldKind.Text or FieldKind.YesNo => new HashSet<string> { Text },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether a totals row may sum a field of this kind.</summary>
    public static bool Summable(FieldKind kind) => kind is FieldKind.Usd or FieldKind.Integer or FieldKind.Number;
}
