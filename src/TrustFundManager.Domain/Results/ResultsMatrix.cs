using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Results;

/// <summary>
/// A joint programme's results matrix: outcomes (each linked to a thematic area and GCM objectives), outputs under
/// them, and indicators under an outcome or an output. Its participating organizations and the FMU edit it while the
/// programme is allocated or active; a removed or changed indicator never loses the values reported against it.
/// </summary>
public sealed class ResultsMatrix
{
    public const int StatementMaxLength = 1000;
    public const int NameMaxLength = 500;
    public const int UnitMaxLength = 100;
    public const int VerificationMaxLength = 1000;
    public const int MaxOutcomes = 20;
    public const int MaxOutputsPerOutcome = 20;
    public const int MaxIndicatorsPerResult = 20;

    private readonly List<Outcome> _outcomes = [];
    private readonly List<Output> _outputs = [];
    private readonly List<Indicator> _indicators = [];

    private ResultsMatrix()
    {
        UpdatedBy = string.Empty;
    }

    public Guid ProgrammeId { get; private set; }
    public IReadOnlyList<Outcome> Outcomes => _outcomes;
    public IReadOnlyList<Output> Outputs => _outputs;
    public IReadOnlyList<Indicator> Indicators => _indicators;

    /// <summary>Changes with every revision: an editor working from an older matrix is refused.</summary>
    public Guid Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    /// <summary>A programme's empty matrix, before its first revision.</summary>
    public static ResultsMatrix For(Guid programmeId) => new() { ProgrammeId = programmeId };

    /// <summary>The states in which the matrix may change.</summary>
    public static bool IsEditableIn(string programmeStatus) =>
        programmeStatus is JointProgrammeStatus.Allocated or JointProgrammeStatus.Active;

    /// <summary>
    /// Replaces the matrix with <paramref name="draft"/>: existing items named by id are revised in place, new ones
    /// added, the rest removed. <paramref name="expectedVersion"/> is the version the editor read (null for a first
    /// matrix); any other is refused, so that two editors cannot overwrite each other.
    /// </summary>
    public void Revise(ResultsMatrixDraft draft, ResultsMatrixRules rules, string programmeStatus, Guid? expectedVersion,
        string actor, DateTimeOffset now)
    {
        if (!IsEditableIn(programmeStatus))
            throw new DomainConflictException(
                $"The results matrix is edited while the programme is allocated or active; this one is '{programmeStatus}'.");
        if (expectedVersion != (Version == Guid.Empty ? null : Version))
            throw DomainConflictException.StaleVersion(
                "The results matrix changed since it was read; read it again and apply your changes to the latest version.",
                Version);

        var errors = new Dictionary<string, string[]>();
        ResultsMatrixChecks.Check(draft, rules, this, errors);
        if (errors.Count > 0) throw new InvalidChangeException(errors);
        ResultsMatrixChecks.CheckReportedIndicatorsKept(draft, rules, this);
        if (rules.IndicatorsWithApprovedValues is { } approved) IndicatorOwnership.RequireReason(draft, this, approved);

        Apply(draft);
        Version = Guid.NewGuid();
        UpdatedAt = now;
        UpdatedBy = actor;
    }

    public IEnumerable<Indicator> IndicatorsOf(string organization) =>
        _indicators.Where(i => i.Organization == organization);

    /// <summary>An output's code: its outcome's, a dot and its position ("1.2").</summary>
    public string CodeOf(Output output) => $"{OutcomeOf(output.OutcomeId).Code}.{output.Position}";

    /// <summary>An output's indicator is coded under the output ("1.2.1"), an outcome's own by letter ("1.a").</summary>
    public string CodeOf(Indicator indicator) => indicator.OutputId is { } outputId
        ? $"{CodeOf(_outputs.Single(o => o.Id == outputId))}.{indicator.Position}"
        : $"{OutcomeOf(indicator.OutcomeId).Code}.{(char)('a' + indicator.Position - 1)}";

    /// <summary>The outcome's own indicators (not its outputs'), in order.</summary>
    public IEnumerable<Indicator> IndicatorsOfOutcome(Outcome outcome) =>
        _indicators.Where(i => i.OutcomeId == outcome.Id && i.OutputId is null).OrderBy(i => i.Position);

    public IEnumerable<Output> OutputsOf(Outcome outcome) =>
        _outputs.Where(o => o.OutcomeId == outcome.Id).OrderBy(o => o.Position);

    public IEnumerable<Indicator> IndicatorsOfOutput(Output output) =>
        _indicators.Where(i => i.OutputId == output.Id).OrderBy(i => i.Position);

    /// <summary>Every indicator in the matrix's order: each outcome's own, then its outputs'.</summary>
    public IEnumerable<Indicator> IndicatorsInOrder() =>
        _outcomes.OrderBy(o => o.Position).SelectMany(o => IndicatorsOfOutcome(o).Concat(OutputsOf(o).SelectMany(IndicatorsOfOutput)));

    private Outcome OutcomeOf(Guid id) => _outcomes.Single(o => o.Id == id);

