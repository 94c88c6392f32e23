using TrustFundManager.Domain.Results;

namespace TrustFundManager.Infrastructure.Results;

/// <summary>
/// The fund's results: programme results aggregated by thematic area (each outcome's fund outcome) and by GCM
/// objective (an outcome counts under each objective it names, so those rows overlap and do not add up to the total).
/// </summary>
public sealed record ResultsSummary(DateOnly AsOf, ResultsGroup Total, IReadOnlyList<ResultsGroup> ByThematicArea,
    IReadOnlyList<ResultsGroup> ByGcmObjective);

/// <summary>
/// One group's indicators. <see cref="OnTrackShare"/> is the share of the quantitative indicators with an approved
/// actual that are on track against their targets (see <see cref="IndicatorProgress"/>); null before any is measured.
/// </summary>
public sealed record ResultsGroup(int? Number, string Title, int Programmes, int Outcomes, int Indicators,
    int QuantitativeIndicators, int IndicatorsWithActuals, int Measured, int OnTrack, decimal? OnTrackShare,
    IReadOnlyList<IndicatorResult> LatestActuals);

/// <summary>An indicator with its latest approved actual and how it stands against its target.</summary>
public sealed record IndicatorResult(Guid ProgrammeId, string ProgrammeTitle, Guid IndicatorId, string Name,
    IndicatorKind Kind, string? Unit, string Organization, IndicatorValue Baseline, DateOnly BaselineDate,
    IndicatorValue Target, DateOnly TargetDate, ApprovedActual? Latest, IndicatorProgress? Progress);

/// <summary>An actual the FMU approved, from the report of the latest period.</summary>
public sealed record ApprovedActual(Guid ReportId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly ApprovedOn,
    IndicatorValue Value, string Narrative, decimal? Female, decimal? Male, decimal? Children, decimal? Adults);
