using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrustFundManager.Infrastructure.Reports;

/// <summary>One thing wrong with one layout file.</summary>
public sealed record ReportLayoutProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}

/// <summary>The report layouts cannot be used; start-up stops with every problem found.</summary>
public sealed class ReportLayoutException(IReadOnlyList<ReportLayoutProblem> problems)
    : Exception("The report layouts are not valid:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}")))
{
    public IReadOnlyList<ReportLayoutProblem> Problems { get; } = problems;
}

/// <summary>Where the layouts are read from: by default the <c>reports</c> folder beside the application.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "reports");
}

/// <summary>
/// Every report's layout, read from <c>&lt;report&gt;.json</c> in the layout folder and validated against the datasets
/// and fields the code offers. Loaded once at start-up: an invalid layout stops the application.
/// </summary>
public sealed partial class ReportLayoutCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>What a title, subtitle or file name may put in braces.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal) { "date", "generatedAt" };

    private readonly IReadOnlyDictionary<string, ReportLayout> _layouts;

    private ReportLayoutCatalog(IReadOnlyDictionary<string, ReportLayout> layouts) => _layouts = layouts;

    public ReportLayout Get(string report) =>
        _layouts.TryGetValue(report, out var layout) ? layout : throw new InvalidOperationException($"No layout for report '{report}'.");

    /// <summary>Reads and validates the layout of every report in <see cref="ReportDefinitions.Datasets"/>.</summary>
    /// <exception cref="ReportLayoutException">A file is missing, unreadable or invalid.</exception>
    public static ReportLayoutCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ReportLayoutException([new ReportLayoutProblem(directory, "the report layout directory does not exist.")]);

        var problems = new List<ReportLayoutProblem>();
        var layouts = new Dictionary<string, ReportLayout>(StringComparer.Ordinal);
        foreach (var (report, datasets) in ReportDefinitions.Datasets)
        {
            var fileName = $"{report}.json";
            var path = Path.Combine(directory, fileName);
            if (!File.Exists(path))
            {
                problems.Add(new ReportLayoutProblem(fileName, $"the layout of the '{report}' report is missing from {directory}."));
                continue;
            }
            try
            {
                var layout = JsonSerializer.Deserialize<ReportLayout>(File.ReadAllText(path), JsonOptions)
                             ?? throw new JsonException("the file holds null.");
                var found = Validate(layout, datasets).Select(message => new ReportLayoutProblem(fileName, message)).ToList();
                problems.AddRange(found);
                if (found.Count == 0) layouts[report] = layout;
            }
            catch (JsonException e)
            {
                problems.Add(new ReportLayoutProblem(fileName, $"not a valid layout: {e.Message}"));
            }
        }

        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            if (fileName.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
            if (!ReportDefinitions.Datasets.ContainsKey(Path.GetFileNameWithoutExtension(fileName)))
                problems.Add(new ReportLayoutProblem(fileName,
                    $"no report is called '{Path.GetFileNameWithoutExtension(fileName)}'; the reports are: {string.Join(", ", ReportDefinitions.Datasets.Keys)}."));
        }

        if (problems.Count > 0) throw new ReportLayoutException(problems);
        return new ReportLayoutCatalog(layouts);
    }

    /// <summary>Everything wrong with one layout, each as a sentence that names where.</summary>
    public static IReadOnlyList<string> Validate(ReportLayout layout, IReadOnlyList<IReportDataset> datasets)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(layout.Title)) problems.Add("title is empty.");
        problems.AddRange(PlaceholderProblems("title", layout.Title));
        if (!layout.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || layout.FileName.Length <= 5)
            problems.Add($"fileName '{layout.FileName}' must end in '.xlsx'.");
        if (layout.FileName.IndexOfAny([.. Path.GetInvalidFileNameChars(), '"', '\\', ':', '*', '?', '<', '>', '|']) >= 0)
            problems.Add($"fileName '{layout.FileName}' holds a character a file name may not have.");
        problems.AddRange(PlaceholderProblems("fileName", layout.FileName));

        foreach (var (kind, code) in layout.NumberFormats ?? new Dictionary<string, string>())
        {
            if (!ReportFormats.DefaultNumberFormats.ContainsKey(kind))
                problems.Add($"numberFormats names unknown format '{kind}'; the formats are: {string.Join(", ", ReportFormats.DefaultNumberFormats.Keys)}.");
            else if (string.IsNullOrWhiteSpace(code)) problems.Add($"numberFormats gives format '{kind}' an empty code.");
        }

        if (layout.Sheets.Count == 0) problems.Add("sheets is empty: a workbook needs at least one sheet.");
        foreach (var duplicate in layout.Sheets.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"sheet name '{duplicate.Key}' is used {duplicate.Count()} times; Excel needs each name once.");

        var byName = datasets.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var sheet in layout.Sheets)
        {
            var where = $"sheet '{sheet.Name}'";
            if (sheet.Name.Length is 0 or > 31 || sheet.Name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0
                || sheet.Name.StartsWith('\'') || sheet.Name.EndsWith('\''))
                problems.Add($"{where}: a sheet name has 1 to 31 characters, none of [ ] : * ? / \\, and no apostrophe at either end.");
            if (string.IsNullOrWhiteSpace(sheet.Title)) problems.Add($"{where}: title is empty.");
            problems.AddRange(PlaceholderProblems($"{where} title", sheet.Title));
            if (sheet.Subtitle is not null) problems.AddRange(PlaceholderProblems($"{where} subtitle", sheet.Subtitle));
            if (!ReportTotals.All.Contains(sheet.Totals))
                problems.Add($"{where}: totals '{sheet.Totals}' is not one of: {string.Join(", ", ReportTotals.All)}.");
            if (sheet.Columns.Count == 0) problems.Add($"{where}: columns is empty.");
            if (sheet.FreezeColumns < 0 || sheet.FreezeColumns > sheet.Columns.Count)
                problems.Add($"{where}: freezeColumns must be between 0 and the number of columns ({sheet.Columns.Count}).");

            if (!byName.TryGetValue(sheet.Dataset, out var dataset))
            {
                problems.Add($"{where} names unknown dataset '{sheet.Dataset}'; this report's datasets are: {string.Join(", ", byName.Keys)}.");
                continue;
            }
            problems.AddRange(dataset.IsFigures ? FigureSheetProblems(where, sheet, dataset) : TableSheetProblems(where, sheet, dataset));
        }
        return problems;
    }

    private static IEnumerable<string> TableSheetProblems(string where, SheetLayout sheet, IReportDataset dataset)
    {
        if (sheet.Figures is not null)
            yield return $"{where}: figures are for a figures dataset; '{dataset.Name}' is a table, so name its fields in columns.";
        var fields = dataset.Fields.ToDictionary(f => f.Name, f => f.Kind, StringComparer.Ordinal);
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            var column = sheet.Columns[i];
            var at = $"{where} column {i + 1} ('{column.Header}')";
            foreach (var problem in ColumnShapeProblems(at, column)) yield return problem;
            if (!fields.TryGetValue(column.Field, out var kind))
            {
                yield return $"{at} names unknown field '{column.Field}' of dataset '{dataset.Name}'; its fields are: {string.Join(", ", fields.Keys)}.";
                continue;
            }
            foreach (var problem in FormatProblems(at, column.Field, kind, column.Format, column.NumberFormat)) yield return problem;
            if (column.Total && !ReportFormats.Summable(kind))
                yield return $"{at}: field '{column.Field}' is {kind.ToString().ToLowerInvariant()}, which a totals row cannot sum.";
            if (column.Total && sheet.Totals == ReportTotals.None)
                yield return $"{at} asks for a total, but the sheet's totals is '{ReportTotals.None}'; set totals to '{ReportTotals.Formula}' or '{ReportTotals.Value}'.";
        }
    }

    private static IEnumerable<string> FigureSheetProblems(string where, SheetLayout sheet, IReportDataset dataset)
    {
        if (sheet.Totals != ReportTotals.None)
            yield return $"{where}: a figures sheet has no totals row; set totals to '{ReportTotals.None}'.";
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            var column = sheet.Columns[i];
            var at = $"{where} column {i + 1} ('{column.Header}')";
            foreach (var problem in ColumnShapeProblems(at, column)) yield return problem;
            if (column.Field is not (FigureColumns.Label or FigureColumns.Value))
                yield return $"{at} names unknown field '{column.Field}'; the columns of figures dataset '{dataset.Name}' are "
                             + $"'{FigureColumns.Label}' and '{FigureColumns.Value}' (the figures are listed under figures).";
            if (column.Total) yield return $"{at}: a figures sheet has no totals row.";
        }
        if (sheet.Figures is not { Count: > 0 })
        {
            yield return $"{where}: figures is empty; list the figures of dataset '{dataset.Name}' to show.";
            yield break;
        }
        var fields = dataset.Fields.ToDictionary(f => f.Name, f => f.Kind, StringComparer.Ordinal);
        for (var i = 0; i < sheet.Figures.Count; i++)
        {
            var figure = sheet.Figures[i];
            var at = $"{where} figure {i + 1} ('{figure.Label}')";
            if (string.IsNullOrWhiteSpace(figure.Label)) yield return $"{at}: label is empty.";
            if (!fields.TryGetValue(figure.Field, out var kind))
            {
                yield return $"{at} names unknown field '{figure.Field}' of dataset '{dataset.Name}'; its fields are: {string.Join(", ", fields.Keys)}.";
                continue;
            }
            foreach (var problem in FormatProblems(at, figure.Field, kind, figure.Format, figure.NumberFormat)) yield return problem;
        }
    }

    private static IEnumerable<string> ColumnShapeProblems(string at, ColumnLayout column)
    {
        if (string.IsNullOrWhiteSpace(column.Header)) yield return $"{at}: header is empty.";
        if (column.Width is < 1 or > 255) yield return $"{at}: width {column.Width} must be between 1 and 255 characters.";
    }

    private static IEnumerable<string> FormatProblems(string at, string field, FieldKind kind, string format, string? numberFormat)
    {
        if (!ReportFormats.DefaultNumberFormats.ContainsKey(format))
            yield return $"{at}: format '{format}' is not one of: {string.Join(", ", ReportFormats.DefaultNumberFormats.Keys)}.";
        else if (!ReportFormats.FitFor(kind).Contains(format))
            yield return $"{at}: field '{field}' is {kind.ToString().ToLowerInvariant()} and cannot take format '{format}'; use one of: {string.Join(", ", ReportFormats.FitFor(kind))}.";
        if (numberFormat is not null && string.IsNullOrWhiteSpace(numberFormat)) yield return $"{at}: numberFormat is empty.";
    }

    private static IEnumerable<string> PlaceholderProblems(string where, string text) =>
        Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Where(name => !Placeholders.Contains(name)).Distinct()
            .Select(name => $"{where} uses unknown placeholder '{{{name}}}'; the placeholders are: {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))}.");

    /// <summary>Puts the values of the placeholders into a title or file name.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.GetValueOrDefault(m.Groups["name"].Value, m.Value));

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
