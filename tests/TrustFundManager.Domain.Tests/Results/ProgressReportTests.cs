using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.Results;
using static TrustFundManager.Domain.Tests.Results.ResultsFixtures;

namespace TrustFundManager.Domain.Tests.Results;

public sealed class ProgressReportTests
{
    private static readonly DateOnly April = new(2026, 4, 1);
    private static readonly DateOnly September = new(2026, 9, 30);

    private static ProgressReport Open(DateOnly start, DateOnly end, string status = JointProgrammeStatus.Active,
        string organization = "UNICEF", IEnumerable<(DateOnly, DateOnly)>? others = null, DateOnly? today = null) =>
        ProgressReport.Open(Context(status), organization, start, end, others ?? [], today ?? Today, Editor, Now);

    /// <summary>
    /// UNICEF reports the referrals (by sex), children placed in care (by age) and the shelters' standard (words);
    /// ILO reports the procedure.
    /// </summary>
    private static ResultsMatrix ReportingMatrix() => Matrix(Draft(Outcome(
        indicators: [Quantitative(), Quantitative("Children placed in family-based care", bySex: false, byAge: true),
            Qualitative("Shelter standard", organization: "UNICEF")],
        outputs: [Output()])));

    private static List<Indicator> Unicef(ResultsMatrix matrix) => matrix.IndicatorsOf("UNICEF").ToList();

    private static Indicator Named(ResultsMatrix matrix, string name) => matrix.Indicators.Single(i => i.Name == name);

    private static ActualEntry Referrals(ResultsMatrix matrix, decimal actual = 400m, decimal? female = 250m, decimal? male = 150m,
        string? narrative = "Referral desks in three border towns") =>
        new(Named(matrix, "Migrants referred to protection services").Id, IndicatorValue.Of(actual), narrative,
            female is null && male is null ? null : new ActualBreakdown(female, male, null, null));

    private static ActualEntry Placements(ResultsMatrix matrix, decimal actual = 30m, decimal? children = 30m, decimal? adults = 0m) =>
        new(Named(matrix, "Children placed in family-based care").Id, IndicatorValue.Of(actual), "Foster families recruited",
            children is null && adults is null ? null : new ActualBreakdown(null, null, children, adults));

    private static ActualEntry Standard(ResultsMatrix matrix, string text = "Two of five shelters meet the standard") =>
        new(Named(matrix, "Shelter standard").Id, IndicatorValue.Of(text), "Inspection reports", null);

    private static void Record(ProgressReport report, ResultsMatrix matrix, string status = ProgressReportStatus.Draft,
        Guid? version = null, params ActualEntry[] entries) =>
        report.RecordValues(entries, Unicef(matrix), status, version ?? report.Version, Editor, Now);

    /// <summary>Everything a refused edit must leave as it was.</summary>
    private static string State(ProgressReport report) =>
        $"{report.Version} {report.UpdatedAt:O} {report.UpdatedBy} " + string.Join("; ", report.Values.Select(v =>
            $"{v.IndicatorId}={v.Actual} '{v.Narrative}' {v.Female}/{v.Male}/{v.Children}/{v.Adults}"));

    // ---- Opening ----------------------------------------------------------------------------------------------------

