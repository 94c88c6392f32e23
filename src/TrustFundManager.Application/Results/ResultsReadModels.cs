using TrustFundManager.Application.Funding;
using TrustFundManager.Domain.Results;

namespace TrustFundManager.Application.Results;

public sealed record ResultsMatrixResponse(Guid ProgrammeId, string ProgrammeTitle, ProgrammeStatusResponse ProgrammeStatus,
    bool Editable, Guid? Version, DateTimeOffset? UpdatedAt, string? UpdatedBy, List<OutcomeView> Outcomes,
    ResultsMatrixLinks Links);

public sealed record ResultsMatrixLinks(string Self, string Programme, string ProgressReports);

public sealed record OutcomeView(Guid Id, string Code, string Statement, int ThematicAreaNumber, List<int> GcmObjectives,
    List<IndicatorView> Indicators, List<OutputView> Outputs);

public sealed record OutputView(Guid Id, string Code, string Statement, List<IndicatorView> Indicators);

public sealed record IndicatorView(Guid Id, string Code, string Name, IndicatorKind Kind, string? Unit, object? Baseline,
    DateOnly BaselineDate, object? Target, DateOnly TargetDate, bool BySex, bool ByAge, string MeansOfVerification,
    string Organization, ActualView? LatestActual, IndicatorProgress? Progress);

/// <summary>The latest approved actual of an indicator.</summary>
public sealed record ActualView(object? Value, string Narrative, BreakdownRequest? Breakdown, DateOnly PeriodStart,
    DateOnly PeriodEnd, DateOnly ApprovedOn, string Report);

public sealed record ProgressReportSummary(Guid Id, string Organization, DateOnly PeriodStart, DateOnly PeriodEnd,
    ReportStatusResponse Status, DateOnly? SubmittedOn, DateOnly? ApprovedOn, string Href);

public sealed record ReportStatusResponse(string Name, string Title);

public sealed record ProgressReportResponse(Guid Id, Guid ProgrammeId, string ProgrammeTitle, string Organization,
    DateOnly PeriodStart, DateOnly PeriodEnd, ReportStatusResponse Status, bool Locked, DateOnly? SubmittedOn,
    DateOnly? ApprovedOn, string? ApprovedBy, string? ReturnComment, List<ReportLineView> Indicators,
    List<ReportActionView> Actions, Guid Version, Guid WorkflowInstanceId, ProgressReportLinks Links);

/// <summary>One of the organization's indicators with what the report gives for it (null actual when nothing yet).</summary>
public sealed record ReportLineView(Guid IndicatorId, string Name, IndicatorKind Kind, string? Unit, object? Baseline,
    object? Target, bool BySex, bool ByAge, object? Actual, string? Narrative, BreakdownRequest? Breakdown);

/// <summary>An action the caller may take now, or what still blocks it.</summary>
public sealed record ReportActionView(string Name, string Title, bool CommentRequired, IReadOnlyList<string> BlockedBy);

public sealed record ProgressReportLinks(string Self, string Programme, string Results, string History);
