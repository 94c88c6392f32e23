using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using static TrustFundManager.Domain.Tests.Results.ResultsFixtures;

namespace TrustFundManager.Domain.Tests.Results;

public sealed class ResultsMatrixTests
{
    private static void Revise(ResultsMatrix matrix, ResultsMatrixDraft draft, ResultsMatrixRules? rules = null,
        string status = JointProgrammeStatus.Active, Guid? version = null) =>
        matrix.Revise(draft, rules ?? Rules(), status, version ?? matrix.Version, Editor, Now);

    [Fact]
    public void A_first_matrix_numbers_its_items_and_keeps_numbers_for_quantitative_indicators_and_words_for_qualitative_ones()
    {
        var matrix = ResultsMatrix.For(ProgrammeId);
        var draft = Draft(Outcome(indicators: [Quantitative(organization: " unicef ") with { Name = "  Migrants referred  " }],
            outputs: [Output(), Output(statement: "Shelters are run to standard", indicators: [Quantitative("Shelter places", bySex: false)])]));

        matrix.Revise(draft, Rules(), JointProgrammeStatus.Allocated, null, Editor, Now);

        Assert.NotEqual(Guid.Empty, matrix.Version);
        Assert.Equal((Now, Editor), (matrix.UpdatedAt, matrix.UpdatedBy));
        var outcome = Assert.Single(matrix.Outcomes);
        Assert.Equal(("1", 2), (outcome.Code, outcome.ThematicAreaNumber));
        Assert.Equal([7, 12], outcome.GcmObjectives);
        Assert.Equal([1, 2], matrix.Outputs.Select(p => p.Position));
        var referrals = matrix.Indicators.Single(i => i.OutputId is null);
        Assert.Equal(("Migrants referred", "UNICEF", "people", 0m, 1000m, (string?)null),
            (referrals.Name, referrals.Organization, referrals.Unit, referrals.BaselineNumber, referrals.TargetNumber, referrals.BaselineText));
        var procedure = matrix.Indicators.Single(i => i.Kind == IndicatorKind.Qualitative);
        Assert.Equal(("No procedure", "Adopted nationally", (decimal?)null, (string?)null),
            (procedure.BaselineText, procedure.TargetText, procedure.BaselineNumber, procedure.Unit));
        Assert.Equal(3, matrix.Indicators.Count);
    }

    public static string Padded(int length) => new('x', length);

