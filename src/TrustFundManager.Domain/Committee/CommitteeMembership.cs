using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Committee;

/// <summary>How a person sits on the Steering Committee.</summary>
public enum CommitteeRole
{
    /// <summary>Holds a constituency's seat for a term and votes.</summary>
    Member,

    /// <summary>Chairs the committee (the Network's Coordinator); holds no seat and does not vote.</summary>
    Chair,

    /// <summary>Attends without a vote: the Administrative Agent and the FMU.</summary>
    Attendee,
}

/// <summary>Whom a person on the committee speaks for.</summary>
public enum RepresentationKind
{
    /// <summary>A UN organization of the fund's reference data (its code).</summary>
    Organization,

    /// <summary>A government (its country, ISO 3166-1 alpha-3).</summary>
    Government,

    /// <summary>Any other body, by name: a city network, a special procedure, a civil-society coalition.</summary>
    Body,
}

/// <summary>Who a membership speaks for; exactly one of the organization, the country and the body is set.</summary>
public sealed record Representation(RepresentationKind Kind, string Code, string Name)
{
    public static Representation OfOrganization(string code, string name) => new(RepresentationKind.Organization, code, name);
    public static Representation OfGovernment(string alpha3, string name) => new(RepresentationKind.Government, alpha3, name);
    public static Representation OfBody(string name) => new(RepresentationKind.Body, name, name);
}

/// <summary>
/// One person's term on the Steering Committee: a seat of a constituency from a start to an end date (both days
/// included), or the chair's or an attendee's place, which holds no seat. A new term is a new membership, so past
/// compositions stay as they were.
/// </summary>
public sealed class CommitteeMembership
{
    public const int NameMaxLength = 200;
    public const int UserIdMaxLength = 200;
    public const int RepresentsMaxLength = 200;
    public const int EndReasonMaxLength = 1000;

    private CommitteeMembership()
    {
        UserId = Name = RepresentedName = RepresentedCode = CreatedBy = string.Empty;
    }

    private CommitteeMembership(Guid id, string userId, string name, CommitteeRole role, string? constituency,
        int? seat, Representation represents, DateOnly termStart, DateOnly termEnd, string actor, DateTimeOffset now)
        : this()
    {
        Id = id;
        UserId = userId;
        Name = name;
        Role = role;
        ConstituencyCode = constituency;
        Seat = seat;
        RepresentedKind = represents.Kind;
        RepresentedCode = represents.Code;
        RepresentedName = represents.Name;
        TermStart = termStart;
        TermEnd = termEnd;
        CreatedBy = actor;
        CreatedAt = now;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }

    /// <summary>The person's sign-in id (Entra ID object id), which links their votes and tasks to the seat.</summary>
    public string UserId { get; private set; }
    public string Name { get; private set; }
    public CommitteeRole Role { get; private set; }

    /// <summary>The constituency whose seat a member holds; none for the chair and attendees.</summary>
    public string? ConstituencyCode { get; private set; }

    /// <summary>The seat's number within its constituency, from 1 to the constituency's seats.</summary>
    public int? Seat { get; private set; }
    public RepresentationKind RepresentedKind { get; private set; }

    /// <summary>The organization's code, the country's alpha-3 code, or the body's name.</summary>
    public string RepresentedCode { get; private set; }
    public string RepresentedName { get; private set; }
    public DateOnly TermStart { get; private set; }

    /// <summary>The last day of the term, included.</summary>
    public DateOnly TermEnd { get; private set; }