    private void Apply(ResultsMatrixDraft draft)
    {
        var keptOutcomes = new HashSet<Guid>();
        var keptOutputs = new HashSet<Guid>();
        var keptIndicators = new HashSet<Guid>();
        for (var o = 0; o < draft.Outcomes.Count; o++)
        {
            var outcomeDraft = draft.Outcomes[o];
            var outcome = Find(_outcomes, outcomeDraft.Id, x => x.Id) ?? Add(_outcomes, new Outcome(ProgrammeId));
            outcome.Revise(o + 1, outcomeDraft);
            keptOutcomes.Add(outcome.Id);
            ApplyIndicators(outcome.Id, null, outcomeDraft.Indicators, keptIndicators);
            for (var p = 0; p < outcomeDraft.Outputs.Count; p++)
            {
                var outputDraft = outcomeDraft.Outputs[p];
                var output = Find(_outputs, outputDraft.Id, x => x.Id) ?? Add(_outputs, new Output(ProgrammeId));
                output.Revise(outcome.Id, p + 1, outputDraft.Statement.Trim());
                keptOutputs.Add(output.Id);
                ApplyIndicators(outcome.Id, output.Id, outputDraft.Indicators, keptIndicators);
            }
        }
        _indicators.RemoveAll(i => !keptIndicators.Contains(i.Id));
        _outputs.RemoveAll(o => !keptOutputs.Contains(o.Id));
        _outcomes.RemoveAll(o => !keptOutcomes.Contains(o.Id));
    }

    private void ApplyIndicators(Guid outcomeId, Guid? outputId, IReadOnlyList<IndicatorDraft> drafts, HashSet<Guid> kept)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var indicator = Find(_indicators, drafts[i].Id, x => x.Id) ?? Add(_indicators, new Indicator(ProgrammeId));
            indicator.Revise(outcomeId, outputId, i + 1, drafts[i]);
            kept.Add(indicator.Id);
        }
    }

    private static T? Find<T>(List<T> items, Guid? id, Func<T, Guid> idOf) where T : class =>
        id is { } wanted ? items.SingleOrDefault(x => idOf(x) == wanted) : null;

    private static T Add<T>(List<T> items, T item)
    {
        items.Add(item);
        return item;
    }
}

/// <summary>A change the programme's results contribute to, under one of the fund's thematic areas (its fund outcome).</summary>
public sealed class Outcome
{
    private Outcome()
    {
        Statement = string.Empty;
    }

    internal Outcome(Guid programmeId) : this()
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programmeId;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }

    /// <summary>1 for the first outcome: its code.</summary>
    public int Position { get; private set; }
    public string Statement { get; private set; }
    public int ThematicAreaNumber { get; private set; }
    public List<int> GcmObjectives { get; private set; } = [];

    public string Code => Position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void Revise(int position, OutcomeDraft draft)
    {
        Position = position;
        Statement = draft.Statement.Trim();
        ThematicAreaNumber = draft.ThematicAreaNumber;
        GcmObjectives = draft.GcmObjectives.Distinct().Order().ToList();
    }
}

/// <summary>What the programme delivers towards one outcome.</summary>
public sealed class Output
{
    private Output()
    {
        Statement = string.Empty;
    }

    internal Output(Guid programmeId) : this()
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programmeId;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid OutcomeId { get; private set; }

    /// <summary>1 for the outcome's first output: the code is the outcome's, a dot and this ("1.2").</summary>
    public int Position { get; private set; }
    public string Statement { get; private set; }

    internal void Revise(Guid outcomeId, int position, string statement) =>
        (OutcomeId, Position, Statement) = (outcomeId, position, statement);
}

/// <summary>
/// How progress towards an outcome or output is measured, from a dated baseline to a dated target. Actuals come from
/// the organization named here, in progress reports the FMU approves.
/// </summary>
public sealed class Indicator
{
    private Indicator()
    {
        Name = MeansOfVerification = Organization = string.Empty;
    }

    internal Indicator(Guid programmeId) : this()
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programmeId;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid OutcomeId { get; private set; }

    /// <summary>The output measured, or null for an indicator of the outcome itself.</summary>
    public Guid? OutputId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public string? Unit { get; private set; }
    public decimal? BaselineNumber { get; private set; }
    public string? BaselineText { get; private set; }
    public DateOnly BaselineDate { get; private set; }
    public decimal? TargetNumber { get; private set; }
    public string? TargetText { get; private set; }
    public DateOnly TargetDate { get; private set; }
    public IndicatorValue Baseline => new(BaselineNumber, BaselineText);
    public IndicatorValue Target => new(TargetNumber, TargetText);
    public bool BySex { get; private set; }
    public bool ByAge { get; private set; }
    public string MeansOfVerification { get; private set; }

    /// <summary>The participating organization that reports the indicator's actuals.</summary>
    public string Organization { get; private set; }

    internal void Revise(Guid outcomeId, Guid? outputId, int position, IndicatorDraft draft)
    {
        OutcomeId = outcomeId;
        OutputId = outputId;
        Position = position;
        Name = draft.Name.Trim();
        Kind = draft.Kind;
        Unit = draft.Kind == IndicatorKind.Quantitative ? draft.Unit?.Trim() : null;
        (BaselineNumber, BaselineText) = draft.Baseline.Trimmed();
        BaselineDate = draft.BaselineDate;
        (TargetNumber, TargetText) = draft.Target.Trimmed();
        TargetDate = draft.TargetDate;
        BySex = draft.BySex;
        ByAge = draft.ByAge;
        MeansOfVerification = draft.MeansOfVerification.Trim();
        Organization = draft.Organization.Trim().ToUpperInvariant();
    }
}