    /// <summary>A draft that breaks one rule of the matrix, and the field the refusal names.</summary>
    private static (ResultsMatrixDraft Draft, string Field) Broken(string rule, ResultsMatrix current)
    {
        var existing = current.Outcomes[0].Id;
        const string outcome = "outcomes[0]";
        const string indicator = "outcomes[0].indicators[0]";
        const string outputIndicator = "outcomes[0].outputs[0].indicators[0]";
        return rule switch
        {
            "no outcome" => (new ResultsMatrixDraft([]), "outcomes"),
            "too many outcomes" => (new ResultsMatrixDraft(Enumerable.Repeat(Outcome(), 21).ToList()), "outcomes"),
            "missing statement" => (Draft(Outcome(statement: "   ")), $"{outcome}.statement"),
            "overlong statement" => (Draft(Outcome(statement: Padded(1001))), $"{outcome}.statement"),
            "missing output statement" => (Draft(Outcome(outputs: [Output(statement: "")])), $"{outcome}.outputs[0].statement"),
            "unknown thematic area" => (Draft(Outcome(area: 6)), $"{outcome}.thematicAreaNumber"),
            "unknown GCM objective" => (Draft(Outcome(gcmObjectives: [7, 24])), $"{outcome}.gcmObjectives"),
            "no GCM objective" => (Draft(Outcome(gcmObjectives: [])), $"{outcome}.gcmObjectives"),
            "no indicator" => (Draft(Outcome(indicators: [], outputs: [Output(indicators: [])])), $"{outcome}.indicators"),
            "too many outputs" => (Draft(Outcome(outputs: Enumerable.Repeat(Output(), 21).ToList())), $"{outcome}.outputs"),
            "too many indicators" => (Draft(Outcome(indicators: Enumerable.Repeat(Quantitative(), 21).ToList())), $"{outcome}.indicators"),
            "missing name" => (Draft(Outcome(indicators: [Quantitative(" ")])), $"{indicator}.name"),
            "quantitative baseline N/A" => (Draft(Outcome(indicators: [Quantitative() with { Baseline = IndicatorValue.Of("N/A") }])),
                $"{indicator}.baseline"),
            "quantitative target yes" => (Draft(Outcome(indicators: [Quantitative() with { Target = IndicatorValue.Of("yes") }])),
                $"{indicator}.target"),
            "quantitative baseline in words" => (Draft(Outcome(indicators: [Quantitative() with { Baseline = IndicatorValue.Of("about 500 people") }])),
                $"{indicator}.baseline"),
            "quantitative target missing" => (Draft(Outcome(indicators: [Quantitative() with { Target = default }])), $"{indicator}.target"),
            "quantitative with five decimals" => (Draft(Outcome(indicators: [Quantitative() with { Target = IndicatorValue.Of(0.12345m) }])),
                $"{indicator}.target"),
            "quantitative too large" => (Draft(Outcome(indicators: [Quantitative() with { Target = IndicatorValue.Of(1_000_000_000_001m) }])),
                $"{indicator}.target"),
            "number and text at once" => (Draft(Outcome(indicators: [Quantitative() with { Baseline = new IndicatorValue(0m, "none") }])),
                $"{indicator}.baseline"),
            "qualitative baseline a number" => (Draft(Outcome(outputs: [Output([Qualitative() with { Baseline = IndicatorValue.Of(3m) }])])),
                $"{outputIndicator}.baseline"),
            "qualitative target a number" => (Draft(Outcome(outputs: [Output([Qualitative() with { Target = IndicatorValue.Of(1m) }])])),
                $"{outputIndicator}.target"),
            "qualitative overlong text" => (Draft(Outcome(outputs: [Output([Qualitative() with { Target = IndicatorValue.Of(Padded(1001)) }])])),
                $"{outputIndicator}.target"),
            "missing unit" => (Draft(Outcome(indicators: [Quantitative() with { Unit = "  " }])), $"{indicator}.unit"),
            "overlong unit" => (Draft(Outcome(indicators: [Quantitative() with { Unit = Padded(101) }])), $"{indicator}.unit"),
            "unit on qualitative" => (Draft(Outcome(outputs: [Output([Qualitative() with { Unit = "people" }])])), $"{outputIndicator}.unit"),
            "breakdown by sex on qualitative" => (Draft(Outcome(outputs: [Output([Qualitative() with { BySex = true }])])),
                $"{outputIndicator}.bySex"),
            "breakdown by age on qualitative" => (Draft(Outcome(outputs: [Output([Qualitative() with { ByAge = true }])])),
                $"{outputIndicator}.bySex"),
            "target date on baseline date" => (Draft(Outcome(indicators: [Quantitative() with { TargetDate = BaselineDate }])),
                $"{indicator}.targetDate"),
            "target date before baseline date" => (Draft(Outcome(indicators: [Quantitative() with { TargetDate = BaselineDate.AddDays(-1) }])),
                $"{indicator}.targetDate"),
            "missing means of verification" => (Draft(Outcome(indicators: [Quantitative() with { MeansOfVerification = "" }])),
                $"{indicator}.meansOfVerification"),
            "organization outside the programme" => (Draft(Outcome(indicators: [Quantitative(organization: "UNDP")])),
                $"{indicator}.organization"),
            "unknown outcome id" => (Draft(Outcome(id: Guid.NewGuid())), "outcomes"),
            "unknown output id" => (Draft(Outcome(outputs: [Output(id: Guid.NewGuid())])), "outputs"),
            "unknown indicator id" => (Draft(Outcome(indicators: [Quantitative(id: Guid.NewGuid())])), "indicators"),
            "an outcome's id given to an indicator" => (Draft(Outcome(indicators: [Quantitative(id: existing)])), "indicators"),
            "duplicate outcome ids" => (Draft(Outcome(id: existing), Outcome(id: existing)), "outcomes"),
            "duplicate output ids" => (Draft(Outcome(outputs: [Output(id: current.Outputs[0].Id), Output(id: current.Outputs[0].Id)])),
                "outputs"),
            "duplicate indicator ids" => (Draft(Outcome(indicators: [Quantitative(id: current.Indicators[0].Id)]),
                Outcome(indicators: [Quantitative(id: current.Indicators[0].Id)])), "indicators"),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }

    [Theory]
    [InlineData("no outcome")]
    [InlineData("too many outcomes")]
    [InlineData("missing statement")]
    [InlineData("overlong statement")]
    [InlineData("missing output statement")]
    [InlineData("unknown thematic area")]
    [InlineData("unknown GCM objective")]
    [InlineData("no GCM objective")]
    [InlineData("no indicator")]
    [InlineData("too many outputs")]
    [InlineData("too many indicators")]
    [InlineData("missing name")]
    [InlineData("quantitative baseline N/A")]
    [InlineData("quantitative target yes")]
    [InlineData("quantitative baseline in words")]
    [InlineData("quantitative target missing")]
    [InlineData("quantitative with five decimals")]
    [InlineData("quantitative too large")]
    [InlineData("number and text at once")]
    [InlineData("qualitative baseline a number")]
    [InlineData("qualitative target a number")]
    [InlineData("qualitative overlong text")]
    [InlineData("missing unit")]
    [InlineData("overlong unit")]
    [InlineData("unit on qualitative")]
    [InlineData("breakdown by sex on qualitative")]
    [InlineData("breakdown by age on qualitative")]
    [InlineData("target date on baseline date")]
    [InlineData("target date before baseline date")]
    [InlineData("missing means of verification")]
    [InlineData("organization outside the programme")]
    [InlineData("unknown outcome id")]
    [InlineData("unknown output id")]
    [InlineData("unknown indicator id")]
    [InlineData("an outcome's id given to an indicator")]
    [InlineData("duplicate outcome ids")]
    [InlineData("duplicate output ids")]
    [InlineData("duplicate indicator ids")]
    public void A_matrix_that_breaks_a_rule_is_refused_naming_the_field_and_the_matrix_stays_as_it_was(string rule)
    {
        var matrix = Matrix();
        var before = Describe(matrix);
        var (draft, field) = Broken(rule, matrix);

        var refused = Assert.Throws<InvalidChangeException>(() => Revise(matrix, draft));

        Assert.True(refused.Errors.ContainsKey(field), $"Expected '{field}'; errors were {string.Join(", ", refused.Errors.Keys)}");
        Assert.Equal(before, Describe(matrix));
    }

    [Fact]
    public void Each_quantitative_value_in_words_is_refused_with_the_words_quoted()
    {
        foreach (var words in new[] { "N/A", "yes", "n.a.", "TBD" })
        {
            var refused = Assert.Throws<InvalidChangeException>(() =>
                Revise(Matrix(), Draft(Outcome(indicators: [Quantitative() with { Baseline = IndicatorValue.Of(words) }]))));
            Assert.Equal([$"A quantitative indicator takes numbers only, not '{words}'."],
                refused.Errors["outcomes[0].indicators[0].baseline"]);
        }
    }

    [Fact]
    public void Every_broken_rule_of_a_draft_is_named_at_once()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Revise(Matrix(), Draft(Outcome(area: 9, gcmObjectives: [],
            indicators: [Quantitative() with { Unit = null, Baseline = IndicatorValue.Of("N/A") }]))));

