using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>What a field holds, which decides the formats that fit it and whether it may be totalled.</summary>
public enum FieldKind
{
    Text,

    /// <summary>An amount in USD, exact to the cent.</summary>
    Usd,

    /// <summary>A share such as a delivery rate: 0.6195 is 61.95%.</summary>
    Ratio,

    /// <summary>Another decimal figure, such as a score out of 100.</summary>
    Number,
    Integer,
    Date,

    /// <summary>Written as "Yes" or "No".</summary>
    YesNo,
}

/// <summary>A dataset a sheet may show: a table of rows with named fields, or a list of named figures.</summary>
public interface IReportDataset
{
    string Name { get; }

    /// <summary>What the dataset is, for the documentation and error messages.</summary>
    string Description { get; }

    /// <summary>True for a list of figures (one label and value per line) rather than a table.</summary>
    bool IsFigures { get; }

    /// <summary>The fields a column (or a figure, for a figures dataset) may name, in the order documented.</summary>
    IReadOnlyList<(string Name, FieldKind Kind)> Fields { get; }
}

/// <summary>A field of a row: its name in the layouts, its kind, and how its value is read.</summary>
public sealed record ReportField<TRow>(string Name, FieldKind Kind, Func<TRow, object?> Value);

/// <summary>A table: each row becomes a line of the sheet, each column one of the row's fields.</summary>
public sealed class TableDataset<TRow>(string name, string description, params ReportField<TRow>[] fields) : IReportDataset
{
    private readonly Dictionary<string, ReportField<TRow>> _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public string Name { get; } = name;
    public string Description { get; } = description;
    public bool IsFigures => false;
    public IReadOnlyList<(string Name, FieldKind Kind)> Fields { get; } = fields.Select(f => (f.Name, f.Kind)).ToList();

    public ReportField<TRow> Field(string name) => _fields[name];
}

/// <summary>
/// Named figures of one object (the funding status): the sheet lists the figures the layout names, one per line, with
/// the columns <c>label</c> and <c>value</c>.
/// </summary>
public sealed class FigureDataset<TData>(string name, string description, params ReportField<TData>[] figures) : IReportDataset
{
    private readonly Dictionary<string, ReportField<TData>> _figures = figures.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public string Name { get; } = name;
    public string Description { get; } = description;
    public bool IsFigures => true;
    public IReadOnlyList<(string Name, FieldKind Kind)> Fields { get; } = figures.Select(f => (f.Name, f.Kind)).ToList();

    public ReportField<TData> Figure(string name) => _figures[name];
}

/// <summary>The two columns of a figures sheet.</summary>
public static class FigureColumns
{
    public const string Label = "label";
    public const string Value = "value";
}

/// <summary>Shared ways of showing values in a sheet.</summary>
public static class ReportValues
{
    public static string? RegionTitle(Region? region) => region switch
    {
        null => null,
        Region.Africa => "Africa",
        Region.ArabStates => "Arab States",
        Region.AsiaPacific => "Asia-Pacific",
        Region.EuropeAndNorthAmerica => "Europe and North America",
        Region.LatinAmericaAndCaribbean => "Latin America and the Caribbean",
        _ => region.ToString(),
    };

    public static string List<T>(IEnumerable<T> values) => string.Join(", ", values);

    /// <summary>The UTC day of an instant.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static DateOnly? Day(DateTimeOffset? at) => at is { } value ? Day(value) : null;
}
