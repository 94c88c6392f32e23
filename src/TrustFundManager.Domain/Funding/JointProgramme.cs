using TrustFundManager.Domain.Auditing;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Funding;

/// <summary>
/// A funded concept note, implemented by its participating UN organizations: the allocation (a budget per
/// organization with its indirect cost shown), the Administrative Agent's transfers to each organization in tranches,
/// never above its budget, and each organization's annual expenditure, never above what it received. Its status is the
/// state of its joint-programme workflow, which callers pass in where a rule depends on it.
/// </summary>
public sealed class JointProgramme
{
    public const int ReferenceMaxLength = 100;

    private readonly List<ProgrammeBudgetLine> _budget = [];
    private readonly List<Transfer> _transfers = [];
    private readonly List<AnnualExpenditure> _expenditures = [];

    private JointProgramme()
    {
        Title = Country = AllocatedBy = UpdatedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConceptNoteId { get; private set; }
    public string Title { get; private set; }

    /// <summary>The submitting government's country: the programme's lead country in every breakdown.</summary>
    public string Country { get; private set; }
    public List<string> Countries { get; private set; } = [];
    public Region? Region { get; private set; }
    public int ThematicAreaNumber { get; private set; }
    public int DurationMonths { get; private set; }

    public DateOnly AllocatedOn { get; private set; }
    public DateTimeOffset AllocatedAt { get; private set; }
    public string AllocatedBy { get; private set; }

    /// <summary>The allocation: the sum of the organizations' budgets, indirect costs included.</summary>
    public decimal AllocatedUsd { get; private set; }
    public decimal IndirectCostRate { get; private set; }
    public decimal IndirectCostUsd { get; private set; }

    /// <summary>The part paid from money earmarked to the programme's thematic area.</summary>
    public decimal FromEarmarkedUsd { get; private set; }
    public decimal FromUnearmarkedUsd { get; private set; }

    public decimal TransferredUsd { get; private set; }
    public decimal SpentUsd { get; private set; }

    /// <summary>
    /// What a cancelled programme gave back: the part of its allocation never transferred, returned to the pools it
    /// came from (unearmarked money first, the reverse of the draw) on <see cref="ReleasedOn"/>.
    /// </summary>
    public decimal ReleasedUsd { get; private set; }
    public decimal ReleasedToEarmarkedUsd { get; private set; }
    public decimal ReleasedToUnearmarkedUsd { get; private set; }
    public DateOnly? ReleasedOn { get; private set; }

    /// <summary>Expenditure over transfers, or null before the first transfer.</summary>
    public decimal? DeliveryRate => Money.Ratio(SpentUsd, TransferredUsd);

    public IReadOnlyList<ProgrammeBudgetLine> Budget => _budget;
    public IReadOnlyList<Transfer> Transfers => _transfers;
    public IReadOnlyList<AnnualExpenditure> Expenditures => _expenditures;

    /// <summary>Changes with every change: two transfers or reports at once cannot both pass a limit.</summary>
    public Guid Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    public IReadOnlyList<string> Organizations => _budget.OrderBy(b => b.Position).Select(b => b.Organization).ToList();

    /// <summary>
    /// Funds an approved concept note from the free balance. The budget is the note's unless the FMU gives another: the
    /// note's organizations (at least two), each an amount in cents, together no more than the note requested.
    /// Each organization's budget includes its indirect cost at <paramref name="indirectCostRate"/>, shown separately.
    /// </summary>
    public static JointProgramme Allocate(ConceptNote note, string noteStatus, IReadOnlyList<BudgetShare>? budget,
        FreeBalance freeBalance, decimal indirectCostRate, DateOnly today, string actor, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indirectCostRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indirectCostRate, 1m);
        if (noteStatus != ConceptNoteStatus.ApprovedInPipeline)
            throw new DomainConflictException(
                $"Only a concept note approved by the committee and waiting in the pipeline is funded; this one is '{noteStatus}'.");
        var shares = budget is { Count: > 0 }
            ? budget.Select(b => b with { Organization = b.Organization.Trim().ToUpperInvariant() }).ToList()
            : note.Budget.OrderBy(b => b.Position).Select(b => new BudgetShare(b.Organization, b.AmountUsd)).ToList();
        CheckBudget(note, shares);

        var total = shares.Sum(s => s.AmountUsd);
        var draw = freeBalance.Draw(note.ThematicAreaNumber!.Value, total);
        var programme = new JointProgramme
        {
            Id = Guid.CreateVersion7(now),
            ConceptNoteId = note.Id,
            Title = note.Title,
            Country = note.Country,
            Countries = note.CoveredCountries.ToList(),
            Region = note.Region,
            ThematicAreaNumber = note.ThematicAreaNumber!.Value,
            DurationMonths = note.DurationMonths ?? 0,
            AllocatedOn = today,
            AllocatedAt = now,
            AllocatedBy = actor,
            AllocatedUsd = total,
            IndirectCostRate = indirectCostRate,
            FromEarmarkedUsd = draw.FromEarmarkedUsd,
            FromUnearmarkedUsd = draw.FromUnearmarkedUsd,
        };
        for (var i = 0; i < shares.Count; i++)
            programme._budget.Add(new ProgrammeBudgetLine(programme.Id, shares[i].Organization, i + 1, shares[i].AmountUsd,
                indirectCostRate));
        programme.IndirectCostUsd = programme._budget.Sum(b => b.IndirectCostUsd);
        programme.Touch(actor, now);
        return programme;
    }

