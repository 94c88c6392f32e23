using TrustFundManager.Domain.Auditing;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Committee;

/// <summary>
/// The Steering Committee's vote on one or more concept notes, at a meeting or by written procedure, until a deadline.
/// Each member eligible when it opened holds a paper; their votes and recusals are on the paper, and only the paper
/// changes when they vote, so members voting at the same moment never get in each other's way. Closing seals every
/// paper: a vote racing the close fails on its paper's version.
/// </summary>
public sealed class Ballot
{
    public const int TitleMaxLength = 300;
    public const int MaxItems = 50;
    public static readonly TimeSpan LongestVotingPeriod = TimeSpan.FromDays(90);

    private readonly List<BallotItem> _items = [];
    private readonly List<BallotPaper> _papers = [];

    private Ballot()
    {
        Title = OpenedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public BallotKind Kind { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public BallotStatus Status { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DecisionRule DecisionRule { get; private set; }
    public int QuorumNumerator { get; private set; }
    public int QuorumDenominator { get; private set; }
    public bool QuorumRequiresEveryConstituency { get; private set; }

    /// <summary>Changes when the ballot opens, closes or is cancelled.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<BallotItem> Items => _items;
    public IReadOnlyList<BallotPaper> Papers => _papers;

    public BallotRule Rule => new(DecisionRule, QuorumNumerator, QuorumDenominator, QuorumRequiresEveryConstituency);

    /// <summary>
    /// Opens a ballot on concept notes before the committee, for every member serving on the day it opens, and recuses
    /// each member from the notes of their own organization or government.
    /// </summary>
    public static Ballot Open(string title, BallotKind kind, DateTimeOffset deadline, IReadOnlyList<BallotSubject> subjects,
        IReadOnlyList<CommitteeMembership> members, BallotRule rule, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var cleanTitle = title?.Trim() ?? "";
        if (cleanTitle.Length == 0) errors["title"] = ["A ballot needs a title."];
        else if (cleanTitle.Length > TitleMaxLength) errors["title"] = [$"'title' must be {TitleMaxLength} characters or fewer."];
        if (!Enum.IsDefined(kind)) errors["kind"] = ["Unknown kind of ballot."];
        if (deadline <= now) errors["deadline"] = ["The deadline must be in the future."];
        else if (deadline - now > LongestVotingPeriod)
            errors["deadline"] = [$"A ballot stays open at most {LongestVotingPeriod.TotalDays:0} days."];
        if (subjects.Count == 0) errors["conceptNoteIds"] = ["A ballot puts at least one concept note to the vote."];
        else if (subjects.Count > MaxItems) errors["conceptNoteIds"] = [$"A ballot holds at most {MaxItems} concept notes."];
        else if (subjects.DistinctBy(s => s.ConceptNoteId).Count() != subjects.Count)
            errors["conceptNoteIds"] = ["Each concept note appears once."];
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var voters = members.Where(m => m.Votes && m.ServesOn(today)).ToList();
        if (voters.Count == 0)
            throw new DomainConflictException($"No member of the committee serves on {today:yyyy-MM-dd}: appoint members before opening a ballot.");

        var ballot = new Ballot
        {
            Id = Guid.CreateVersion7(now),
            Title = cleanTitle,
            Kind = kind,
            OpenedAt = now,
            OpenedBy = actor,
            // An instant is kept in UTC: a deadline given with another offset (the FMU's local time) is the same moment,
            // and stored instants are compared as UTC (the timer that closes the ballot looks for deadlines passed).
            Deadline = deadline.ToUniversalTime(),
            Status = BallotStatus.Open,
            DecisionRule = rule.Rule,
            QuorumNumerator = rule.QuorumNumerator,
            QuorumDenominator = rule.QuorumDenominator,
            QuorumRequiresEveryConstituency = rule.QuorumRequiresEveryConstituency,
            Version = Guid.NewGuid(),
        };
        for (var i = 0; i < subjects.Count; i++) ballot._items.Add(new BallotItem(ballot.Id, i + 1, subjects[i]));
        foreach (var member in voters)
        {
            var paper = new BallotPaper(ballot.Id, member);
            foreach (var (item, subject) in ballot._items.Zip(subjects))
                if (ConflictOf(member, subject.Countries, subject.Recusing) is { } conflict)
                    paper.Recuse(item.ConceptNoteId, conflict.Reason, conflict.Explanation, now);
            ballot._papers.Add(paper);
        }

        return ballot;
    }

    /// <summary>
    /// Why a member may not vote on a concept note because of whom they represent, if they may not:
    /// <paramref name="countries"/> are those it covers, the submitting one first; <paramref name="organizations"/>
    /// those that count as participating (<see cref="ConceptNotes.ConceptNote.RecusingOrganizations"/>).
    /// </summary>
    public static (RecusalReason Reason, string Explanation)? ConflictOf(CommitteeMembership member,
        IReadOnlyList<string> countries, IReadOnlyList<string> organizations) =>
        member.RepresentedKind switch
        {
            RepresentationKind.Organization when organizations.Contains(member.RepresentedCode) =>
                (RecusalReason.ParticipatingOrganization,
                    $"{member.RepresentedName} participates in the concept note."),
            RepresentationKind.Government when countries.Count > 0 && countries[0] == member.RepresentedCode =>
                (RecusalReason.SubmittingGovernment, $"The government of {member.RepresentedName} submitted the concept note."),
            RepresentationKind.Government when countries.Contains(member.RepresentedCode) =>
                (RecusalReason.CoveredCountry, $"{member.RepresentedName} is a country the concept note covers."),
            _ => null,
        };

    public BallotPaper? PaperOf(string userId) => _papers.FirstOrDefault(p => p.UserId == userId);

    public BallotItem? ItemFor(Guid conceptNoteId) => _items.FirstOrDefault(i => i.ConceptNoteId == conceptNoteId);

    /// <summary>
    /// Records a member's vote on one item, or changes it: until the ballot closes, the last vote counts.
    /// </summary>
    public BallotVote CastVote(CommitteeMembership member, Guid conceptNoteId, VoteChoice choice, string? conditions,
        string? reason, string? comment, DateTimeOffset now)
    {
        var (paper, item) = PaperAndItem(member, conceptNoteId, now);
        return paper.Vote(item, choice, conditions, reason, comment, now);
    }

    /// <summary>A member declares a conflict of interest on an item: they are recused, and a vote they cast is withdrawn.</summary>
    public BallotRecusal DeclareConflict(CommitteeMembership member, Guid conceptNoteId, string statement, DateTimeOffset now)
    {
        var (paper, item) = PaperAndItem(member, conceptNoteId, now);
        var cleanStatement = Text.Required(statement, "statement", BallotRecusal.ExplanationMaxLength);
        if (paper.RecusalOn(item.ConceptNoteId) is { } existing)
            throw new DomainConflictException($"You are already recused from this item: {existing.Explanation}");
        return paper.Recuse(item.ConceptNoteId, RecusalReason.DeclaredConflict, cleanStatement, now);
    }

    /// <summary>Whether every member holding a paper voted on every item they are not recused from.</summary>
    public bool EveryEligibleMemberVoted => _papers.All(HasNothingLeft);

    /// <summary>
    /// Whether every member still serving on <paramref name="today"/> has nothing left to do: a member whose term has
    /// ended is waited for no longer (their votes stand; see <see cref="TallyOf(BallotItem, DateOnly?)"/>).
    /// </summary>
    public bool EveryEligibleMemberVotedOn(DateOnly today) => _papers.All(p => !p.ServesOn(today) || HasNothingLeft(p));

    /// <summary>The members still serving on <paramref name="today"/> who have something left to do.</summary>
    public IEnumerable<BallotPaper> WaitingOn(DateOnly today) => _papers.Where(p => p.ServesOn(today) && !HasNothingLeft(p));

    /// <summary>
    /// A member's term was ended early while the ballot is open: their paper serves until <paramref name="lastDay"/>.
    /// Nothing changes on a ballot that is no longer open, nor for a member without a paper.
    /// </summary>
    public void EndTermOf(Guid membershipId, DateOnly lastDay)
    {
        if (Status != BallotStatus.Open) return;
        _papers.FirstOrDefault(p => p.MembershipId == membershipId)?.EndTerm(lastDay);
    }

    /// <summary>Whether a member has nothing left to do: a vote or a recusal on every item.</summary>
    public bool HasNothingLeft(BallotPaper paper) =>
        _items.All(i => paper.RecusalOn(i.ConceptNoteId) is not null || paper.VoteOn(i.ConceptNoteId) is not null);

    /// <summary>The members recused from an item, with why.</summary>
    public IEnumerable<(BallotPaper Paper, BallotRecusal Recusal)> RecusalsOn(BallotItem item) =>
        _papers.Select(p => (Paper: p, Recusal: p.RecusalOn(item.ConceptNoteId)))
            .Where(x => x.Recusal is not null)
            .Select(x => (x.Paper, x.Recusal!));

    /// <summary>
    /// The count on an item as of <paramref name="asOf"/> (every paper when not given). A member whose term ended before
    /// that day and who neither voted nor was recused on the item is not counted among its eligible members: the
    /// eligible count is recomputed at the close, so an early end of term never leaves a ballot waiting on a seat no
    /// one holds. A vote cast while serving stands.
    /// </summary>
    public ItemTally TallyOf(BallotItem item, DateOnly? asOf = null) =>
        ItemTally.Count(item, asOf is { } day
            ? _papers.Where(p => p.ServesOn(day) || p.VoteOn(item.ConceptNoteId) is not null ||
                                 p.RecusalOn(item.ConceptNoteId) is not null).ToList()
            : _papers);

    /// <summary>
    /// Closes the ballot: seals every paper and decides each item by the rule it was opened under.
    /// </summary>
    public IReadOnlyList<CommitteeDecision> Close(DateTimeOffset now)
    {
        EnsureOpen();
        Status = BallotStatus.Closed;
        ClosedAt = now;
        Version = Guid.NewGuid();
        foreach (var paper in _papers) paper.Seal(now);

        var decisions = new List<CommitteeDecision>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var item in _items)
        {
            var decision = CommitteeDecision.Decide(this, item, TallyOf(item, today), now);
            item.Decide(decision.Outcome);
            decisions.Add(decision);
        }

        return decisions;
    }

    /// <summary>Calls the ballot off: nothing is decided, and its concept notes may go to another ballot.</summary>
    public void Cancel(DateTimeOffset now)
    {
        EnsureOpen();
        Status = BallotStatus.Cancelled;
        ClosedAt = now;
        Version = Guid.NewGuid();
        foreach (var paper in _papers) paper.Seal(now);
        foreach (var item in _items) item.Decide(null);
    }

    private (BallotPaper Paper, BallotItem Item) PaperAndItem(CommitteeMembership member, Guid conceptNoteId, DateTimeOffset now)
    {
        EnsureOpen();
        if (now >= Deadline)
            throw new DomainConflictException($"The ballot's deadline passed at {Deadline:yyyy-MM-dd HH:mm} UTC; it no longer takes votes.");
        var item = ItemFor(conceptNoteId)
                   ?? throw new NotFoundException($"Concept note {conceptNoteId} is not on this ballot.");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!member.Votes)
            throw new DomainConflictException("The chair and attendees take part without a vote.");
        if (!member.ServesOn(today))
            throw new DomainConflictException(
                $"Your term runs from {member.TermStart:yyyy-MM-dd} to {member.TermEnd:yyyy-MM-dd}: outside it you cannot vote.");
        var paper = PaperOf(member.UserId)
                    ?? throw new DomainConflictException(
                        "You were not a serving member when this ballot opened, so you are not among its voters.");
        return (paper, item);
    }

    private void EnsureOpen()
    {
        if (Status != BallotStatus.Open)
            throw new DomainConflictException(
                $"The ballot is {Status.ToString().ToLowerInvariant()} (since {ClosedAt:yyyy-MM-dd HH:mm} UTC); it no longer changes.");
    }
}

/// <summary>A concept note on a ballot, with what recusal depends on as it stood when the ballot opened.</summary>
public sealed class BallotItem
{
    private BallotItem()
    {
        Title = string.Empty;
    }

