using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;

namespace TrustFundManager.Domain.Results;

/// <summary>
/// One participating organization's report on a programme for a reporting period: an actual value and a narrative
/// for each indicator it reports. It is edited as a draft (or once returned by the FMU), reviewed once submitted, and
/// locked once approved. Its status is the state of its progress-report workflow, which callers pass in.
/// </summary>
public sealed class ProgressReport
{
    public const int NarrativeMaxLength = 4000;
    public const int MaxPeriodDays = 366;

    private readonly List<ReportedValue> _values = [];

    private ProgressReport()
    {
        Organization = CreatedBy = UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string Organization { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public IReadOnlyList<ReportedValue> Values => _values;

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>The day it was last submitted for review.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>The day the FMU approved it: from then on its values are the indicators' actuals, and locked.</summary>
    public DateOnly? ApprovedOn { get; private set; }
    public string? ApprovedBy { get; private set; }

    /// <summary>Why the FMU last returned it, until it is approved.</summary>
    public string? ReturnComment { get; private set; }

    /// <summary>Changes with every change, including each workflow step: an edit racing a submission loses.</summary>
    public Guid Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    /// <summary>
    /// Opens a draft report of <paramref name="organization"/> for a period from <paramref name="periodStart"/> to
    /// <paramref name="periodEnd"/>: a period of up to a year, begun by today, ending after the allocation and
    /// overlapping none of the organization's other reports on the programme.
    /// </summary>
    public static ProgressReport Open(ReportingContext programme, string organization, DateOnly periodStart,
        DateOnly periodEnd, IEnumerable<(DateOnly Start, DateOnly End)> organizationsOtherPeriods, DateOnly today,
        string actor, DateTimeOffset now)
    {
        if (!programme.AcceptsReports)
            throw new DomainConflictException(
                $"Progress is reported on a programme in implementation (active, suspended or operationally closed); this one is '{programme.ProgrammeStatus}'.");
        var code = organization.Trim().ToUpperInvariant();
        var errors = new Dictionary<string, string[]>();
        if (!programme.Organizations.Contains(code))
            errors["organization"] = [$"'{organization}' is not a participating organization of this programme."];
        if (periodEnd < periodStart) errors["periodEnd"] = ["The period ends on or after its start."];
        else if (periodEnd.DayNumber - periodStart.DayNumber + 1 > MaxPeriodDays)
            errors["periodEnd"] = [$"A reporting period is at most {MaxPeriodDays} days."];
        else if (periodEnd < programme.AllocatedOn)
            errors["periodEnd"] = [$"The period ends after the allocation ({programme.AllocatedOn:yyyy-MM-dd})."];
        if (periodStart > today) errors["periodStart"] = ["A report is opened for a period that has begun."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        var overlapping = organizationsOtherPeriods.Where(p => p.Start <= periodEnd && periodStart <= p.End).ToList();
        if (overlapping.Count > 0)
            throw new DomainConflictException(
                $"{code} already has a report for {overlapping[0].Start:yyyy-MM-dd} to {overlapping[0].End:yyyy-MM-dd}, which overlaps this period.");

        return new ProgressReport
        {
            Id = Guid.CreateVersion7(now),
            ProgrammeId = programme.ProgrammeId,
            Organization = code,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            CreatedAt = now,
            CreatedBy = actor,
            Version = Guid.NewGuid(),
            UpdatedAt = now,
            UpdatedBy = actor,
        };
    }

    /// <summary>
    /// Replaces the report's values with <paramref name="entries"/>, each for one of the organization's indicators.
    /// Only a draft or a returned report changes: a submitted one is under review and an approved one is locked.
    /// </summary>
    public void RecordValues(IReadOnlyList<ActualEntry> entries, IReadOnlyCollection<Indicator> organizationsIndicators,
        string status, Guid expectedVersion, string actor, DateTimeOffset now)
    {
        EnsureEditable(status);
        if (expectedVersion != Version)
            throw DomainConflictException.StaleVersion("The report changed since it was read; read it again before editing.",
                Version);

        var indicators = organizationsIndicators.ToDictionary(i => i.Id);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (!indicators.TryGetValue(entries[i].IndicatorId, out var indicator))
                errors[$"values[{i}].indicatorId"] = [$"{Organization} reports no indicator {entries[i].IndicatorId} on this programme."];
            else ActualChecks.Check(errors, $"values[{i}]", entries[i], indicator);
        }
        if (entries.Select(e => e.IndicatorId).Distinct().Count() != entries.Count)
            errors["values"] = ["Each indicator appears once."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        _values.RemoveAll(v => entries.All(e => e.IndicatorId != v.IndicatorId));
        foreach (var entry in entries)
        {
            if (_values.SingleOrDefault(v => v.IndicatorId == entry.IndicatorId) is { } existing) existing.Record(entry, actor, now);
            else _values.Add(new ReportedValue(Id, entry, actor, now));
        }
        Touch(actor, now);
    }

    /// <summary>What still keeps the report from review: null when it can be submitted.</summary>
    public string? WhatKeepsFromSubmission(IReadOnlyCollection<Indicator> organizationsIndicators, DateOnly today)
    {
        if (PeriodEnd >= today) return $"the reporting period runs until {PeriodEnd:yyyy-MM-dd}";
        if (organizationsIndicators.Count == 0) return $"the results matrix gives {Organization} no indicator to report";
        var missing = organizationsIndicators.Where(i => !_values.Any(v => v.IndicatorId == i.Id && v.IsCompleteFor(i)))
            .Select(i => i.Name).ToList();
        return missing.Count == 0
            ? null
            : $"{missing.Count} indicators lack an actual, a narrative or the breakdown they require ({string.Join("; ", missing)})";
    }

    public void MarkSubmitted(DateOnly today, string actor, DateTimeOffset now)
    {
        SubmittedOn = today;
        Touch(actor, now);
    }

    public void MarkReturned(string comment, string actor, DateTimeOffset now)
    {
        ReturnComment = comment;
        Touch(actor, now);
    }

    public void MarkApproved(DateOnly today, string actor, DateTimeOffset now)
    {
        if (ApprovedOn is not null) throw new DomainConflictException($"The report was already approved on {ApprovedOn:yyyy-MM-dd}.");
        ApprovedOn = today;
        ApprovedBy = actor;
        ReturnComment = null;
        Touch(actor, now);
    }

    private static void EnsureEditable(string status)
    {
        if (status == ProgressReportStatus.Approved)
            throw new DomainConflictException("The report is approved: its values are locked.");
        if (status != ProgressReportStatus.Draft && status != ProgressReportStatus.Returned)
            throw new DomainConflictException($"The report is '{status}': it is edited as a draft or once returned by the FMU.");
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor;
        Version = Guid.NewGuid();
    }
}

/// <summary>The programme facts a report is checked against.</summary>
public sealed record ReportingContext(Guid ProgrammeId, IReadOnlySet<string> Organizations, DateOnly AllocatedOn,
    string ProgrammeStatus)
{
    /// <summary>Progress is reported once implementation has begun, and until the programme is closed financially.</summary>
    public bool AcceptsReports => ProgrammeStatus is JointProgrammeStatus.Active or JointProgrammeStatus.Suspended
        or JointProgrammeStatus.OperationallyClosed;
}

/// <summary>An actual for one indicator, as the organization reports it.</summary>
public sealed record ActualEntry(Guid IndicatorId, IndicatorValue Actual, string? Narrative, ActualBreakdown? Breakdown);

/// <summary>
/// A quantitative actual broken down by sex (female and male) and by age (children under 18 and adults); each pair
/// adds up to the actual.
/// </summary>
public sealed record ActualBreakdown(decimal? Female, decimal? Male, decimal? Children, decimal? Adults)
{
    public bool HasSex => Female is not null || Male is not null;
    public bool HasAge => Children is not null || Adults is not null;
}

/// <summary>One indicator's actual in a report.</summary>
public sealed class ReportedValue
{
    private ReportedValue()
    {
        Narrative = RecordedBy = string.Empty;
    }

    internal ReportedValue(Guid reportId, ActualEntry entry, string actor, DateTimeOffset now) : this()
    {
        ReportId = reportId;
        IndicatorId = entry.IndicatorId;
        Record(entry, actor, now);
    }

    internal void Record(ActualEntry entry, string actor, DateTimeOffset now)
    {
        (ActualNumber, ActualText) = entry.Actual.Trimmed();
        Narrative = entry.Narrative?.Trim() ?? string.Empty;
        Female = entry.Breakdown?.Female;
        Male = entry.Breakdown?.Male;
        Children = entry.Breakdown?.Children;
        Adults = entry.Breakdown?.Adults;
        RecordedAt = now;
        RecordedBy = actor;
    }

    public Guid ReportId { get; private set; }
    public Guid IndicatorId { get; private set; }
    public decimal? ActualNumber { get; private set; }
    public string? ActualText { get; private set; }
    public IndicatorValue Actual => new(ActualNumber, ActualText);
    public string Narrative { get; private set; }
    public decimal? Female { get; private set; }
    public decimal? Male { get; private set; }
    public decimal? Children { get; private set; }
    public decimal? Adults { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }

    internal bool IsCompleteFor(Indicator indicator) =>
        !Actual.IsEmpty && Narrative.Length > 0
        && (!indicator.BySex || (Female is not null && Male is not null))
        && (!indicator.ByAge || (Children is not null && Adults is not null));
}

/// <summary>The states of the progress-report workflow that rules in code refer to.</summary>
public static class ProgressReportStatus
{
    public const string WorkflowId = "progress-report";
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
}
