using System.Globalization;
using System.Text;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;

namespace TrustFundManager.Domain.Tests.Results;

/// <summary>
/// A programme of UNICEF and ILO allocated on 10 March 2026, and a matrix for it: one outcome (area 2, objectives 7 and
/// 12) measured by UNICEF's count of referrals (0 to 1,000 people, by sex), and one output measured by ILO's procedure
/// (qualitative).
/// </summary>
internal static class ResultsFixtures
{
    public const string Editor = "puno.unicef";
    public static readonly Guid ProgrammeId = new("0193f2a4-5b6c-7d8e-9f00-112233445566");
    public static readonly DateOnly AllocatedOn = new(2026, 3, 10);
    public static readonly DateOnly BaselineDate = new(2026, 1, 1);
    public static readonly DateOnly TargetDate = new(2027, 12, 31);
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlySet<string> Organizations = new HashSet<string> { "UNICEF", "ILO" };

    public static ResultsMatrixRules Rules(params Guid[] indicatorsWithReportedValues) => new(
        Enumerable.Range(1, 5).ToHashSet(), Enumerable.Range(1, 23).ToHashSet(), Organizations,
        indicatorsWithReportedValues.ToHashSet());

    public static IndicatorDraft Quantitative(string name = "Migrants referred to protection services", Guid? id = null,
        string organization = "UNICEF", bool bySex = true, bool byAge = false, decimal baseline = 0m, decimal target = 1000m) =>
        new(id, name, IndicatorKind.Quantitative, "people", IndicatorValue.Of(baseline), BaselineDate, IndicatorValue.Of(target),
            TargetDate, bySex, byAge, "Case registry", organization);

    public static IndicatorDraft Qualitative(string name = "Referral procedure adopted", Guid? id = null,
        string organization = "ILO") =>
        new(id, name, IndicatorKind.Qualitative, null, IndicatorValue.Of("No procedure"), BaselineDate,
            IndicatorValue.Of("Adopted nationally"), TargetDate, false, false, "Official gazette", organization);

    public static OutputDraft Output(IReadOnlyList<IndicatorDraft>? indicators = null, Guid? id = null,
        string statement = "Case workers are trained in screening and referral") =>
        new(id, statement, indicators ?? [Qualitative()]);

    public static OutcomeDraft Outcome(IReadOnlyList<IndicatorDraft>? indicators = null, IReadOnlyList<OutputDraft>? outputs = null,
        Guid? id = null, string statement = "Migrants in vulnerable situations are protected and assisted", int area = 2,
        IReadOnlyList<int>? gcmObjectives = null) =>
        new(id, statement, area, gcmObjectives ?? [7, 12], indicators ?? [Quantitative()], outputs ?? [Output()]);

    public static ResultsMatrixDraft Draft(params OutcomeDraft[] outcomes) => new(outcomes.Length == 0 ? [Outcome()] : outcomes);

    /// <summary>The matrix after its first revision with <see cref="Draft"/>.</summary>
    public static ResultsMatrix Matrix(ResultsMatrixDraft? draft = null)
    {
        var matrix = ResultsMatrix.For(ProgrammeId);
        matrix.Revise(draft ?? Draft(), Rules(), JointProgrammeStatus.Active, null, Editor, Now.AddDays(-30));
        return matrix;
    }

    /// <summary>The draft that revises <paramref name="matrix"/> into itself: every item named by its id.</summary>
    public static ResultsMatrixDraft Unchanged(ResultsMatrix matrix) => new(matrix.Outcomes.OrderBy(o => o.Position)
        .Select(o => new OutcomeDraft(o.Id, o.Statement, o.ThematicAreaNumber, o.GcmObjectives,
            IndicatorsOf(matrix, o.Id, null),
            matrix.Outputs.Where(p => p.OutcomeId == o.Id).OrderBy(p => p.Position)
                .Select(p => new OutputDraft(p.Id, p.Statement, IndicatorsOf(matrix, o.Id, p.Id))).ToList()))
        .ToList());

    private static List<IndicatorDraft> IndicatorsOf(ResultsMatrix matrix, Guid outcome, Guid? output) =>
        matrix.Indicators.Where(i => i.OutcomeId == outcome && i.OutputId == output).OrderBy(i => i.Position)
            .Select(i => new IndicatorDraft(i.Id, i.Name, i.Kind, i.Unit, i.Baseline, i.BaselineDate, i.Target, i.TargetDate,
                i.BySex, i.ByAge, i.MeansOfVerification, i.Organization)).ToList();

    /// <summary>Everything a refused revision must leave as it was, as text that a failed assertion shows.</summary>
    public static string Describe(ResultsMatrix matrix)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"version {matrix.Version} at {matrix.UpdatedAt:O} by {matrix.UpdatedBy}");
        foreach (var o in matrix.Outcomes)
            text.AppendLine(CultureInfo.InvariantCulture, $"outcome {o.Id} {o.Position} '{o.Statement}' area {o.ThematicAreaNumber} gcm {string.Join(",", o.GcmObjectives)}");
        foreach (var p in matrix.Outputs)
            text.AppendLine(CultureInfo.InvariantCulture, $"output {p.Id} of {p.OutcomeId} {p.Position} '{p.Statement}'");
        foreach (var i in matrix.Indicators)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"indicator {i.Id} of {i.OutcomeId}/{i.OutputId} {i.Position} '{i.Name}' {i.Kind} {i.Unit} {i.Baseline}@{i.BaselineDate} {i.Target}@{i.TargetDate} sex {i.BySex} age {i.ByAge} '{i.MeansOfVerification}' {i.Organization}");
        return text.ToString();
    }

    public static ReportingContext Context(string status = JointProgrammeStatus.Active) =>
        new(ProgrammeId, Organizations, AllocatedOn, status);

    /// <summary>UNICEF's draft report for April to September 2026.</summary>
    public static ProgressReport Report(DateOnly? start = null, DateOnly? end = null) =>
        ProgressReport.Open(Context(), "UNICEF", start ?? new DateOnly(2026, 4, 1), end ?? new DateOnly(2026, 9, 30), [], Today,
            Editor, Now);
}
