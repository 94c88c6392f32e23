using System.Text.Json;
using FluentValidation;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Domain.Results;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Results;

/// <summary>
/// The whole results matrix. <see cref="Version"/> is the version read (left out for a programme's first matrix);
/// items with an id revise the existing item, items without one are new, existing items left out are removed.
/// The matrix is read, edited and sent back whole, so an item may carry what the matrix shows of it beside what can
/// be changed: its <c>code</c> (given by its place), and an indicator's <c>latestActual</c> and <c>progress</c> (from
/// the approved reports). Those are read-only and ignored; any other field the request does not have is refused.
/// <see cref="Reason"/> is required of the FMU when it changes what an indicator with approved values measures.
/// </summary>
public sealed record ResultsMatrixRequest(Guid? Version, List<OutcomeRequest>? Outcomes, string? Reason = null);

public sealed record OutcomeRequest(Guid? Id, string? Statement, int? ThematicAreaNumber, List<int>? GcmObjectives,
    List<IndicatorRequest>? Indicators, List<OutputRequest>? Outputs, string? Code = null);

public sealed record OutputRequest(Guid? Id, string? Statement, List<IndicatorRequest>? Indicators, string? Code = null);

/// <summary>Baseline and target are JSON numbers for a quantitative indicator and strings for a qualitative one.</summary>
public sealed record IndicatorRequest(Guid? Id, string? Name, IndicatorKind? Kind, string? Unit, JsonElement? Baseline,
    DateOnly? BaselineDate, JsonElement? Target, DateOnly? TargetDate, bool? BySex, bool? ByAge, string? MeansOfVerification,
    string? Organization, string? Code = null, JsonElement? LatestActual = null, JsonElement? Progress = null);

public sealed class ResultsMatrixRequestValidator : AbstractValidator<ResultsMatrixRequest>
{
    public ResultsMatrixRequestValidator()
    {
        RuleFor(r => r.Outcomes).NotNull();
        RuleFor(r => r.Reason).MaximumLength(WorkflowJournalEntry.CommentMaxLength);
        RuleForEach(r => r.Outcomes).NotNull().ChildRules(outcome =>
        {
            outcome.RuleFor(o => o.Statement).NotEmpty().MaximumLength(ResultsMatrix.StatementMaxLength);
            outcome.RuleFor(o => o.ThematicAreaNumber).NotNull();
            outcome.RuleFor(o => o.GcmObjectives).NotNull();
            outcome.RuleForEach(o => o.Indicators).NotNull().SetValidator(new IndicatorRequestValidator());
            outcome.RuleForEach(o => o.Outputs).NotNull().ChildRules(output =>
            {
                output.RuleFor(p => p.Statement).NotEmpty().MaximumLength(ResultsMatrix.StatementMaxLength);
                output.RuleForEach(p => p.Indicators).NotNull().SetValidator(new IndicatorRequestValidator());
            });
        });
    }
}

public sealed class IndicatorRequestValidator : AbstractValidator<IndicatorRequest>
{
    public IndicatorRequestValidator()
    {
        RuleFor(i => i.Name).NotEmpty().MaximumLength(ResultsMatrix.NameMaxLength);
        RuleFor(i => i.Kind).NotNull();
        RuleFor(i => i.Unit).MaximumLength(ResultsMatrix.UnitMaxLength);
        RuleFor(i => i.Baseline).Must(IndicatorValues.IsNumberOrText).WithMessage(IndicatorValues.NumberOrText);
        RuleFor(i => i.BaselineDate).NotNull();
        RuleFor(i => i.Target).Must(IndicatorValues.IsNumberOrText).WithMessage(IndicatorValues.NumberOrText);
        RuleFor(i => i.TargetDate).NotNull();
        RuleFor(i => i.MeansOfVerification).NotEmpty().MaximumLength(ResultsMatrix.VerificationMaxLength);
        RuleFor(i => i.Organization).NotEmpty().MaximumLength(Organization.CodeMaxLength);
    }
}

/// <summary>Opens the caller's organization's report for a period.</summary>
public sealed record OpenProgressReportRequest(DateOnly? PeriodStart, DateOnly? PeriodEnd);

public sealed class OpenProgressReportRequestValidator : AbstractValidator<OpenProgressReportRequest>
{
    public OpenProgressReportRequestValidator()
    {
        RuleFor(r => r.PeriodStart).NotNull();
        RuleFor(r => r.PeriodEnd).NotNull();
    }
}

/// <summary>The report's values, all of them: <see cref="Version"/> is the report's version as read.</summary>
public sealed record ProgressValuesRequest(Guid? Version, List<ActualRequest>? Values);

/// <summary>An actual is a JSON number for a quantitative indicator and a string for a qualitative one.</summary>
public sealed record ActualRequest(Guid? IndicatorId, JsonElement? Actual, string? Narrative, BreakdownRequest? Breakdown);

public sealed record BreakdownRequest(decimal? Female, decimal? Male, decimal? Children, decimal? Adults);

public sealed class ProgressValuesRequestValidator : AbstractValidator<ProgressValuesRequest>
{
    public ProgressValuesRequestValidator()
    {
        RuleFor(r => r.Version).NotNull();
        RuleFor(r => r.Values).NotNull();
        RuleFor(r => r.Values).Must(v => v is null || v.Count <= 500).WithMessage("A report has at most 500 values.");
        RuleForEach(r => r.Values).NotNull().ChildRules(value =>
        {
            value.RuleFor(v => v.IndicatorId).NotNull();
            value.RuleFor(v => v.Actual).Must(IndicatorValues.IsNumberOrText).WithMessage(IndicatorValues.NumberOrText);
            value.RuleFor(v => v.Narrative).MaximumLength(ProgressReport.NarrativeMaxLength);
        });
    }
}

/// <summary>Indicator values travel as JSON numbers (quantitative) or strings (qualitative).</summary>
public static class IndicatorValues
{
    public const string NumberOrText = "A value is a JSON number (quantitative indicators) or a string (qualitative indicators).";

    public static bool IsNumberOrText(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } || value is { ValueKind: JsonValueKind.Number } number && number.TryGetDecimal(out _);

    public static IndicatorValue From(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number => IndicatorValue.Of(number.GetDecimal()),
        { ValueKind: JsonValueKind.String } text => IndicatorValue.Of(text.GetString()!),
        _ => default,
    };

    /// <summary>A number as a JSON number, a text as a string.</summary>
    public static object? ToJson(IndicatorValue value) => (object?)value.Number ?? value.Text;
}
