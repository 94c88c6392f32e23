namespace TrustFundManager.Infrastructure.Iati;

/// <summary>The ResultType codelist, as far as a results matrix needs it.</summary>
public enum IatiResultType
{
    Output = 1,
    Outcome = 2,
}

/// <summary>The IndicatorMeasure codelist.</summary>
public enum IatiIndicatorMeasure
{
    Unit = 1,
    Percentage = 2,
    Nominal = 3,
    Ordinal = 4,
    Qualitative = 5,
}

/// <summary>
/// One result of a joint programme's results matrix: an outcome or an output with its indicators. IATI requires at
/// least one indicator per result; a result without one is left out of the file.
/// </summary>
public sealed record IatiResult(IatiResultType Type, string Title, string? Description, IReadOnlyList<IatiIndicator> Indicators);

/// <summary>
/// An indicator with its baseline and its periods (each with the target and the approved actual value). For a
/// <see cref="IatiIndicatorMeasure.Qualitative"/> indicator the values are left out and the comments carry the text.
/// <paramref name="Ascending"/> says whether a higher value is better.
/// </summary>
public sealed record IatiIndicator(
    string Title,
    string? Description,
    IatiIndicatorMeasure Measure,
    bool? Ascending,
    IatiBaseline? Baseline,
    IReadOnlyList<IatiIndicatorPeriod> Periods);

public sealed record IatiBaseline(int Year, DateOnly? Date, decimal? Value, string? Comment);

/// <summary>A reporting period of an indicator: the target set for it and the actual value approved for it, if any.</summary>
public sealed record IatiIndicatorPeriod(
    DateOnly Start,
    DateOnly End,
    decimal? Target,
    string? TargetComment,
    decimal? Actual,
    string? ActualComment);

/// <summary>
/// Where the export finds each joint programme's results. The results matrix (outcomes, outputs and indicators with
/// baselines, targets and approved actuals) fills it; until then <see cref="NoIatiResults"/> answers for every
/// programme with none.
/// </summary>
public interface IIatiResultsSource
{
    /// <summary>The results of each of <paramref name="programmeIds"/> that has any, keyed by programme id.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<IatiResult>>> ResultsByProgrammeAsync(
        IReadOnlyCollection<Guid> programmeIds, CancellationToken ct);
}

/// <summary>No results yet: the results matrix replaces this source when it is wired to the export.</summary>
public sealed class NoIatiResults : IIatiResultsSource
{
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<IatiResult>>> ResultsByProgrammeAsync(
        IReadOnlyCollection<Guid> programmeIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<IatiResult>>>(new Dictionary<Guid, IReadOnlyList<IatiResult>>());
}