    /// <summary>Why the term ended before its planned end (resignation, replacement), when it did.</summary>
    public string? EndReason { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid Version { get; private set; }

    public Representation Represents => new(RepresentedKind, RepresentedCode, RepresentedName);

    public bool Votes => Role == CommitteeRole.Member;

    public bool ServesOn(DateOnly day) => TermStart <= day && day <= TermEnd;

    public bool Overlaps(DateOnly start, DateOnly end) => TermStart <= end && start <= TermEnd;

    /// <summary>
    /// Appoints someone for a term. A member takes a seat of a constituency that no one else holds during the term;
    /// the chair and attendees take none. No person holds two overlapping places.
    /// </summary>
    /// <param name="others">The seat's holders and the person's own terms (those that do not overlap are ignored).</param>
    public static CommitteeMembership Appoint(string userId, string name, CommitteeRole role, Constituency? constituency,
        int? seat, Representation represents, DateOnly termStart, DateOnly? termEnd, int termMonths,
        IReadOnlyCollection<CommitteeMembership> others, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string error) => errors.TryAdd(field, [error]);

        var cleanUserId = userId?.Trim() ?? "";
        if (cleanUserId.Length == 0) Fail("userId", "The person's sign-in id is required.");
        else if (cleanUserId.Length > UserIdMaxLength) Fail("userId", $"'userId' must be {UserIdMaxLength} characters or fewer.");
        var cleanName = name?.Trim() ?? "";
        if (cleanName.Length == 0) Fail("name", "The person's name is required.");
        else if (cleanName.Length > NameMaxLength) Fail("name", $"'name' must be {NameMaxLength} characters or fewer.");
        if (!Enum.IsDefined(role)) Fail("role", "Unknown committee role.");

        var end = termEnd ?? termStart.AddMonths(termMonths).AddDays(-1);
        if (end < termStart) Fail("termEnd", "The term cannot end before it starts.");
        else if (end > termStart.AddMonths(termMonths).AddDays(-1))
            Fail("termEnd", $"A term lasts at most {termMonths} months (the fund's setting).");

        if (role == CommitteeRole.Member)
        {
            if (constituency is null) Fail("constituency", "A member holds a seat of a constituency.");
            else if (seat is null) Fail("seat", "A member holds a numbered seat of the constituency.");
            else if (seat < 1 || seat > constituency.Seats)
                Fail("seat", $"The constituency '{constituency.Code}' has seats 1 to {constituency.Seats}.");
        }
        else if (constituency is not null || seat is not null)
            Fail("seat", "The chair and attendees hold no seat: give no constituency or seat.");

        if (errors.Count > 0) throw new InvalidChangeException(errors);

        var holder = others.FirstOrDefault(o => o.Role == CommitteeRole.Member && role == CommitteeRole.Member &&
                                                 o.ConstituencyCode == constituency!.Code && o.Seat == seat &&
                                                 o.Overlaps(termStart, end));
        if (holder is not null)
            throw new DomainConflictException(
                $"Seat {seat} of '{constituency!.Code}' is held by {holder.Name} from {holder.TermStart:yyyy-MM-dd} to " +
                $"{holder.TermEnd:yyyy-MM-dd}; a constituency holds no more members than seats.",
                new Dictionary<string, string[]> { ["seat"] = ["The seat is taken during this term."] });
        var own = others.FirstOrDefault(o => o.UserId == cleanUserId && o.Overlaps(termStart, end));
        if (own is not null)
            throw new DomainConflictException(
                $"{own.Name} already sits on the committee from {own.TermStart:yyyy-MM-dd} to {own.TermEnd:yyyy-MM-dd}.",
                new Dictionary<string, string[]> { ["userId"] = ["The person already has a place during this term."] });

        return new CommitteeMembership(Guid.CreateVersion7(now), cleanUserId, cleanName, role, constituency?.Code, seat,
            represents, termStart, end, actor, now);
    }

    /// <summary>
    /// Ends the term early (a resignation, a replacement); <paramref name="lastDay"/> is its last day, today at the
    /// earliest: a term is never ended in the past, which would rewrite who could vote on ballots already run. A term
    /// that has not started may still be cancelled (its last day the day before it starts).
    /// </summary>
    public void EndEarly(DateOnly lastDay, string reason, Guid basedOnVersion, DateOnly today)
    {
        if (basedOnVersion != Version)
            throw DomainConflictException.StaleVersion("The membership was changed since you read it; read it again.", Version);
        var cleanReason = Text.Required(reason, "reason", EndReasonMaxLength);
        if (lastDay < TermStart.AddDays(-1))
            throw new InvalidChangeException("lastDay", "The last day cannot be before the term starts (the day before it cancels the term).");
        if (lastDay < today)
            throw new InvalidChangeException("lastDay", $"A term cannot end in the past: the earliest last day is today, {today:yyyy-MM-dd}.");
        if (lastDay >= TermEnd)
            throw new InvalidChangeException("lastDay", $"The term already ends on {TermEnd:yyyy-MM-dd}; an early end comes before it.");
        TermEnd = lastDay;
        EndReason = cleanReason;
        Version = Guid.NewGuid();
    }
}
