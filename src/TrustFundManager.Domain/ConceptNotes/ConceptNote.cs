using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.ConceptNotes;

/// <summary>
/// A government's proposal for a joint programme, from its draft through screening. Its status is the state of
/// its concept-note workflow, which the callers pass in where a rule depends on it.
/// </summary>
public sealed class ConceptNote
{
    private readonly List<BudgetLine> _budget = [];
    private readonly List<PartnerLine> _partners = [];
    private readonly List<ScreeningCheck> _screeningChecks = [];
    private readonly List<CoveredCountry> _countries = [];

    private ConceptNote()
    {
        Title = Country = CreatedBy = UpdatedBy = string.Empty;
    }

    private ConceptNote(Guid id, string actor, DateTimeOffset now) : this()
    {
        Id = id;
        CreatedAt = UpdatedAt = now;
        CreatedBy = UpdatedBy = actor;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>The submitting government's country (ISO 3166-1 alpha-3): whose note it is.</summary>
    public string Country { get; private set; }

    /// <summary>Every country covered, the submitting one first; more than one makes a regional note.</summary>
    public IReadOnlyList<string> Countries => _countries.OrderBy(c => c.Position).Select(c => c.Country).ToList();

    /// <summary>The rows behind <see cref="Countries"/>, one per country: what queries filter on.</summary>
    public IReadOnlyList<CoveredCountry> CountryLines => _countries;

    /// <summary>The countries the note covers: <see cref="Countries"/>, or the submitting country alone in an early draft.</summary>
    public IReadOnlyList<string> CoveredCountries => Countries is { Count: > 0 } countries ? countries : [Country];

    /// <summary>The Network region of the countries covered.</summary>
    public Region? Region { get; private set; }

    public int? ThematicAreaNumber { get; private set; }
    public List<int> GcmObjectives { get; private set; } = [];
    public List<int> GuidingPrinciples { get; private set; } = [];
    public IReadOnlyList<BudgetLine> Budget => _budget;
    public decimal? TotalRequestedUsd { get; private set; }
    public int? DurationMonths { get; private set; }
    public IReadOnlyList<PartnerLine> Partners => _partners;
    public int? GenderMarker { get; private set; }
    public int? HumanRightsMarker { get; private set; }
    public int? ChildSensitivityMarker { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? ContactPosition { get; private set; }
    public string? EndorsedBy { get; private set; }
    public string? EndorserPosition { get; private set; }
    public DateOnly? EndorsedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    /// <summary>How many times it was submitted; also the number of its latest version and screening round.</summary>
    public int SubmissionCount { get; private set; }
    public DateTimeOffset? FirstSubmittedAt { get; private set; }
    public DateTimeOffset? LastSubmittedAt { get; private set; }

    /// <summary>When the latest screening round ended (forwarded, returned or declared ineligible).</summary>
    public DateTimeOffset? LastScreenedAt { get; private set; }

    /// <summary>Changes with every change: an edit names the version it was based on, and racing writes fail.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<ScreeningCheck> ScreeningChecks => _screeningChecks;

    public ConceptNoteContent Content => new(Title, Summary, Country, Countries.Skip(1).ToList(), ThematicAreaNumber,
        GcmObjectives.ToList(), GuidingPrinciples.ToList(),
        _budget.OrderBy(b => b.Position).Select(b => new BudgetShare(b.Organization, b.AmountUsd)).ToList(),
        TotalRequestedUsd, DurationMonths,
        _partners.OrderBy(p => p.Position).Select(p => new PartnerEntry(p.Name, p.Kind)).ToList(),
        new CrossCuttingMarkers(GenderMarker, HumanRightsMarker, ChildSensitivityMarker),
        ContactName is null ? null : new ContactDetails(ContactName, ContactEmail ?? string.Empty, ContactPhone, ContactPosition),
        EndorsedBy is null ? null : new GovernmentEndorsement(EndorsedBy, EndorserPosition, EndorsedOn!.Value));

    /// <summary>The organizations that would take part, in the order the note lists them.</summary>
    public IReadOnlyList<string> Organizations => _budget.OrderBy(b => b.Position).Select(b => b.Organization).ToList();

    /// <summary>
    /// The organizations whose committee members the note recuses, in the note's order: the lead (the largest share,
    /// the first listed on a tie) and each holding at least <paramref name="minimumShare"/> of the budget. A token
    /// budget line does not make an organization a participant, so a note cannot choose whom it recuses.
    /// </summary>
    public IReadOnlyList<string> RecusingOrganizations(decimal minimumShare)
    {
        var lines = _budget.OrderBy(b => b.Position).ToList();
        var total = lines.Sum(b => b.AmountUsd);
        if (lines.Count == 0 || total <= 0) return lines.Select(b => b.Organization).ToList();
        var lead = lines.OrderByDescending(b => b.AmountUsd).ThenBy(b => b.Position).First();
        return lines.Where(b => b == lead || b.AmountUsd >= minimumShare * total).Select(b => b.Organization).ToList();
    }

    /// <summary>A new draft; it may be incomplete, but what it holds keeps the rules.</summary>
    /// <exception cref="InvalidChangeException">A rule is broken; the errors name the fields.</exception>
    public static ConceptNote Draft(ConceptNoteContent content, ConceptNoteRules rules, string actor, DateTimeOffset now)
    {
        var note = new ConceptNote(Guid.CreateVersion7(now), actor, now);
        note.Apply(content.Normalized(), rules);
        return note;
    }

    /// <summary>Replaces the content, while the note is with its author and unchanged since <paramref name="basedOnVersion"/>.</summary>
    public void Revise(ConceptNoteContent content, ConceptNoteRules rules, string status, Guid? basedOnVersion,
        string actor, DateTimeOffset now)
    {
        if (!ConceptNoteStatus.Editable.Contains(status))
            throw new DomainConflictException(
                $"A concept note can be edited only in draft or when returned for revision; this one is '{status}'.");
        if (basedOnVersion is { } version && version != Version)
            throw DomainConflictException.StaleVersion(
                "The concept note was changed by someone else since you read it; read it again and redo your edit.", Version);
        var normalized = content.Normalized();
        if (normalized.Country != Country)
            throw new InvalidChangeException("country", "The submitting country of a concept note cannot change.");

        Apply(normalized, rules);
        Touch(actor, now);
    }

    /// <summary>Every rule a submission must meet, keyed by field; empty when the note may be submitted.</summary>
    public Dictionary<string, string[]> SubmissionProblems(ConceptNoteRules rules) =>
        ConceptNoteRulebook.SubmissionProblems(Content, rules);

    /// <summary>Counts a (re)submission and keeps what was submitted as a version that never changes.</summary>
    public ConceptNoteVersion RecordSubmission(string actor, string actorName, string action, DateTimeOffset now)
    {
        SubmissionCount++;
        FirstSubmittedAt ??= now;
        LastSubmittedAt = now;
        Touch(actor, now);
        return new ConceptNoteVersion(this, SubmissionCount, action, actor, actorName, now);
    }

    /// <summary>The FMU's finding on one checklist item in the current screening round; a later finding replaces it.</summary>
    public ScreeningCheck RecordScreening(ScreeningItem item, bool passed, string? comment, string status, string actor,
        DateTimeOffset now)
    {
        if (status != ConceptNoteStatus.Screening)
            throw new DomainConflictException($"The checklist is recorded while the note is in screening; this one is '{status}'.");
        if (!Enum.IsDefined(item)) throw new InvalidChangeException("item", "Unknown checklist item.");
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!passed && trimmed is null)
            throw new InvalidChangeException("comment", "Say why the item is not passed: a comment is required.");
        if (trimmed is { Length: > ScreeningCheck.CommentMaxLength })
            throw new InvalidChangeException("comment", $"The comment must be {ScreeningCheck.CommentMaxLength} characters or fewer.");

        var check = _screeningChecks.SingleOrDefault(c => c.Round == SubmissionCount && c.Item == item);
        if (check is null)
        {
            check = new ScreeningCheck(Id, SubmissionCount, item);
            _screeningChecks.Add(check);
        }
        check.Record(passed, trimmed, actor, now);
        Touch(actor, now);
        return check;
    }

    /// <summary>The checklist items of the current round not yet recorded as passed.</summary>
    public IReadOnlyList<ScreeningItem> ScreeningItemsNotPassed() =>
        Enum.GetValues<ScreeningItem>()
            .Where(item => !_screeningChecks.Any(c => c.Round == SubmissionCount && c.Item == item && c.Passed))
            .ToList();

    /// <summary>The screening round ends: the note was forwarded, returned or declared ineligible.</summary>
    public void CloseScreeningRound(string actor, DateTimeOffset now)
    {
        LastScreenedAt = now;
        Touch(actor, now);
    }

    private void Apply(ConceptNoteContent content, ConceptNoteRules rules)
    {
        var problems = ConceptNoteRulebook.ContentProblems(content, rules);
        if (problems.Count > 0) throw new InvalidChangeException(problems);

        Title = content.Title;
        Summary = content.Summary;
        Country = content.Country;
        ReplaceCountries(content.Countries);
        Region = rules.CountryRegions[content.Country];
        ThematicAreaNumber = content.ThematicAreaNumber;
        GcmObjectives = content.GcmObjectives.ToList();
        GuidingPrinciples = content.GuidingPrinciples.ToList();
        ReplaceBudget(content.Budget);
        TotalRequestedUsd = content.TotalRequestedUsd ?? (content.Budget.Count > 0 ? content.Budget.Sum(b => b.AmountUsd) : null);
        DurationMonths = content.DurationMonths;
        ReplacePartners(content.Partners);
        (GenderMarker, HumanRightsMarker, ChildSensitivityMarker) =
            (content.Markers.Gender, content.Markers.HumanRights, content.Markers.ChildSensitivity);
        (ContactName, ContactEmail, ContactPhone, ContactPosition) = content.Contact is { } contact
            ? (contact.Name, contact.Email, contact.Phone, contact.Position)
            : ((string?)null, (string?)null, (string?)null, (string?)null);
        (EndorsedBy, EndorserPosition, EndorsedOn) = content.Endorsement is { } endorsement
            ? (endorsement.EndorsedBy, endorsement.Position, endorsement.EndorsedOn)
            : ((string?)null, (string?)null, (DateOnly?)null);
        Version = Guid.NewGuid();
    }

    /// <summary>Changes lines in place, keyed by organization, so that each keeps its identity across edits.</summary>
    private void ReplaceBudget(IReadOnlyList<BudgetShare> shares)
    {
        _budget.RemoveAll(line => shares.All(s => s.Organization != line.Organization));
        for (var i = 0; i < shares.Count; i++)
        {
            var line = _budget.SingleOrDefault(l => l.Organization == shares[i].Organization);
            if (line is null) _budget.Add(new BudgetLine(Id, shares[i].Organization, i + 1, shares[i].AmountUsd));
            else line.Change(i + 1, shares[i].AmountUsd);
        }
    }

    /// <summary>Keeps each country's row, keyed by country, and renumbers them in the content's order.</summary>
    private void ReplaceCountries(IReadOnlyList<string> countries)
    {
        _countries.RemoveAll(line => !countries.Contains(line.Country, StringComparer.Ordinal));
        for (var i = 0; i < countries.Count; i++)
        {
            var line = _countries.SingleOrDefault(l => l.Country == countries[i]);
            if (line is null) _countries.Add(new CoveredCountry(countries[i], i + 1));
            else line.MoveTo(i + 1);
        }
    }

    private void ReplacePartners(IReadOnlyList<PartnerEntry> partners)
    {
        _partners.RemoveAll(line => line.Position > partners.Count);
        for (var i = 0; i < partners.Count; i++)
        {
            var line = _partners.SingleOrDefault(l => l.Position == i + 1);
            if (line is null) _partners.Add(new PartnerLine(Id, i + 1, partners[i].Name, partners[i].Kind));
            else line.Change(partners[i].Name, partners[i].Kind);
        }
    }

    private void Touch(string actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor;
        Version = Guid.NewGuid();
    }
}

/// <summary>The states of the concept-note workflow that rules in code refer to.</summary>
public static class ConceptNoteStatus
{
    public const string WorkflowId = "concept-note";
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Screening = "screening";
    public const string ReturnedForRevision = "returnedForRevision";
    public const string UnderCommitteeReview = "underCommitteeReview";
    public const string Deferred = "deferred";
    public const string ApprovedInPipeline = "approvedInPipeline";
    public const string Funded = "funded";