    internal BallotItem(Guid ballotId, int position, BallotSubject subject) : this()
    {
        BallotId = ballotId;
        ConceptNoteId = subject.ConceptNoteId;
        Position = position;
        Title = subject.Title;
        Countries = subject.Countries.ToList();
        Organizations = subject.Organizations.ToList();
        IsPending = true;
    }

    public Guid BallotId { get; private set; }
    public Guid ConceptNoteId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; }

    /// <summary>The countries covered, the submitting one first.</summary>
    public List<string> Countries { get; private set; } = [];
    public List<string> Organizations { get; private set; } = [];

    /// <summary>True while the ballot is open: a concept note is pending on one ballot at a time (a unique index says so).</summary>
    public bool IsPending { get; private set; }
    public DecisionOutcome? Outcome { get; private set; }

    internal void Decide(DecisionOutcome? outcome)
    {
        IsPending = false;
        Outcome = outcome;
    }
}

/// <summary>One member's part in a ballot: their votes and recusals, item by item.</summary>
public sealed class BallotPaper
{
    private readonly List<BallotVote> _votes = [];
    private readonly List<BallotRecusal> _recusals = [];

    private BallotPaper()
    {
        UserId = MemberName = ConstituencyCode = string.Empty;
    }

    internal BallotPaper(Guid ballotId, CommitteeMembership member) : this()
    {
        BallotId = ballotId;
        MembershipId = member.Id;
        UserId = member.UserId;
        MemberName = member.Name;
        ConstituencyCode = member.ConstituencyCode!;
        RepresentedName = member.RepresentedName;
        TermEnd = member.TermEnd;
        Version = Guid.NewGuid();
    }