        Assert.Equal(["outcomes[0].gcmObjectives", "outcomes[0].indicators[0].baseline", "outcomes[0].indicators[0].unit",
            "outcomes[0].thematicAreaNumber"], refused.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        var matrix = Matrix();

        Revise(matrix, new ResultsMatrixDraft(Enumerable.Range(0, 20).Select(_ => Outcome(
            statement: Padded(1000), indicators: Enumerable.Repeat(Quantitative() with { Unit = Padded(100) }, 20).ToList(),
            outputs: Enumerable.Repeat(Output(), 20).ToList())).ToList()));

        Assert.Equal((20, 400), (matrix.Outcomes.Count, matrix.Outputs.Count));
        Assert.Equal(20 * 20 + 20 * 20, matrix.Indicators.Count);
    }

    [Fact]
    public void A_target_a_day_after_the_baseline_and_an_outcome_measured_only_through_its_outputs_are_accepted()
    {
        var matrix = Matrix();

        Revise(matrix, Draft(Outcome(indicators: [], outputs: [Output([Quantitative() with { TargetDate = BaselineDate.AddDays(1) }])])));

        Assert.Equal(BaselineDate.AddDays(1), Assert.Single(matrix.Indicators).TargetDate);
    }

    [Fact]
    public void An_editor_working_from_an_older_version_is_refused_and_the_matrix_stays_as_it_was()
    {
        var matrix = Matrix();
        var read = matrix.Version;
        Revise(matrix, Unchanged(matrix) with { Outcomes = [Unchanged(matrix).Outcomes[0] with { Statement = "First editor" }] });
        var before = Describe(matrix);

        var refused = Assert.Throws<DomainConflictException>(() => Revise(matrix, Draft(Outcome(statement: "Second editor")), version: read));

        Assert.Equal([$"The latest version is {matrix.Version}."], refused.Errors["version"]);
        Assert.Equal(before, Describe(matrix));
        Assert.Throws<DomainConflictException>(() => Revise(matrix, Draft(), version: Guid.Empty));
        Assert.Throws<DomainConflictException>(() => matrix.Revise(Draft(), Rules(), JointProgrammeStatus.Active, null, Editor, Now));
        Assert.Equal(before, Describe(matrix));
    }