    /// <summary>The states in which the author may change the note.</summary>
    public static readonly IReadOnlySet<string> Editable = new HashSet<string> { Draft, ReturnedForRevision };
}

/// <summary>The concept-note actions the code fires by name: the committee's decisions, a new ballot, funding.</summary>
public static class ConceptNoteActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Defer = "defer";
    public const string PutToCommitteeAgain = "putToCommitteeAgain";
    public const string Fund = "fund";
}

/// <summary>A country a concept note covers (ISO 3166-1 alpha-3), at its place in the note's list (from 1).</summary>
public sealed class CoveredCountry
{
    private CoveredCountry()
    {
        Country = string.Empty;
    }

    internal CoveredCountry(string country, int position)
    {
        Country = country;
        Position = position;
    }

    public string Country { get; private set; }
    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}

/// <summary>One participating organization's share of the requested budget.</summary>
public sealed class BudgetLine
{
    private BudgetLine()
    {
        Organization = string.Empty;
    }

    internal BudgetLine(Guid conceptNoteId, string organization, int position, decimal amountUsd)
    {
        ConceptNoteId = conceptNoteId;
        Organization = organization;
        Position = position;
        AmountUsd = amountUsd;
    }

    public Guid ConceptNoteId { get; private set; }
    public string Organization { get; private set; }

    /// <summary>Where the note lists it, from 1.</summary>
    public int Position { get; private set; }
    public decimal AmountUsd { get; private set; }

    internal void Change(int position, decimal amountUsd) => (Position, AmountUsd) = (position, amountUsd);
}

public sealed class PartnerLine
{
    private PartnerLine()
    {
        Name = string.Empty;
    }

    internal PartnerLine(Guid conceptNoteId, int position, string name, PartnerKind kind)
    {
        ConceptNoteId = conceptNoteId;
        Position = position;
        Name = name;
        Kind = kind;
    }

    public Guid ConceptNoteId { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; }
    public PartnerKind Kind { get; private set; }

    internal void Change(string name, PartnerKind kind) => (Name, Kind) = (name, kind);
}