    public Guid BallotId { get; private set; }
    public Guid MembershipId { get; private set; }
    public string UserId { get; private set; }
    public string MemberName { get; private set; }
    public string ConstituencyCode { get; private set; }
    public string? RepresentedName { get; private set; }

    /// <summary>The last day of the member's term as the ballot knows it: an early end while it is open moves it.</summary>
    public DateOnly TermEnd { get; private set; } = DateOnly.MaxValue;
    public DateTimeOffset? SealedAt { get; private set; }

    /// <summary>Changes with every vote, recusal and the seal: two writes on one paper cannot both land.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<BallotVote> Votes => _votes;
    public IReadOnlyList<BallotRecusal> Recusals => _recusals;

    public BallotVote? VoteOn(Guid conceptNoteId) => _votes.FirstOrDefault(v => v.ConceptNoteId == conceptNoteId);
    public BallotRecusal? RecusalOn(Guid conceptNoteId) => _recusals.FirstOrDefault(r => r.ConceptNoteId == conceptNoteId);

    internal BallotVote Vote(BallotItem item, VoteChoice choice, string? conditions, string? reason, string? comment,
        DateTimeOffset now)
    {
        if (RecusalOn(item.ConceptNoteId) is { } recusal)
            throw new DomainConflictException($"You are recused from this item and cannot vote on it: {recusal.Explanation}");
        var content = BallotVote.Validated(choice, conditions, reason, comment);
        var vote = VoteOn(item.ConceptNoteId);
        if (vote is null)
        {
            vote = new BallotVote(this, item.ConceptNoteId, content, now);
            _votes.Add(vote);
        }
        else vote.Change(content, now);

        Version = Guid.NewGuid();
        return vote;
    }