    [Fact]
    public void A_first_matrix_is_written_without_a_version_and_one_sent_with_a_version_is_refused()
    {
        var matrix = ResultsMatrix.For(ProgrammeId);

        Assert.Throws<DomainConflictException>(() =>
            matrix.Revise(Draft(), Rules(), JointProgrammeStatus.Active, Guid.NewGuid(), Editor, Now));

        Assert.Empty(matrix.Outcomes);
        Assert.Equal(Guid.Empty, matrix.Version);
    }

    [Theory]
    [InlineData(JointProgrammeStatus.Suspended)]
    [InlineData(JointProgrammeStatus.OperationallyClosed)]
    [InlineData(JointProgrammeStatus.FinanciallyClosed)]
    [InlineData(JointProgrammeStatus.Cancelled)]
    public void The_matrix_is_edited_only_while_the_programme_is_allocated_or_active(string status)
    {
        var matrix = Matrix();
        var before = Describe(matrix);

        var refused = Assert.Throws<DomainConflictException>(() => Revise(matrix, Unchanged(matrix), status: status));

        Assert.Contains($"'{status}'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Describe(matrix));
        Assert.False(ResultsMatrix.IsEditableIn(status));
        Assert.True(ResultsMatrix.IsEditableIn(JointProgrammeStatus.Allocated));
        Assert.True(ResultsMatrix.IsEditableIn(JointProgrammeStatus.Active));
    }

    [Fact]
    public void Revising_keeps_the_ids_of_the_items_named_renumbers_them_and_removes_those_left_out()
    {
        var matrix = Matrix(Draft(Outcome(indicators: [Quantitative("A"), Quantitative("B")]),
            Outcome(statement: "Second outcome", indicators: [Quantitative("C")], outputs: [])));
        var first = matrix.Outcomes.Single(o => o.Position == 1);
        var second = matrix.Outcomes.Single(o => o.Position == 2);
        var output = Assert.Single(matrix.Outputs);
        var (a, b, c) = (matrix.Indicators.Single(i => i.Name == "A"), matrix.Indicators.Single(i => i.Name == "B"),
            matrix.Indicators.Single(i => i.Name == "C"));
        var version = matrix.Version;

        // The second outcome comes first, takes B and the output; A and the first outcome are left out; D is new.
        Revise(matrix, Draft(Outcome(id: second.Id, statement: "Second outcome, revised", area: 3,
            indicators: [Quantitative("D"), Quantitative("C, revised", id: c.Id), Quantitative("B", id: b.Id, organization: "ILO")],
            outputs: [Output(id: output.Id, indicators: [Qualitative("E")])])));

        Assert.NotEqual(version, matrix.Version);
        var outcome = Assert.Single(matrix.Outcomes);
        Assert.Equal((second.Id, 1, "Second outcome, revised", 3), (outcome.Id, outcome.Position, outcome.Statement, outcome.ThematicAreaNumber));
        Assert.DoesNotContain(matrix.Outcomes, o => o.Id == first.Id);
        Assert.Equal((output.Id, second.Id, 1), (matrix.Outputs.Single().Id, matrix.Outputs.Single().OutcomeId, matrix.Outputs.Single().Position));
        Assert.Equal(["D", "C, revised", "B", "E"], matrix.Indicators.OrderBy(i => i.OutputId is not null).ThenBy(i => i.Position).Select(i => i.Name));
        Assert.DoesNotContain(matrix.Indicators, i => i.Id == a.Id);
        Assert.Equal((c.Id, 2, second.Id), (matrix.Indicators.Single(i => i.Name == "C, revised").Id,
            matrix.Indicators.Single(i => i.Name == "C, revised").Position, matrix.Indicators.Single(i => i.Name == "C, revised").OutcomeId));
        var movedB = matrix.Indicators.Single(i => i.Id == b.Id);
        Assert.Equal((second.Id, (Guid?)null, 3, "ILO"), (movedB.OutcomeId, movedB.OutputId, movedB.Position, movedB.Organization));
        Assert.Equal(second.Id, matrix.Indicators.Single(i => i.Name == "E").OutcomeId);
    }

    [Fact]
    public void An_indicator_with_reported_values_cannot_be_removed()
    {
        var matrix = Matrix();
        var reported = matrix.Indicators.Single(i => i.Kind == IndicatorKind.Quantitative);
        var before = Describe(matrix);
        var withoutIt = Unchanged(matrix).Outcomes[0] with { Indicators = [] };

        var refused = Assert.Throws<DomainConflictException>(() => Revise(matrix, new ResultsMatrixDraft([withoutIt]), Rules(reported.Id)));

        Assert.Contains($"'{reported.Name}' has reported values and cannot be removed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Describe(matrix));

        // Without reported values the same draft is accepted.
        Revise(matrix, new ResultsMatrixDraft([withoutIt]));
        Assert.DoesNotContain(matrix.Indicators, i => i.Id == reported.Id);
    }

    [Fact]
    public void An_indicator_with_reported_values_keeps_its_kind_and_its_reporting_organization_but_may_be_revised_otherwise()
    {
        var matrix = Matrix();
        var reported = matrix.Indicators.Single(i => i.Kind == IndicatorKind.Quantitative);
        var draft = Unchanged(matrix);
        var indicator = draft.Outcomes[0].Indicators[0];
        ResultsMatrixDraft With(IndicatorDraft changed) => new([draft.Outcomes[0] with { Indicators = [changed] }]);
        var before = Describe(matrix);

        foreach (var changed in new[]
                 {
                     Qualitative(id: reported.Id, organization: "UNICEF"),
                     indicator with { Organization = "ILO" },
                 })
        {
            var refused = Assert.Throws<DomainConflictException>(() => Revise(matrix, With(changed), Rules(reported.Id)));
            Assert.Contains("its kind and reporting organization cannot change", refused.Message, StringComparison.Ordinal);
            Assert.Equal(before, Describe(matrix));
        }

        Revise(matrix, With(indicator with { Name = "Migrants referred (revised)", Target = IndicatorValue.Of(1200m), Organization = " unicef " }),
            Rules(reported.Id));
        var revised = matrix.Indicators.Single(i => i.Id == reported.Id);
        Assert.Equal(("Migrants referred (revised)", 1200m, "UNICEF"), (revised.Name, revised.TargetNumber, revised.Organization));
    }
}
