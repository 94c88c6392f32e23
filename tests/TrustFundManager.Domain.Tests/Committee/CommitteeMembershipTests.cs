using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests.Committee;

public sealed class CommitteeMembershipTests
{
    private const string Fmu = "fmu@un.org";
    private const int TermMonths = 36;
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly LastDayOfFullTerm = new(2028, 12, 31);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A day before the term starts, when it may still be cancelled.</summary>
    private static readonly DateOnly BeforeTheStart = Start.AddDays(-10);

    private static readonly Constituency Donors = new("donors", "Donors", 3);
    private static readonly Constituency Countries = new("countries", "Countries of origin, transit and destination", 3);
    private static readonly Representation Germany = Representation.OfGovernment("DEU", "Germany");
    private static readonly Representation Spain = Representation.OfGovernment("ESP", "Spain");
    private static readonly Representation Coordinator = Representation.OfOrganization("IOM", "IOM");

    private static CommitteeMembership Appoint(string userId = "deu-delegate", CommitteeRole role = CommitteeRole.Member,
        Constituency? constituency = null, int? seat = 1, Representation? represents = null, DateOnly? start = null,
        DateOnly? end = null, IReadOnlyCollection<CommitteeMembership>? others = null) =>
        CommitteeMembership.Appoint(userId, $"Delegate {userId}", role,
            role == CommitteeRole.Member ? constituency ?? Donors : constituency, seat, represents ?? Germany,
            start ?? Start, end, TermMonths, others ?? [], Fmu, Now);

    // ---- Seats and roles ----

    [Fact]
    public void A_member_takes_a_numbered_seat_of_a_constituency()
    {
        var member = Appoint(seat: 2);

        Assert.Equal("donors", member.ConstituencyCode);
        Assert.Equal(2, member.Seat);
        Assert.Equal(CommitteeRole.Member, member.Role);
        Assert.True(member.Votes);
        Assert.Equal(Germany, member.Represents);
    }