    internal BallotRecusal Recuse(Guid conceptNoteId, RecusalReason reason, string explanation, DateTimeOffset now)
    {
        var recusal = new BallotRecusal(this, conceptNoteId, reason, explanation, now);
        _recusals.Add(recusal);
        if (VoteOn(conceptNoteId) is { } withdrawn) _votes.Remove(withdrawn);
        Version = Guid.NewGuid();
        return recusal;
    }

    public bool ServesOn(DateOnly day) => day <= TermEnd;

    internal void EndTerm(DateOnly lastDay)
    {
        TermEnd = lastDay;
        Version = Guid.NewGuid();
    }

    internal void Seal(DateTimeOffset now)
    {
        SealedAt = now;
        Version = Guid.NewGuid();
    }
}

/// <summary>A vote's content, checked: conditions only with (and required for) approval with conditions, a reason for a rejection.</summary>
public sealed record VoteContent(VoteChoice Choice, string? Conditions, string? Reason, string? Comment);

/// <summary>
/// A member's vote on one item; changed in place until the ballot closes. The audit log records that it was cast or
/// changed, never its content: the vote is secret.
/// </summary>
public sealed class BallotVote
{
    public const int TextMaxLength = 4000;

    private BallotVote()
    {
    }

    internal BallotVote(BallotPaper paper, Guid conceptNoteId, VoteContent content, DateTimeOffset now)
    {
        BallotId = paper.BallotId;
        MembershipId = paper.MembershipId;
        ConceptNoteId = conceptNoteId;
        FirstCastAt = now;
        Apply(content, now);
    }