    [Fact]
    public void An_organization_opens_a_draft_for_a_period_that_has_begun()
    {
        var report = Open(April, September, organization: " unicef ");

        Assert.Equal((ProgrammeId, "UNICEF", April, September), (report.ProgrammeId, report.Organization, report.PeriodStart, report.PeriodEnd));
        Assert.Equal((Editor, Now, Editor), (report.CreatedBy, report.CreatedAt, report.UpdatedBy));
        Assert.Empty(report.Values);
        Assert.NotEqual(Guid.Empty, report.Version);
        Assert.Null(report.ApprovedOn);

        // A period begun today, and one of exactly 366 days, are accepted.
        Open(Today, Today.AddDays(365));
        Assert.Equal(366, Open(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)).PeriodEnd.DayNumber - new DateOnly(2026, 1, 1).DayNumber + 1);
    }

    [Theory]
    [InlineData("2026-09-30", "2026-04-01", "periodEnd")] // ends before it starts
    [InlineData("2026-01-01", "2027-01-02", "periodEnd")] // 367 days
    [InlineData("2025-06-01", "2026-03-09", "periodEnd")] // ends before the allocation (10 March 2026)
    [InlineData("2026-11-24", "2026-12-31", "periodStart")] // not begun (today is 23 November 2026)
    public void A_period_out_of_order_too_long_before_the_allocation_or_not_begun_is_refused(string start, string end, string field)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Open(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public void An_organization_outside_the_programme_opens_no_report()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Open(April, September, organization: "IOM"));

        Assert.Equal(["'IOM' is not a participating organization of this programme."], refused.Errors["organization"]);
    }

    [Fact]
    public void A_period_overlapping_another_of_the_organizations_reports_is_a_conflict_and_an_adjacent_one_is_not()
    {
        (DateOnly, DateOnly)[] others = [(April, September)];

        var refused = Assert.Throws<DomainConflictException>(() => Open(September, new DateOnly(2026, 10, 31), others: others));
        Assert.Contains("UNICEF already has a report for 2026-04-01 to 2026-09-30", refused.Message, StringComparison.Ordinal);
        Assert.Throws<DomainConflictException>(() => Open(new DateOnly(2026, 3, 15), April, others: others));
        Assert.Throws<DomainConflictException>(() => Open(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), others: others));
        Assert.Throws<DomainConflictException>(() => Open(new DateOnly(2026, 3, 10), new DateOnly(2026, 10, 31), others: others));

        Assert.Equal(new DateOnly(2026, 10, 1), Open(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), others: others).PeriodStart);
        Assert.Equal(new DateOnly(2026, 3, 31), Open(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 31), others: others).PeriodEnd);
    }

    [Theory]
    [InlineData(JointProgrammeStatus.Allocated, false)]
    [InlineData(JointProgrammeStatus.Active, true)]
    [InlineData(JointProgrammeStatus.Suspended, true)]
    [InlineData(JointProgrammeStatus.OperationallyClosed, true)]
    [InlineData(JointProgrammeStatus.FinanciallyClosed, false)]
    [InlineData(JointProgrammeStatus.Cancelled, false)]
    public void Progress_is_reported_on_a_programme_in_implementation(string status, bool accepted)
    {
        if (accepted)
        {
            Assert.Equal(April, Open(April, September, status).PeriodStart);
            return;
        }
        var refused = Assert.Throws<DomainConflictException>(() => Open(April, September, status));
        Assert.Contains($"'{status}'", refused.Message, StringComparison.Ordinal);
    }

    // ---- Recording values -------------------------------------------------------------------------------------------

    [Fact]
    public void Values_replace_the_reports_values_trimmed_and_each_edit_changes_the_version()
    {
        var matrix = ReportingMatrix();
        var report = Report();
        var opened = report.Version;

        Record(report, matrix, entries: [Referrals(matrix, narrative: "  Desks opened  "), Standard(matrix, "  Two shelters  ")]);

        Assert.NotEqual(opened, report.Version);
        Assert.Equal(2, report.Values.Count);
        var referrals = report.Values.Single(v => v.IndicatorId == Named(matrix, "Migrants referred to protection services").Id);
        Assert.Equal((400m, "Desks opened", 250m, 150m), (referrals.ActualNumber, referrals.Narrative, referrals.Female, referrals.Male));
        Assert.Equal("Two shelters", report.Values.Single(v => v.ActualText is not null).ActualText);

        var second = report.Version;
        Record(report, matrix, status: ProgressReportStatus.Returned, entries: [Referrals(matrix, 420m, 260m, 160m)]);

        Assert.NotEqual(second, report.Version);
        var only = Assert.Single(report.Values);
        Assert.Equal((420m, 260m, 160m), (only.ActualNumber, only.Female, only.Male));
    }

    [Theory]
    [InlineData(ProgressReportStatus.Approved, "approved: its values are locked")]
    [InlineData(ProgressReportStatus.Submitted, "'submitted'")]
    public void An_approved_or_submitted_report_is_not_edited(string status, string reason)
    {
        var matrix = ReportingMatrix();
        var report = Report();
        Record(report, matrix, entries: [Referrals(matrix)]);
        var before = State(report);

        var refused = Assert.Throws<DomainConflictException>(() => Record(report, matrix, status, entries: [Referrals(matrix, 999m, 500m, 499m)]));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, State(report));
    }

    [Fact]
    public void An_edit_from_an_older_version_is_a_conflict_naming_the_latest()
    {
        var matrix = ReportingMatrix();
        var report = Report();
        var read = report.Version;
        Record(report, matrix, entries: [Referrals(matrix)]);
        var before = State(report);

        var refused = Assert.Throws<DomainConflictException>(() => Record(report, matrix, version: read, entries: [Referrals(matrix, 1m, 1m, 0m)]));

        Assert.Equal([$"The latest version is {report.Version}."], refused.Errors["version"]);
        Assert.Equal(before, State(report));
    }

    public static TheoryData<string> BrokenValues() =>
    [
        "another organization's indicator", "an unknown indicator", "the same indicator twice", "words for a number",
        "N/A for a number", "a number for words", "no value", "five decimals", "a sex breakdown the indicator does not ask for",
        "an age breakdown the indicator does not ask for", "a breakdown on words", "a pair that does not add up",
        "half a pair", "a negative figure in a pair", "a pair with five decimals", "an overlong narrative", "overlong words",
    ];

    private static (ActualEntry[] Entries, string Field) Broken(string rule, ResultsMatrix matrix) => rule switch
    {
        "another organization's indicator" => ([Referrals(matrix), new(matrix.IndicatorsOf("ILO").Single().Id, IndicatorValue.Of("Adopted"), "x", null)],
            "values[1].indicatorId"),
        "an unknown indicator" => ([new(Guid.NewGuid(), IndicatorValue.Of(1m), "x", null)], "values[0].indicatorId"),
        "the same indicator twice" => ([Referrals(matrix), Referrals(matrix)], "values"),
        "words for a number" => ([Referrals(matrix) with { Actual = IndicatorValue.Of("about 400") }], "values[0].actual"),
        "N/A for a number" => ([Referrals(matrix) with { Actual = IndicatorValue.Of("N/A"), Breakdown = null }], "values[0].actual"),
        "a number for words" => ([Standard(matrix) with { Actual = IndicatorValue.Of(2m) }], "values[0].actual"),
        "no value" => ([Standard(matrix) with { Actual = IndicatorValue.Of("  ") }], "values[0].actual"),
        "five decimals" => ([Placements(matrix, 30.00001m, null, null)], "values[0].actual"),
        "a sex breakdown the indicator does not ask for" => ([Placements(matrix) with { Breakdown = new(10m, 20m, 30m, 0m) }],
            "values[0].breakdown.female"),
        "an age breakdown the indicator does not ask for" => ([Referrals(matrix) with { Breakdown = new(250m, 150m, 100m, 300m) }],
            "values[0].breakdown.children"),
        "a breakdown on words" => ([Standard(matrix) with { Breakdown = new(1m, 1m, null, null) }], "values[0].breakdown.female"),
        "a pair that does not add up" => ([Referrals(matrix, 400m, 250m, 100m)], "values[0].breakdown.female"),
        "half a pair" => ([Referrals(matrix, 400m, 400m, null)], "values[0].breakdown.female"),
        "a negative figure in a pair" => ([Referrals(matrix, 400m, -10m, 410m)], "values[0].breakdown.female"),
        "a pair with five decimals" => ([Placements(matrix, 30m, 29.99999m, 0.00001m)], "values[0].breakdown.children"),
        "an overlong narrative" => ([Referrals(matrix, narrative: new string('x', 4001))], "values[0].narrative"),
        "overlong words" => ([Standard(matrix, new string('x', 1001))], "values[0].actual"),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    [Theory]
    [MemberData(nameof(BrokenValues))]
    public void Values_that_break_a_rule_are_refused_naming_the_field_and_the_report_stays_as_it_was(string rule)
    {
        var matrix = ReportingMatrix();
        var report = Report();
        Record(report, matrix, entries: [Standard(matrix)]);
        var before = State(report);
        var (entries, field) = Broken(rule, matrix);

        var refused = Assert.Throws<InvalidChangeException>(() => Record(report, matrix, entries: entries));

        Assert.True(refused.Errors.ContainsKey(field), $"Expected '{field}'; errors were {string.Join(", ", refused.Errors.Keys)}");
        Assert.Equal(before, State(report));
    }

    [Fact]
    public void A_breakdown_adds_up_to_the_actual_and_may_wait_until_submission()
    {
        var matrix = ReportingMatrix();
        var report = Report();

        Record(report, matrix, entries: [Referrals(matrix, 400.5m, 200.25m, 200.25m), Placements(matrix, 30m, 12m, 18m), Standard(matrix)]);

        Assert.Equal(3, report.Values.Count);
        Record(report, matrix, entries: [Referrals(matrix, 400m, null, null), Placements(matrix, 30m, null, null)]);
        Assert.All(report.Values, v => Assert.Equal((null, null, null, null), (v.Female, v.Male, v.Children, v.Adults)));
    }

    // ---- Submission and approval ------------------------------------------------------------------------------------

    [Fact]
    public void A_report_goes_to_review_once_its_period_has_ended_and_every_indicator_has_an_actual_a_narrative_and_its_breakdown()
    {
        var matrix = ReportingMatrix();
        var report = Report();
        var indicators = Unicef(matrix);
        var dayAfter = September.AddDays(1);
        Record(report, matrix, entries: [Referrals(matrix), Placements(matrix), Standard(matrix)]);

        Assert.Equal("the reporting period runs until 2026-09-30", report.WhatKeepsFromSubmission(indicators, September));
        Assert.Equal("the reporting period runs until 2026-09-30", report.WhatKeepsFromSubmission(indicators, April));
        Assert.Null(report.WhatKeepsFromSubmission(indicators, dayAfter));

        Record(report, matrix, entries: [Referrals(matrix, narrative: null), Placements(matrix), Standard(matrix)]);
        Assert.Equal("1 indicators lack an actual, a narrative or the breakdown they require (Migrants referred to protection services)",
            report.WhatKeepsFromSubmission(indicators, dayAfter));

        Record(report, matrix, entries: [Referrals(matrix, 400m, null, null), Placements(matrix, 30m, null, null)]);
        Assert.Equal("3 indicators lack an actual, a narrative or the breakdown they require (Migrants referred to protection services; Children placed in family-based care; Shelter standard)",
            report.WhatKeepsFromSubmission(indicators, dayAfter));

        Assert.Equal("the results matrix gives UNICEF no indicator to report", report.WhatKeepsFromSubmission([], dayAfter));
    }

    [Fact]
    public void Approval_records_the_day_and_the_approver_clears_the_return_comment_and_happens_once()
    {
        var report = Report();
        report.MarkSubmitted(Today, Editor, Now);
        Assert.Equal(Today, report.SubmittedOn);
        report.MarkReturned("Add the sources", "fmu.officer", Now);
        Assert.Equal("Add the sources", report.ReturnComment);
        var version = report.Version;

        report.MarkApproved(Today.AddDays(1), "fmu.officer", Now.AddDays(1));

        Assert.Equal((Today.AddDays(1), "fmu.officer", (string?)null), (report.ApprovedOn, report.ApprovedBy, report.ReturnComment));
        Assert.NotEqual(version, report.Version);
        var refused = Assert.Throws<DomainConflictException>(() => report.MarkApproved(Today.AddDays(2), "fmu.finance", Now.AddDays(2)));
        Assert.Contains("already approved on 2026-11-24", refused.Message, StringComparison.Ordinal);
        Assert.Equal((Today.AddDays(1), "fmu.officer"), (report.ApprovedOn, report.ApprovedBy));
    }
}