    [Fact]
    public void A_member_without_a_constituency_is_refused()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => CommitteeMembership.Appoint("deu-delegate", "Anna",
            CommitteeRole.Member, null, 1, Germany, Start, null, TermMonths, [], Fmu, Now));

        Assert.Equal(["constituency"], refused.Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4)]
    public void A_member_needs_a_seat_between_one_and_the_constituencys_seats(int? seat)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Appoint(seat: seat));

        Assert.Equal(["seat"], refused.Errors.Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_first_and_last_seats_of_a_constituency_can_be_taken(int seat) =>
        Assert.Equal(seat, Appoint(seat: seat).Seat);

    [Theory]
    [InlineData(CommitteeRole.Chair)]
    [InlineData(CommitteeRole.Attendee)]
    public void The_chair_or_an_attendee_with_a_seat_is_refused(CommitteeRole role)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Appoint(role: role, seat: 1));

        Assert.Equal(["seat"], refused.Errors.Keys);
    }

    [Theory]
    [InlineData(CommitteeRole.Chair)]
    [InlineData(CommitteeRole.Attendee)]
    public void The_chair_or_an_attendee_with_a_constituency_is_refused(CommitteeRole role)
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Appoint(role: role, constituency: Donors, seat: null));

        Assert.Equal(["seat"], refused.Errors.Keys);
    }

    [Theory]
    [InlineData(CommitteeRole.Chair)]
    [InlineData(CommitteeRole.Attendee)]
    public void The_chair_and_attendees_hold_no_seat_and_do_not_vote(CommitteeRole role)
    {
        var appointed = Appoint(role: role, seat: null, represents: Coordinator);

        Assert.Equal(role, appointed.Role);
        Assert.Null(appointed.ConstituencyCode);
        Assert.Null(appointed.Seat);
        Assert.False(appointed.Votes);
    }

    // ---- Terms ----

    [Fact]
    public void Without_an_end_the_term_lasts_the_fund_term_length_less_one_day()
    {
        var member = Appoint();

        Assert.Equal(Start, member.TermStart);
        Assert.Equal(LastDayOfFullTerm, member.TermEnd);
    }

    [Fact]
    public void A_term_starting_mid_month_ends_the_day_before_the_same_date_years_later()
    {
        var member = Appoint(start: new DateOnly(2026, 3, 15));

        Assert.Equal(new DateOnly(2029, 3, 14), member.TermEnd);
    }

    [Fact]
    public void An_explicit_end_within_the_term_length_is_kept()
    {
        var member = Appoint(end: new DateOnly(2027, 6, 30));

        Assert.Equal(new DateOnly(2027, 6, 30), member.TermEnd);
    }

    [Fact]
    public void An_explicit_end_on_the_last_day_of_the_term_length_is_accepted() =>
        Assert.Equal(LastDayOfFullTerm, Appoint(end: LastDayOfFullTerm).TermEnd);

    [Fact]
    public void An_explicit_end_beyond_the_term_length_is_refused()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Appoint(end: LastDayOfFullTerm.AddDays(1)));

        Assert.Equal(["termEnd"], refused.Errors.Keys);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var refused = Assert.Throws<InvalidChangeException>(() => Appoint(end: Start.AddDays(-1)));

        Assert.Equal(["termEnd"], refused.Errors.Keys);
    }

    [Fact]
    public void A_one_day_term_is_accepted()
    {
        var member = Appoint(end: Start);

        Assert.Equal(Start, member.TermEnd);
        Assert.True(member.ServesOn(Start));
    }

    // ---- Seats over time ----

    [Fact]
    public void A_seat_held_by_someone_else_during_an_overlapping_term_is_a_conflict()
    {
        var holder = Appoint(userId: "deu-delegate", seat: 2, represents: Germany);

        var refused = Assert.Throws<DomainConflictException>(() => Appoint(userId: "esp-delegate", seat: 2,
            represents: Spain, start: new DateOnly(2028, 6, 1), others: [holder]));

        Assert.Equal(["seat"], refused.Errors.Keys);
        Assert.Contains(holder.Name, refused.Message);
    }

    [Fact]
    public void A_seat_starting_on_the_last_day_of_the_previous_term_is_still_taken()
    {
        var holder = Appoint(userId: "deu-delegate", seat: 2);

        var refused = Assert.Throws<DomainConflictException>(() => Appoint(userId: "esp-delegate", seat: 2,
            represents: Spain, start: holder.TermEnd, others: [holder]));

        Assert.Equal(["seat"], refused.Errors.Keys);
    }

    [Fact]
    public void The_same_seat_after_the_previous_term_ends_is_accepted()
    {
        var holder = Appoint(userId: "deu-delegate", seat: 2);

        var successor = Appoint(userId: "esp-delegate", seat: 2, represents: Spain, start: holder.TermEnd.AddDays(1),
            others: [holder]);

        Assert.Equal(2, successor.Seat);
        Assert.Equal(new DateOnly(2029, 1, 1), successor.TermStart);
        Assert.Equal(new DateOnly(2031, 12, 31), successor.TermEnd);
    }

    [Fact]
    public void A_seat_freed_by_an_early_end_can_be_taken_from_the_next_day()
    {
        var holder = Appoint(userId: "deu-delegate", seat: 2);
        holder.EndEarly(new DateOnly(2026, 12, 31), "Resigned.", holder.Version, Today);

        var successor = Appoint(userId: "esp-delegate", seat: 2, represents: Spain, start: new DateOnly(2027, 1, 1),
            others: [holder]);

        Assert.Equal(new DateOnly(2027, 1, 1), successor.TermStart);
    }

    [Fact]
    public void The_same_seat_number_of_another_constituency_is_free()
    {
        var holder = Appoint(userId: "deu-delegate", constituency: Donors, seat: 1);

        var other = Appoint(userId: "mex-delegate", constituency: Countries, seat: 1,
            represents: Representation.OfGovernment("MEX", "Mexico"), others: [holder]);

        Assert.Equal("countries", other.ConstituencyCode);
        Assert.Equal(1, other.Seat);
    }

    [Fact]
    public void The_same_person_with_two_overlapping_places_is_a_conflict()
    {
        var first = Appoint(userId: "deu-delegate", seat: 1);

        var refused = Assert.Throws<DomainConflictException>(() => Appoint(userId: "deu-delegate", seat: 3,
            start: new DateOnly(2027, 1, 1), others: [first]));

        Assert.Equal(["userId"], refused.Errors.Keys);
    }

    [Fact]
    public void A_member_cannot_also_attend_during_their_term()
    {
        var first = Appoint(userId: "deu-delegate", seat: 1);

        var refused = Assert.Throws<DomainConflictException>(() => Appoint(userId: "deu-delegate",
            role: CommitteeRole.Attendee, seat: null, others: [first]));

        Assert.Equal(["userId"], refused.Errors.Keys);
    }

    [Fact]
    public void The_same_person_may_serve_a_second_consecutive_term()
    {
        var first = Appoint(userId: "deu-delegate", seat: 1);

        var second = Appoint(userId: "deu-delegate", seat: 1, start: first.TermEnd.AddDays(1), others: [first]);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(new DateOnly(2029, 1, 1), second.TermStart);
    }

    // ---- Serving ----

    [Fact]
    public void A_member_serves_from_the_first_to_the_last_day_of_the_term_inclusive()
    {
        var member = Appoint(end: new DateOnly(2026, 6, 30));

        Assert.False(member.ServesOn(new DateOnly(2025, 12, 31)));
        Assert.True(member.ServesOn(new DateOnly(2026, 1, 1)));
        Assert.True(member.ServesOn(new DateOnly(2026, 3, 15)));
        Assert.True(member.ServesOn(new DateOnly(2026, 6, 30)));
        Assert.False(member.ServesOn(new DateOnly(2026, 7, 1)));
    }

    // ---- Ending early ----

    [Fact]
    public void Ending_early_on_a_stale_version_is_a_conflict()
    {
        var member = Appoint();
        var readBefore = member.Version;
        member.EndEarly(new DateOnly(2027, 12, 31), "Replaced by the capital.", readBefore, Today);

        Assert.Throws<DomainConflictException>(() =>
            member.EndEarly(new DateOnly(2027, 6, 30), "Resigned.", readBefore, Today));
        Assert.Equal(new DateOnly(2027, 12, 31), member.TermEnd);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Ending_early_requires_a_reason(string? reason)
    {
        var member = Appoint();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            member.EndEarly(new DateOnly(2027, 6, 30), reason!, member.Version, Today));

        Assert.Equal(["reason"], refused.Errors.Keys);
        Assert.Equal(LastDayOfFullTerm, member.TermEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_last_day_of_an_early_end_must_come_before_the_planned_end(int daysAfterPlannedEnd)
    {
        var member = Appoint();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            member.EndEarly(LastDayOfFullTerm.AddDays(daysAfterPlannedEnd), "Resigned.", member.Version, Today));

        Assert.Equal(["lastDay"], refused.Errors.Keys);
        Assert.Equal(LastDayOfFullTerm, member.TermEnd);
        Assert.Null(member.EndReason);
    }

    [Fact]
    public void An_early_end_cannot_come_more_than_a_day_before_the_term_starts()
    {
        var member = Appoint();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            member.EndEarly(Start.AddDays(-2), "Appointed in error.", member.Version, BeforeTheStart));

        Assert.Equal(["lastDay"], refused.Errors.Keys);
    }

    [Fact]
    public void An_early_end_on_the_day_before_the_start_cancels_the_term()
    {
        var member = Appoint();

        member.EndEarly(Start.AddDays(-1), "Appointed in error.", member.Version, BeforeTheStart);

        Assert.False(member.ServesOn(Start));
    }

    [Fact]
    public void After_an_early_end_the_member_serves_through_the_last_day_and_not_after()
    {
        var member = Appoint();
        var version = member.Version;
        var lastDay = new DateOnly(2027, 4, 30);

        member.EndEarly(lastDay, "  Resigned on appointment as ambassador.  ", version, Today);

        Assert.Equal(lastDay, member.TermEnd);
        Assert.Equal("Resigned on appointment as ambassador.", member.EndReason);
        Assert.NotEqual(version, member.Version);
        Assert.True(member.ServesOn(lastDay));
        Assert.False(member.ServesOn(lastDay.AddDays(1)));
    }

    [Fact]
    public void A_constituencys_seats_are_never_cut_below_a_seat_someone_holds()
    {
        var constituency = new Constituency("donors", "Donors", 3);
        var third = Appoint(userId: "esp-delegate", constituency: constituency, seat: 3);

        var refused = Assert.Throws<DomainConflictException>(() => constituency.Change("Donors", null, 2, [third]));

        Assert.Contains(third.Name, refused.Message);
        Assert.Equal(3, constituency.Seats);
        constituency.Change("Donors", null, 2, []);
        Assert.Equal(2, constituency.Seats);
    }
}