    /// <summary>
    /// A tranche the Administrative Agent transferred to one organization, while the programme is allocated or active;
    /// an organization's tranches never exceed its budget.
    /// </summary>
    public Transfer RecordTransfer(string organization, decimal amountUsd, DateOnly transferredOn, string reference,
        string status, DateOnly today, string actor, DateTimeOffset now)
    {
        if (status is not (JointProgrammeStatus.Allocated or JointProgrammeStatus.Active))
            throw new DomainConflictException($"Funds are transferred while a programme is allocated or active; this one is '{status}'.");
        var line = LineOf(organization);
        var errors = new Dictionary<string, string[]>();
        if (Money.AmountProblem(amountUsd, "transfer") is { } problem) errors["amountUsd"] = [problem];
        if (transferredOn > today) errors["transferredOn"] = ["A transfer is recorded once made: its date cannot be in the future."];
        else if (transferredOn < AllocatedOn) errors["transferredOn"] = [$"A transfer cannot precede the allocation ({AllocatedOn:yyyy-MM-dd})."];
        var trimmed = reference.Trim();
        if (trimmed.Length == 0) errors["reference"] = ["A transfer names its reference."];
        else if (trimmed.Length > ReferenceMaxLength) errors["reference"] = [$"The reference is at most {ReferenceMaxLength} characters."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        if (_transfers.Any(t => string.Equals(t.Reference, trimmed, StringComparison.OrdinalIgnoreCase)))
            throw new DomainConflictException($"A transfer with the reference '{trimmed}' is already recorded on this programme.");
        if (amountUsd > line.UntransferredUsd)
            throw new DomainConflictException(
                $"The transfers to {line.Organization} would exceed its budget: {line.AmountUsd:N2} USD allocated, " +
                $"{line.TransferredUsd:N2} already transferred, so at most {line.UntransferredUsd:N2} more.",
                new Dictionary<string, string[]> { ["amountUsd"] = [$"At most {line.UntransferredUsd:N2} USD."] });

        var transfer = new Transfer(Id, line.Organization, _transfers.Count(t => t.Organization == line.Organization) + 1,
            transferredOn, amountUsd, trimmed, actor, now);
        _transfers.Add(transfer);
        line.AddTransfer(amountUsd);
        TransferredUsd += amountUsd;
        Touch(actor, now);
        return transfer;
    }

    /// <summary>
    /// An organization's expenditure for one calendar year (a second report for the year replaces the first); its
    /// expenditure over all years never exceeds what it received. Refused once the programme is financially closed.
    /// A year's figure is final from 1 May of the next year (<see cref="AnnualExpenditure.IsFinal"/>): changing it then
    /// is a correction, which needs its <paramref name="correctionReason"/> (who may correct is the caller's rule).
    /// </summary>
    public AnnualExpenditure ReportExpenditure(string organization, int year, decimal amountUsd, string status,
        DateOnly today, string actor, DateTimeOffset now, string? correctionReason = null)
    {
        if (status is JointProgrammeStatus.FinanciallyClosed)
            throw new DomainConflictException("The programme is financially closed: its expenditure can no longer change.");
        var line = LineOf(organization);
        var errors = new Dictionary<string, string[]>();
        if (amountUsd < 0 || amountUsd > Money.MaxAmount) errors["amountUsd"] = [$"Expenditure is between 0 and {Money.MaxAmount:N0} USD."];
        else if (!Money.IsCents(amountUsd)) errors["amountUsd"] = ["Expenditure is in whole cents (at most 2 decimals)."];
        if (year < AllocatedOn.Year || year > today.Year)
            errors["year"] = [$"Expenditure is reported for a year from the allocation ({AllocatedOn.Year}) to this year ({today.Year})."];
        else if (AnnualExpenditure.IsFinal(year, today) && string.IsNullOrWhiteSpace(correctionReason))
            errors["reason"] = [$"Expenditure for {year} is final since 30 April {year + 1}: a correction says why it is made."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        var report = _expenditures.SingleOrDefault(e => e.Organization == line.Organization && e.Year == year);
        var previous = report?.AmountUsd ?? 0;
        if (line.SpentUsd - previous + amountUsd > line.TransferredUsd)
            throw new DomainConflictException(
                $"{line.Organization}'s expenditure would exceed what it received: {line.TransferredUsd:N2} USD transferred, " +
                $"{line.SpentUsd - previous:N2} spent in other years, so at most {line.TransferredUsd - line.SpentUsd + previous:N2} for {year}.",
                new Dictionary<string, string[]> { ["amountUsd"] = [$"At most {line.TransferredUsd - line.SpentUsd + previous:N2} USD."] });

        if (report is null)
        {
            report = new AnnualExpenditure(Id, line.Organization, year);
            _expenditures.Add(report);
        }
        report.Record(amountUsd, today, actor, now);
        line.ChangeSpending(amountUsd - previous);
        SpentUsd += amountUsd - previous;
        Touch(actor, now);
        return report;
    }

    /// <summary>
    /// On cancellation: what was not transferred goes back to the free balance, organization by organization, and
    /// no further transfer can be made. What was transferred stays with the organizations (a refund would be a
    /// separate record).
    /// </summary>
    public void ReleaseUntransferred(DateOnly today, string actor, DateTimeOffset now)
    {
        if (ReleasedOn is not null)
            throw new DomainConflictException($"The programme's untransferred allocation was already released on {ReleasedOn:yyyy-MM-dd}.");
        foreach (var line in _budget) line.Release();
        ReleasedUsd = _budget.Sum(b => b.ReleasedUsd);
        ReleasedToUnearmarkedUsd = Math.Min(ReleasedUsd, FromUnearmarkedUsd);
        ReleasedToEarmarkedUsd = ReleasedUsd - ReleasedToUnearmarkedUsd;
        ReleasedOn = today;
        Touch(actor, now);
    }

    private ProgrammeBudgetLine LineOf(string organization) =>
        _budget.SingleOrDefault(b => b.Organization == organization.Trim().ToUpperInvariant())
        ?? throw new InvalidChangeException("organization", $"'{organization}' is not a participating organization of this programme.");

    private static void CheckBudget(ConceptNote note, IReadOnlyList<BudgetShare> shares)
    {
        var errors = new Dictionary<string, string[]>();
        if (note.ThematicAreaNumber is null) errors["conceptNoteId"] = ["The concept note has no thematic area."];
        var budgetProblems = new List<string>();
        if (shares.Select(s => s.Organization).Distinct().Count() < ConceptNoteContent.MinimumOrganizations)
            budgetProblems.Add($"A joint programme has at least {ConceptNoteContent.MinimumOrganizations} participating organizations.");
        if (shares.Select(s => s.Organization).Distinct().Count() != shares.Count)
            budgetProblems.Add("Each organization appears once.");
        if (budgetProblems.Count > 0) errors["budget"] = budgetProblems.ToArray();
        var noteOrganizations = note.Organizations.ToHashSet();
        for (var i = 0; i < shares.Count; i++)
        {
            if (!noteOrganizations.Contains(shares[i].Organization))
                errors[$"budget[{i}].organization"] = [$"{shares[i].Organization} is not among the concept note's organizations."];
            if (Money.AmountProblem(shares[i].AmountUsd, "budget") is { } problem) errors[$"budget[{i}].amountUsd"] = [problem];
        }
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        var total = shares.Sum(s => s.AmountUsd);
        if (note.TotalRequestedUsd is { } requested && total > requested)
            throw new InvalidChangeException("budget",
                $"The budget ({total:N2} USD) is above what the committee approved ({requested:N2} USD).");
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor;
        Version = Guid.NewGuid();
    }
}

/// <summary>One participating organization's budget: its indirect cost is inside it, shown separately.</summary>
public sealed class ProgrammeBudgetLine
{
    private ProgrammeBudgetLine()
    {
        Organization = string.Empty;
    }

    internal ProgrammeBudgetLine(Guid programmeId, string organization, int position, decimal amountUsd, decimal indirectCostRate)
        : this()
    {
        ProgrammeId = programmeId;
        Organization = organization;
        Position = position;
        AmountUsd = amountUsd;
        IndirectCostUsd = Money.Cents(amountUsd * indirectCostRate / (1 + indirectCostRate));
        DirectCostUsd = amountUsd - IndirectCostUsd;
    }

    public Guid ProgrammeId { get; private set; }
    public string Organization { get; private set; }
    public int Position { get; private set; }

    /// <summary>The organization's whole budget: direct plus indirect cost.</summary>
    public decimal AmountUsd { get; private set; }
    public decimal DirectCostUsd { get; private set; }
    public decimal IndirectCostUsd { get; private set; }
    public decimal TransferredUsd { get; private set; }
    public decimal SpentUsd { get; private set; }

    /// <summary>The part of the budget given back when the programme was cancelled.</summary>
    public decimal ReleasedUsd { get; private set; }

    public decimal UntransferredUsd => AmountUsd - ReleasedUsd - TransferredUsd;

    internal void AddTransfer(decimal amountUsd) => TransferredUsd += amountUsd;

    internal void Release() => ReleasedUsd = AmountUsd - TransferredUsd;

    internal void ChangeSpending(decimal differenceUsd) => SpentUsd += differenceUsd;
}

/// <summary>A tranche the Administrative Agent transferred to one organization; never changed once recorded.</summary>
public sealed class Transfer : IAppendOnlyRecord
{
    private Transfer()
    {
        Organization = Reference = RecordedBy = string.Empty;
    }

    internal Transfer(Guid programmeId, string organization, int tranche, DateOnly transferredOn, decimal amountUsd,
        string reference, string actor, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7(now);
        ProgrammeId = programmeId;
        Organization = organization;
        Tranche = tranche;
        TransferredOn = transferredOn;
        AmountUsd = amountUsd;
        Reference = reference;
        RecordedAt = now;
        RecordedBy = actor;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string Organization { get; private set; }

    /// <summary>1 for the organization's first tranche, and so on.</summary>
    public int Tranche { get; private set; }
    public DateOnly TransferredOn { get; private set; }
    public decimal AmountUsd { get; private set; }
    public string Reference { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }
}

/// <summary>What one organization spent on the programme in one calendar year, as it last reported it.</summary>
public sealed class AnnualExpenditure
{
    /// <summary>
    /// Whether a year's expenditure is final on <paramref name="today"/>: the fund's annual figures are final by 30 April
    /// of the next year, so from 1 May only a correction changes them.
    /// </summary>
    public static bool IsFinal(int year, DateOnly today) => today > new DateOnly(year + 1, 4, 30);

    private AnnualExpenditure()
    {
        Organization = ReportedBy = string.Empty;
    }

    internal AnnualExpenditure(Guid programmeId, string organization, int year) : this()
    {
        ProgrammeId = programmeId;
        Organization = organization;
        Year = year;
    }

    public Guid ProgrammeId { get; private set; }
    public string Organization { get; private set; }
    public int Year { get; private set; }
    public decimal AmountUsd { get; private set; }

    /// <summary>The day of the latest report: the funding status as of an earlier day leaves it out.</summary>
    public DateOnly ReportedOn { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public string ReportedBy { get; private set; }

    internal void Record(decimal amountUsd, DateOnly today, string actor, DateTimeOffset now) =>
        (AmountUsd, ReportedOn, ReportedAt, ReportedBy) = (amountUsd, today, now, actor);
}

/// <summary>The states of the joint-programme workflow that rules in code refer to.</summary>
public static class JointProgrammeStatus
{
    public const string WorkflowId = "joint-programme";
    public const string Allocated = "allocated";
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string OperationallyClosed = "operationallyClosed";
    public const string FinanciallyClosed = "financiallyClosed";
    public const string Cancelled = "cancelled";
}