    public Guid BallotId { get; private set; }
    public Guid MembershipId { get; private set; }
    public Guid ConceptNoteId { get; private set; }
    [AuditWithheld]
    public VoteChoice Choice { get; private set; }
    [AuditWithheld]
    public string? Conditions { get; private set; }
    [AuditWithheld]
    public string? Reason { get; private set; }
    [AuditWithheld]
    public string? Comment { get; private set; }
    public DateTimeOffset FirstCastAt { get; private set; }
    public DateTimeOffset CastAt { get; private set; }

    /// <summary>How many times the member changed this vote.</summary>
    public int Changes { get; private set; }

    internal void Change(VoteContent content, DateTimeOffset now)
    {
        Apply(content, now);
        Changes++;
    }

    private void Apply(VoteContent content, DateTimeOffset now)
    {
        (Choice, Conditions, Reason, Comment) = (content.Choice, content.Conditions, content.Reason, content.Comment);
        CastAt = now;
    }

    public static VoteContent Validated(VoteChoice choice, string? conditions, string? reason, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(choice)) errors["choice"] = ["Unknown choice."];
        var cleanConditions = Clean(conditions, "conditions", errors);
        var cleanReason = Clean(reason, "reason", errors);
        var cleanComment = Clean(comment, "comment", errors);
        if (choice == VoteChoice.ApproveWithConditions && cleanConditions is null)
            errors.TryAdd("conditions", ["An approval with conditions states the conditions."]);
        if (choice != VoteChoice.ApproveWithConditions && cleanConditions is not null)
            errors.TryAdd("conditions", ["Conditions go with an approval with conditions only."]);
        if (choice == VoteChoice.Reject && cleanReason is null)
            errors.TryAdd("reason", ["A rejection gives its reason."]);
        if (choice != VoteChoice.Reject && cleanReason is not null)
            errors.TryAdd("reason", ["A reason goes with a rejection only; use 'comment' otherwise."]);
        if (errors.Count > 0) throw new InvalidChangeException(errors);
        return new VoteContent(choice, cleanConditions, cleanReason, cleanComment);
    }

    private static string? Clean(string? text, string field, Dictionary<string, string[]> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > TextMaxLength) errors[field] = [$"'{field}' must be {TextMaxLength} characters or fewer."];
        return trimmed;
    }
}

/// <summary>A member kept from voting on an item, automatically or by their own declaration; never lifted.</summary>
public sealed class BallotRecusal
{
    public const int ExplanationMaxLength = 2000;

    private BallotRecusal()
    {
        Explanation = string.Empty;
    }

    internal BallotRecusal(BallotPaper paper, Guid conceptNoteId, RecusalReason reason, string explanation, DateTimeOffset now)
        : this()
    {
        BallotId = paper.BallotId;
        MembershipId = paper.MembershipId;
        ConceptNoteId = conceptNoteId;
        Reason = reason;
        Explanation = explanation;
        RecordedAt = now;
    }

    public Guid BallotId { get; private set; }
    public Guid MembershipId { get; private set; }
    public Guid ConceptNoteId { get; private set; }
    public RecusalReason Reason { get; private set; }
    public string Explanation { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
