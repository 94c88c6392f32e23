namespace TrustFundManager.Domain.Results;

/// <summary>
/// The whole matrix as an editor sends it: outcomes in order, each with its outputs and indicators. Items that carry
/// the id of an existing one revise it; items without an id are new; existing items left out are removed.
/// <paramref name="Reason"/> is the FMU's, required when it changes what an indicator with approved values measures.
/// </summary>
public sealed record ResultsMatrixDraft(IReadOnlyList<OutcomeDraft> Outcomes, string? Reason = null);

public sealed record OutcomeDraft(Guid? Id, string Statement, int ThematicAreaNumber, IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<IndicatorDraft> Indicators, IReadOnlyList<OutputDraft> Outputs);

public sealed record OutputDraft(Guid? Id, string Statement, IReadOnlyList<IndicatorDraft> Indicators);

/// <summary>
/// An indicator: what is measured (in <paramref name="Unit"/> when quantitative), from a dated baseline to a dated
/// target, whether actuals are broken down by sex and by age, how they are verified and which participating
/// organization reports them.
/// </summary>
public sealed record IndicatorDraft(Guid? Id, string Name, IndicatorKind Kind, string? Unit, IndicatorValue Baseline,
    DateOnly BaselineDate, IndicatorValue Target, DateOnly TargetDate, bool BySex, bool ByAge, string MeansOfVerification,
    string Organization);

/// <summary>
/// What the matrix is checked against: the fund's thematic areas and GCM objectives, the programme's organizations,
/// the indicators that already have reported values (they cannot be removed or change kind or reporter), and those
/// with approved values (what they measure changes only with a reason; see <see cref="IndicatorOwnership"/>).
/// </summary>
public sealed record ResultsMatrixRules(IReadOnlySet<int> ThematicAreas, IReadOnlySet<int> GcmObjectives,
    IReadOnlySet<string> Organizations, IReadOnlySet<Guid> IndicatorsWithReportedValues,
    IReadOnlySet<Guid>? IndicatorsWithApprovedValues = null);
