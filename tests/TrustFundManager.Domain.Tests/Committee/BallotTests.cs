using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests.Committee;

public sealed class BallotTests
{
    private const string Fmu = "fmu@un.org";
    private const int TermMonths = 36;

    private static readonly DateOnly TermStart = new(2025, 7, 1);
    private static readonly DateTimeOffset AppointedAt = new(2025, 6, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OpenedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = new(2026, 3, 16, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset VotingAt = new(2026, 3, 5, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosingAt = new(2026, 3, 16, 18, 0, 0, TimeSpan.Zero);

    private static readonly Constituency UnNetwork = new("un-network", "UN Network on Migration", 3);
    private static readonly Constituency Donors = new("donors", "Donors", 3);
    private static readonly Constituency Countries = new("countries", "Countries of origin, transit and destination", 3);
    private static readonly Constituency Stakeholders = new("stakeholders", "Stakeholders", 3);

    private static readonly BallotRule Consensus = new(DecisionRule.Consensus, 2, 3, true);
    private static readonly BallotRule Majority = new(DecisionRule.Majority, 2, 3, true);

    /// <summary>A note with no member's organization or government in it: nobody is recused.</summary>
    private static readonly BallotSubject Guatemala = new(new Guid("00000000-0000-0000-0000-00000000a001"),
        "Labour mobility in the Northern Triangle", ["GTM"], ["ILO", "UNICEF"]);

    /// <summary>Submitted by Mexico with IOM and UNICEF: the MEX and IOM members are recused.</summary>
    private static readonly BallotSubject Mexico = new(new Guid("00000000-0000-0000-0000-00000000a002"),
        "Safe and regular labour pathways in Mexico", ["MEX"], ["IOM", "UNICEF"]);

    /// <summary>A regional note submitted by Guatemala that covers Mexico.</summary>
    private static readonly BallotSubject Mesoamerica = new(new Guid("00000000-0000-0000-0000-00000000a003"),
        "Protection along the Mesoamerican corridor", ["GTM", "MEX"], ["UNHCR"]);

    private static readonly string[] Everyone =
        ["IOM", "OHCHR", "UNDP", "DEU", "NLD", "ESP", "MEX", "MAR", "BGD", "MMC", "SRM", "GCM"];

    /// <summary>Twelve serving members, three per constituency, keyed by whom they represent.</summary>
    private sealed class Committee
    {
        private readonly Dictionary<string, CommitteeMembership> _byKey = new();

        public Committee()
        {
            Add("IOM", UnNetwork, 1, Representation.OfOrganization("IOM", "International Organization for Migration"));
            Add("OHCHR", UnNetwork, 2, Representation.OfOrganization("OHCHR", "OHCHR"));
            Add("UNDP", UnNetwork, 3, Representation.OfOrganization("UNDP", "UNDP"));
            Add("DEU", Donors, 1, Representation.OfGovernment("DEU", "Germany"));
            Add("NLD", Donors, 2, Representation.OfGovernment("NLD", "the Netherlands"));
            Add("ESP", Donors, 3, Representation.OfGovernment("ESP", "Spain"));
            Add("MEX", Countries, 1, Representation.OfGovernment("MEX", "Mexico"));
            Add("MAR", Countries, 2, Representation.OfGovernment("MAR", "Morocco"));
            Add("BGD", Countries, 3, Representation.OfGovernment("BGD", "Bangladesh"));
            Add("MMC", Stakeholders, 1, Representation.OfBody("Mayors Migration Council"));
            Add("SRM", Stakeholders, 2, Representation.OfBody("Special Rapporteur on the human rights of migrants"));
            Add("GCM", Stakeholders, 3, Representation.OfBody("Global Coalition on Migration"));
        }

        public List<CommitteeMembership> Members { get; } = [];

        public CommitteeMembership this[string key] => _byKey[key];

        private void Add(string key, Constituency constituency, int seat, Representation represents)
        {
            var member = CommitteeMembership.Appoint($"user-{key.ToLowerInvariant()}", $"Member for {key}",
                CommitteeRole.Member, constituency, seat, represents, TermStart, null, TermMonths, Members, Fmu, AppointedAt);
            _byKey[key] = member;
            Members.Add(member);
        }
    }

    private static Ballot Open(Committee committee, BallotRule? rule = null, params BallotSubject[] subjects) =>
        Ballot.Open("Written procedure 2026/1", BallotKind.WrittenProcedure, Deadline,
            subjects.Length == 0 ? [Guatemala] : subjects, committee.Members, rule ?? Consensus, Fmu, OpenedAt);

    private static void Vote(Ballot ballot, Committee committee, VoteChoice choice, params string[] keys)
    {
        foreach (var key in keys)
            ballot.CastVote(committee[key], Guatemala.ConceptNoteId, choice,
                choice == VoteChoice.ApproveWithConditions ? $"Conditions of {key}" : null,
                choice == VoteChoice.Reject ? $"Reason of {key}" : null, null, VotingAt);
    }

    private static CommitteeDecision CloseOnGuatemala(Ballot ballot) =>
        Assert.Single(ballot.Close(ClosingAt), d => d.ConceptNoteId == Guatemala.ConceptNoteId);

    private static CommitteeMembership Outsider(string userId, CommitteeRole role, DateOnly start, DateOnly? end = null) =>
        CommitteeMembership.Appoint(userId, $"Person {userId}", role,
            role == CommitteeRole.Member ? new Constituency("academia", "Academia", 1) : null,
            role == CommitteeRole.Member ? 1 : null, Representation.OfBody($"Body of {userId}"), start, end, TermMonths, [],
            Fmu, AppointedAt);

    // ---- Opening ----

    [Fact]
    public void A_deadline_given_in_another_offset_is_kept_as_the_same_instant_in_UTC()
    {
        var inGeneva = Deadline.ToOffset(TimeSpan.FromHours(1));
        var ballot = Ballot.Open("Meeting 2026/2", BallotKind.Meeting, inGeneva, [Guatemala], new Committee().Members,
            Consensus, Fmu, OpenedAt);

        Assert.Equal(TimeSpan.Zero, ballot.Deadline.Offset);
        Assert.Equal(inGeneva, ballot.Deadline);
    }

    [Fact]
    public void Opening_gives_every_serving_member_a_paper_and_puts_each_note_on_the_ballot_in_order()
    {
        var committee = new Committee();

        var ballot = Open(committee, null, Guatemala, Mexico);

        Assert.Equal(BallotStatus.Open, ballot.Status);
        Assert.Equal(12, ballot.Papers.Count);
        Assert.Equal(committee.Members.Select(m => m.UserId).Order(), ballot.Papers.Select(p => p.UserId).Order());
        Assert.Equal([Guatemala.ConceptNoteId, Mexico.ConceptNoteId], ballot.Items.Select(i => i.ConceptNoteId));
        Assert.Equal([1, 2], ballot.Items.Select(i => i.Position));
        Assert.All(ballot.Items, i => Assert.True(i.IsPending));
        Assert.All(ballot.Items, i => Assert.Null(i.Outcome));
        Assert.All(ballot.Papers, p => Assert.Null(p.SealedAt));
        Assert.Equal(Consensus, ballot.Rule);
    }

    private static readonly Dictionary<string, Func<Committee, Ballot>> BrokenOpenings = new()
    {
        ["empty title"] = c => Ballot.Open("   ", BallotKind.Meeting, Deadline, [Guatemala], c.Members, Consensus, Fmu, OpenedAt),
        ["deadline in the past"] = c => Ballot.Open("Meeting", BallotKind.Meeting, OpenedAt.AddMinutes(-1), [Guatemala],
            c.Members, Consensus, Fmu, OpenedAt),
        ["deadline at the opening"] = c => Ballot.Open("Meeting", BallotKind.Meeting, OpenedAt, [Guatemala], c.Members,
            Consensus, Fmu, OpenedAt),
        ["deadline more than 90 days away"] = c => Ballot.Open("Meeting", BallotKind.Meeting,
            OpenedAt.AddDays(90).AddMinutes(1), [Guatemala], c.Members, Consensus, Fmu, OpenedAt),
        ["no items"] = c => Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [], c.Members, Consensus, Fmu, OpenedAt),
        ["duplicate items"] = c => Ballot.Open("Meeting", BallotKind.Meeting, Deadline,
            [Guatemala, Mexico, Guatemala with { Title = "Again" }], c.Members, Consensus, Fmu, OpenedAt),
    };

    public static TheoryData<string, string> BrokenOpeningRows() => new()
    {
        { "empty title", "title" },
        { "deadline in the past", "deadline" },
        { "deadline at the opening", "deadline" },
        { "deadline more than 90 days away", "deadline" },
        { "no items", "conceptNoteIds" },
        { "duplicate items", "conceptNoteIds" },
    };

    [Fact]
    public void Every_broken_opening_has_exactly_one_row() =>
        Assert.Equal(BrokenOpenings.Keys.Order(StringComparer.Ordinal),
            BrokenOpeningRows().Select(row => row.Data.Item1).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BrokenOpeningRows))]
    public void An_opening_that_breaks_a_rule_is_refused_naming_the_field(string breaker, string field)
    {
        var committee = new Committee();

        var refused = Assert.Throws<InvalidChangeException>(() => BrokenOpenings[breaker](committee));

        Assert.Equal([field], refused.Errors.Keys);
    }

    [Fact]
    public void A_deadline_exactly_90_days_away_is_accepted()
    {
        var ballot = Ballot.Open("Meeting", BallotKind.Meeting, OpenedAt.AddDays(90), [Guatemala], new Committee().Members,
            Consensus, Fmu, OpenedAt);

        Assert.Equal(OpenedAt.AddDays(90), ballot.Deadline);
    }

    [Fact]
    public void A_ballot_cannot_open_when_no_member_serves_that_day()
    {
        var chair = Outsider("chair", CommitteeRole.Chair, TermStart);
        var future = Outsider("future", CommitteeRole.Member, new DateOnly(2026, 3, 3));

        Assert.Throws<DomainConflictException>(() => Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [Guatemala],
            [chair, future], Consensus, Fmu, OpenedAt));
    }

    [Fact]
    public void Members_whose_term_does_not_cover_the_opening_day_get_no_paper()
    {
        var committee = new Committee();
        var endedTheDayBefore = Outsider("ended", CommitteeRole.Member, new DateOnly(2023, 3, 2), new DateOnly(2026, 3, 1));
        var startsTheDayAfter = Outsider("starts", CommitteeRole.Member, new DateOnly(2026, 3, 3));
        var startsThatDay = Outsider("started", CommitteeRole.Member, new DateOnly(2026, 3, 2));

        var ballot = Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [Guatemala],
            [.. committee.Members, endedTheDayBefore, startsTheDayAfter, startsThatDay], Consensus, Fmu, OpenedAt);

        Assert.Equal(13, ballot.Papers.Count);
        Assert.Null(ballot.PaperOf("ended"));
        Assert.Null(ballot.PaperOf("starts"));
        Assert.NotNull(ballot.PaperOf("started"));
    }

    [Fact]
    public void The_chair_and_attendees_get_no_paper()
    {
        var committee = new Committee();
        var chair = Outsider("chair", CommitteeRole.Chair, TermStart);
        var attendee = Outsider("mptf-office", CommitteeRole.Attendee, TermStart);

        var ballot = Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [Guatemala],
            [chair, .. committee.Members, attendee], Consensus, Fmu, OpenedAt);

        Assert.Equal(12, ballot.Papers.Count);
        Assert.Null(ballot.PaperOf("chair"));
        Assert.Null(ballot.PaperOf("mptf-office"));
    }

    // ---- Automatic recusal ----

    [Fact]
    public void The_submitting_government_and_a_participating_organization_are_recused_and_nobody_else()
    {
        var committee = new Committee();

        var ballot = Open(committee, null, Mexico);

        var recused = ballot.Papers.Where(p => p.Recusals.Count > 0).Select(p => p.UserId).Order().ToList();
        Assert.Equal(["user-iom", "user-mex"], recused);
        var mex = Assert.Single(ballot.PaperOf("user-mex")!.Recusals);
        Assert.Equal(RecusalReason.SubmittingGovernment, mex.Reason);
        Assert.Equal(Mexico.ConceptNoteId, mex.ConceptNoteId);
        Assert.Contains("submitted", mex.Explanation);
        var iom = Assert.Single(ballot.PaperOf("user-iom")!.Recusals);
        Assert.Equal(RecusalReason.ParticipatingOrganization, iom.Reason);
        Assert.Contains("International Organization for Migration", iom.Explanation);
    }

    [Fact]
    public void A_country_covered_by_a_regional_note_is_recused_too_for_its_own_reason()
    {
        var committee = new Committee();

        var ballot = Open(committee, null, Mesoamerica);

        var recusal = Assert.Single(ballot.Papers.SelectMany(p => p.Recusals));
        Assert.Equal(committee["MEX"].Id, recusal.MembershipId);
        Assert.Equal(RecusalReason.CoveredCountry, recusal.Reason);
        Assert.Contains("covers", recusal.Explanation);
    }

    [Fact]
    public void Recusal_applies_only_to_the_item_concerned()
    {
        var committee = new Committee();

        var ballot = Open(committee, null, Guatemala, Mexico);

        var paper = ballot.PaperOf("user-mex")!;
        Assert.NotNull(paper.RecusalOn(Mexico.ConceptNoteId));
        Assert.Null(paper.RecusalOn(Guatemala.ConceptNoteId));
        var vote = ballot.CastVote(committee["MEX"], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);
        Assert.Equal(VoteChoice.Approve, vote.Choice);
    }

    // ---- Casting votes ----

    [Fact]
    public void A_vote_is_recorded_on_the_members_paper()
    {
        var committee = new Committee();
        var ballot = Open(committee);

        var vote = ballot.CastVote(committee["DEU"], Guatemala.ConceptNoteId, VoteChoice.ApproveWithConditions,
            " Budget revised ", null, "Strong proposal.", VotingAt);

        Assert.Same(vote, ballot.PaperOf("user-deu")!.VoteOn(Guatemala.ConceptNoteId));
        Assert.Equal(VoteChoice.ApproveWithConditions, vote.Choice);
        Assert.Equal("Budget revised", vote.Conditions);
        Assert.Equal("Strong proposal.", vote.Comment);
        Assert.Equal(committee["DEU"].Id, vote.MembershipId);
        Assert.Equal(VotingAt, vote.CastAt);
        Assert.Equal(0, vote.Changes);
    }

    [Fact]
    public void A_recused_member_cannot_vote_and_is_told_why()
    {
        var committee = new Committee();
        var ballot = Open(committee, null, Mexico);
        var explanation = ballot.PaperOf("user-mex")!.RecusalOn(Mexico.ConceptNoteId)!.Explanation;

        var refused = Assert.Throws<DomainConflictException>(() =>
            ballot.CastVote(committee["MEX"], Mexico.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt));

        Assert.Contains(explanation, refused.Message);
        Assert.Empty(ballot.PaperOf("user-mex")!.Votes);
    }

    [Theory]
    [InlineData(VoteChoice.ApproveWithConditions, null, null, "conditions")]
    [InlineData(VoteChoice.ApproveWithConditions, "  ", null, "conditions")]
    [InlineData(VoteChoice.Reject, null, null, "reason")]
    [InlineData(VoteChoice.Reject, null, " ", "reason")]
    [InlineData(VoteChoice.Approve, "Revise the budget", null, "conditions")]
    [InlineData(VoteChoice.Abstain, "Revise the budget", null, "conditions")]
    [InlineData(VoteChoice.Approve, null, "Weak design", "reason")]
    [InlineData((VoteChoice)9, null, null, "choice")]
    public void A_vote_whose_content_breaks_a_rule_is_refused_naming_the_field(VoteChoice choice, string? conditions,
        string? reason, string field)
    {
        var committee = new Committee();
        var ballot = Open(committee);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            ballot.CastVote(committee["NLD"], Guatemala.ConceptNoteId, choice, conditions, reason, null, VotingAt));

        Assert.Equal([field], refused.Errors.Keys);
        Assert.Empty(ballot.PaperOf("user-nld")!.Votes);
    }

    [Fact]
    public void A_vote_at_the_deadline_is_a_conflict()
    {
        var committee = new Committee();
        var ballot = Open(committee);

        Assert.Throws<DomainConflictException>(() =>
            ballot.CastVote(committee["NLD"], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, Deadline));
        Assert.Empty(ballot.PaperOf("user-nld")!.Votes);
    }

    [Fact]
    public void A_vote_a_minute_before_the_deadline_counts()
    {
        var committee = new Committee();
        var ballot = Open(committee);

        ballot.CastVote(committee["NLD"], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null,
            Deadline.AddMinutes(-1));

        Assert.NotNull(ballot.PaperOf("user-nld")!.VoteOn(Guatemala.ConceptNoteId));
    }

    [Fact]
    public void A_vote_after_the_ballot_closed_is_a_conflict()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        ballot.Close(VotingAt);

        Assert.Throws<DomainConflictException>(() => ballot.CastVote(committee["NLD"], Guatemala.ConceptNoteId,
            VoteChoice.Approve, null, null, null, VotingAt.AddMinutes(5)));
        Assert.Empty(ballot.PaperOf("user-nld")!.Votes);
    }

    [Fact]
    public void A_member_without_a_paper_cannot_vote()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        var appointedAfterOpening = Outsider("late", CommitteeRole.Member, new DateOnly(2026, 3, 3));

        var refused = Assert.Throws<DomainConflictException>(() => ballot.CastVote(appointedAfterOpening,
            Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt));

        Assert.Contains("not a serving member when this ballot opened", refused.Message);
    }

    [Fact]
    public void A_member_whose_term_ended_cannot_vote()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        var esp = committee["ESP"];
        esp.EndEarly(new DateOnly(2026, 3, 3), "Replaced.", esp.Version, DateOnly.FromDateTime(OpenedAt.UtcDateTime));

        var refused = Assert.Throws<DomainConflictException>(() => ballot.CastVote(esp, Guatemala.ConceptNoteId,
            VoteChoice.Approve, null, null, null, VotingAt));

        Assert.Contains("2026-03-03", refused.Message);
        Assert.Empty(ballot.PaperOf("user-esp")!.Votes);
    }

    [Fact]
    public void A_vote_on_a_note_not_on_the_ballot_is_not_found()
    {
        var committee = new Committee();
        var ballot = Open(committee);

        Assert.Throws<NotFoundException>(() => ballot.CastVote(committee["NLD"], Mexico.ConceptNoteId,
            VoteChoice.Approve, null, null, null, VotingAt));
    }

    [Fact]
    public void Changing_a_vote_keeps_one_vote_with_the_new_choice_and_counts_the_change()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        var later = VotingAt.AddHours(2);

        ballot.CastVote(committee["MAR"], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);
        ballot.CastVote(committee["MAR"], Guatemala.ConceptNoteId, VoteChoice.Reject, null, "No exit strategy", null, later);

        var vote = Assert.Single(ballot.PaperOf("user-mar")!.Votes);
        Assert.Equal(VoteChoice.Reject, vote.Choice);
        Assert.Equal("No exit strategy", vote.Reason);
        Assert.Equal(1, vote.Changes);
        Assert.Equal(VotingAt, vote.FirstCastAt);
        Assert.Equal(later, vote.CastAt);
    }

    [Fact]
    public void Each_vote_changes_the_papers_version_but_not_the_ballots()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        var ballotVersion = ballot.Version;
        var paper = ballot.PaperOf("user-bgd")!;
        var other = ballot.PaperOf("user-mar")!;
        var opened = paper.Version;
        var untouched = other.Version;

        ballot.CastVote(committee["BGD"], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);
        var afterFirst = paper.Version;
        ballot.CastVote(committee["BGD"], Guatemala.ConceptNoteId, VoteChoice.Abstain, null, null, null, VotingAt);

        Assert.NotEqual(opened, afterFirst);
        Assert.NotEqual(afterFirst, paper.Version);
        Assert.Equal(untouched, other.Version);
        Assert.Equal(ballotVersion, ballot.Version);
    }

    // ---- Declared conflicts ----

    [Fact]
    public void Declaring_a_conflict_recuses_the_member_and_withdraws_their_vote()
    {
        var committee = new Committee();
        var ballot = Open(committee, null, Guatemala, Mexico);
        ballot.CastVote(committee["SRM"], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);
        ballot.CastVote(committee["SRM"], Mexico.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);

        var recusal = ballot.DeclareConflict(committee["SRM"], Guatemala.ConceptNoteId, " I advised the applicant. ",
            VotingAt.AddHours(1));

        var paper = ballot.PaperOf("user-srm")!;
        Assert.Equal(RecusalReason.DeclaredConflict, recusal.Reason);
        Assert.Equal("I advised the applicant.", recusal.Explanation);
        Assert.Same(recusal, paper.RecusalOn(Guatemala.ConceptNoteId));
        Assert.Null(paper.VoteOn(Guatemala.ConceptNoteId));
        Assert.NotNull(paper.VoteOn(Mexico.ConceptNoteId));
        var tally = ballot.TallyOf(ballot.ItemFor(Guatemala.ConceptNoteId)!);
        Assert.Equal(1, tally.Recused);
        Assert.Equal(11, tally.Eligible);
        Assert.Equal(0, tally.VotesCast);
    }

    [Fact]
    public void A_member_who_declared_a_conflict_can_no_longer_vote_on_the_item()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        ballot.DeclareConflict(committee["SRM"], Guatemala.ConceptNoteId, "I advised the applicant.", VotingAt);

        var refused = Assert.Throws<DomainConflictException>(() => ballot.CastVote(committee["SRM"],
            Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt));

        Assert.Contains("I advised the applicant.", refused.Message);
    }

    [Fact]
    public void A_second_declaration_on_the_same_item_is_a_conflict()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        ballot.DeclareConflict(committee["SRM"], Guatemala.ConceptNoteId, "I advised the applicant.", VotingAt);

        Assert.Throws<DomainConflictException>(() =>
            ballot.DeclareConflict(committee["SRM"], Guatemala.ConceptNoteId, "Again.", VotingAt));
        Assert.Single(ballot.PaperOf("user-srm")!.Recusals);
    }

    [Fact]
    public void A_member_recused_automatically_cannot_declare_a_conflict_on_the_same_item()
    {
        var committee = new Committee();
        var ballot = Open(committee, null, Mexico);

        Assert.Throws<DomainConflictException>(() =>
            ballot.DeclareConflict(committee["MEX"], Mexico.ConceptNoteId, "My ministry drafted it.", VotingAt));
        Assert.Equal(RecusalReason.SubmittingGovernment,
            Assert.Single(ballot.PaperOf("user-mex")!.Recusals).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_declaration_without_a_statement_is_refused(string statement)
    {
        var committee = new Committee();
        var ballot = Open(committee);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            ballot.DeclareConflict(committee["SRM"], Guatemala.ConceptNoteId, statement, VotingAt));

        Assert.Equal(["statement"], refused.Errors.Keys);
        Assert.Empty(ballot.PaperOf("user-srm")!.Recusals);
    }

    // ---- Turnout ----

    [Fact]
    public void Every_eligible_member_voted_only_once_each_non_recused_member_voted_on_every_item()
    {
        var committee = new Committee();
        var ballot = Open(committee, null, Guatemala, Mexico);
        Assert.False(ballot.EveryEligibleMemberVoted);

        foreach (var key in Everyone)
            ballot.CastVote(committee[key], Guatemala.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);
        foreach (var key in Everyone.Where(k => k is not "MEX" and not "IOM" and not "GCM"))
            ballot.CastVote(committee[key], Mexico.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);
        Assert.False(ballot.EveryEligibleMemberVoted);

        ballot.CastVote(committee["GCM"], Mexico.ConceptNoteId, VoteChoice.Abstain, null, null, null, VotingAt);
        Assert.True(ballot.EveryEligibleMemberVoted);
    }

    // ---- Closing under consensus ----

    [Fact]
    public void All_approve_under_consensus_approves()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Approve, Everyone);

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.True(decision.QuorumMet);
        Assert.Equal(12, decision.Approve);
        Assert.Equal(12, decision.VotesCast);
        Assert.Equal(DecisionOutcome.Approved, ballot.ItemFor(Guatemala.ConceptNoteId)!.Outcome);
        Assert.Empty(decision.Conditions);
        Assert.Empty(decision.RejectionReasons);
    }

    [Fact]
    public void One_approval_with_conditions_approves_with_the_conditions_recorded()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.ApproveWithConditions, "NLD");
        Vote(ballot, committee, VoteChoice.Approve, [.. Everyone.Where(k => k != "NLD")]);

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.ApprovedWithConditions, decision.Outcome);
        Assert.Equal(["Conditions of NLD"], decision.Conditions);
        Assert.Equal(1, decision.ApproveWithConditions);
        Assert.Equal(11, decision.Approve);
    }

    [Fact]
    public void A_reject_vote_under_consensus_rejects_with_the_reason_recorded()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Reject, "BGD");
        Vote(ballot, committee, VoteChoice.Approve, [.. Everyone.Where(k => k != "BGD")]);

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal(["Reason of BGD"], decision.RejectionReasons);
        Assert.Equal(1, decision.Reject);
        Assert.Contains("no consensus", decision.Rationale);
        Assert.Equal(DecisionGrounds.RejectedWithoutConsensus, decision.Grounds);
    }

    [Fact]
    public void Too_few_votes_defer_the_note()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "OHCHR", "DEU", "NLD", "MEX", "MAR", "MMC");

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        Assert.False(decision.QuorumMet);
        Assert.Equal(8, decision.QuorumRequired);
        Assert.Equal(7, decision.VotesCast);
        Assert.Contains("quorum was not met", decision.Rationale);
        Assert.Equal(DecisionGrounds.QuorumNotMet, decision.Grounds);
    }

    [Fact]
    public void Exactly_the_quorum_from_every_constituency_decides()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "OHCHR", "DEU", "NLD", "MEX", "MAR", "MMC", "SRM");

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.True(decision.QuorumMet);
        Assert.Equal(8, decision.VotesCast);
    }

    [Fact]
    public void Enough_votes_with_a_constituency_silent_defer_the_note_and_name_the_constituency()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "OHCHR", "UNDP", "DEU", "NLD", "ESP", "MEX", "MAR", "BGD");

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Deferred, decision.Outcome);
        Assert.False(decision.QuorumMet);
        Assert.Equal(9, decision.VotesCast);
        Assert.Contains("No member of stakeholders voted", decision.Rationale);
        Assert.Equal(DecisionGrounds.ConstituencyNotRepresented, decision.Grounds);
        Assert.DoesNotContain("donors", decision.Rationale);
    }

    [Fact]
    public void Without_the_every_constituency_rule_the_same_votes_decide()
    {
        var committee = new Committee();
        var ballot = Open(committee, Consensus with { QuorumRequiresEveryConstituency = false });
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "OHCHR", "UNDP", "DEU", "NLD", "ESP", "MEX", "MAR", "BGD");

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.True(decision.QuorumMet);
    }

    [Fact]
    public void Recused_members_are_not_eligible_and_lower_the_quorum()
    {
        var committee = new Committee();
        var ballot = Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [Mexico], committee.Members, Consensus, Fmu,
            OpenedAt);
        foreach (var key in new[] { "OHCHR", "DEU", "NLD", "MAR", "BGD", "MMC", "SRM" })
            ballot.CastVote(committee[key], Mexico.ConceptNoteId, VoteChoice.Approve, null, null, null, VotingAt);

        var decision = Assert.Single(ballot.Close(ClosingAt));

        Assert.Equal(10, decision.Eligible);
        Assert.Equal(2, decision.Recused);
        Assert.Equal(7, decision.QuorumRequired);
        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
    }

    // ---- Closing under majority ----

    [Fact]
    public void Five_approvals_against_four_rejections_approve_by_majority()
    {
        var committee = new Committee();
        var ballot = Open(committee, Majority);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "OHCHR", "UNDP", "DEU", "NLD");
        Vote(ballot, committee, VoteChoice.Reject, "ESP", "MEX", "MAR", "MMC");

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
        Assert.Equal(DecisionRule.Majority, decision.DecisionRule);
        Assert.Equal(4, decision.RejectionReasons.Count);
    }

    [Fact]
    public void A_tie_of_four_approvals_and_four_rejections_rejects_by_majority()
    {
        var committee = new Committee();
        var ballot = Open(committee, Majority);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "OHCHR", "DEU", "NLD");
        Vote(ballot, committee, VoteChoice.Reject, "MEX", "MAR", "MMC", "SRM");

        var decision = CloseOnGuatemala(ballot);

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.True(decision.QuorumMet);
    }

    [Fact]
    public void Abstentions_count_toward_the_quorum()
    {
        var committee = new Committee();
        var ballot = Open(committee, Majority);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "DEU", "MEX");
        Vote(ballot, committee, VoteChoice.Reject, "MAR", "MMC");
        Vote(ballot, committee, VoteChoice.Abstain, "OHCHR", "NLD", "SRM");

        var decision = CloseOnGuatemala(ballot);

        Assert.True(decision.QuorumMet);
        Assert.Equal(8, decision.VotesCast);
        Assert.Equal(3, decision.Abstain);
        Assert.Equal(DecisionOutcome.Approved, decision.Outcome);
    }

    [Fact]
    public void Abstentions_do_not_count_toward_the_majority()
    {
        var committee = new Committee();
        var ballot = Open(committee, Majority);
        Vote(ballot, committee, VoteChoice.Approve, "IOM", "DEU");
        Vote(ballot, committee, VoteChoice.Reject, "MAR", "MMC");
        Vote(ballot, committee, VoteChoice.Abstain, "OHCHR", "NLD", "BGD", "SRM");

        var decision = CloseOnGuatemala(ballot);

        Assert.True(decision.QuorumMet);
        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
    }

    [Fact]
    public void Under_consensus_a_ballot_of_abstentions_only_approves_nothing()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Abstain, Everyone);

        var decision = CloseOnGuatemala(ballot);

        Assert.True(decision.QuorumMet);
        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Contains("abstention", decision.Rationale);
        Assert.Equal(DecisionGrounds.EveryVoteAnAbstention, decision.Grounds);
    }

    // ---- The record of the decision ----

    [Fact]
    public void The_tally_by_constituency_sums_to_the_totals()
    {
        var committee = new Committee();
        var ballot = Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [Mexico], committee.Members, Majority, Fmu,
            OpenedAt);
        void Cast(string key, VoteChoice choice) => ballot.CastVote(committee[key], Mexico.ConceptNoteId, choice,
            choice == VoteChoice.ApproveWithConditions ? "Conditions" : null, choice == VoteChoice.Reject ? "Reason" : null,
            null, VotingAt);
        Cast("OHCHR", VoteChoice.Approve);
        Cast("UNDP", VoteChoice.ApproveWithConditions);
        Cast("DEU", VoteChoice.Approve);
        Cast("NLD", VoteChoice.Reject);
        Cast("MAR", VoteChoice.Abstain);
        Cast("MMC", VoteChoice.Approve);
        Cast("SRM", VoteChoice.Approve);

        var decision = Assert.Single(ballot.Close(ClosingAt));

        var tally = decision.Tally;
        Assert.Equal(["countries", "donors", "stakeholders", "un-network"], tally.Select(t => t.Constituency));
        Assert.All(tally, t => Assert.Equal(3, t.Voters));
        Assert.Equal(decision.Approve, tally.Sum(t => t.Approve));
        Assert.Equal(decision.ApproveWithConditions, tally.Sum(t => t.ApproveWithConditions));
        Assert.Equal(decision.Reject, tally.Sum(t => t.Reject));
        Assert.Equal(decision.Abstain, tally.Sum(t => t.Abstain));
        Assert.Equal(decision.Recused, tally.Sum(t => t.Recused));
        Assert.Equal(decision.Eligible, tally.Sum(t => t.Eligible));
        Assert.Equal(decision.VotesCast, tally.Sum(t => t.VotesCast));
        Assert.Equal((4, 1, 1, 1, 7, 2, 10), (decision.Approve, decision.ApproveWithConditions, decision.Reject,
            decision.Abstain, decision.VotesCast, decision.Recused, decision.Eligible));
        var countries = tally.Single(t => t.Constituency == "countries");
        Assert.Equal((1, 1, 1), (countries.Recused, countries.Abstain, countries.NotVoted));
    }

    [Fact]
    public void The_decision_records_the_recusals_with_the_members_names()
    {
        var committee = new Committee();
        var ballot = Ballot.Open("Meeting", BallotKind.Meeting, Deadline, [Mexico], committee.Members, Consensus, Fmu,
            OpenedAt);
        ballot.DeclareConflict(committee["GCM"], Mexico.ConceptNoteId, "Our member drafted it.", VotingAt);

        var decision = Assert.Single(ballot.Close(ClosingAt));

        var recusals = decision.Recusals.OrderBy(r => r.Member, StringComparer.Ordinal).ToList();
        Assert.Equal(["Member for GCM", "Member for IOM", "Member for MEX"], recusals.Select(r => r.Member));
        Assert.Equal(["stakeholders", "un-network", "countries"], recusals.Select(r => r.Constituency));
        Assert.Equal([RecusalReason.DeclaredConflict, RecusalReason.ParticipatingOrganization,
            RecusalReason.SubmittingGovernment], recusals.Select(r => r.Reason));
        Assert.Equal("Our member drafted it.", recusals[0].Explanation);
        Assert.Equal("MEX", decision.Country);
        Assert.Equal(Mexico.Title, decision.ConceptNoteTitle);
        Assert.Equal(ballot.Id, decision.BallotId);
    }

    [Fact]
    public void Closing_decides_each_item_on_its_own()
    {
        var committee = new Committee();
        var ballot = Open(committee, null, Guatemala, Mexico);
        Vote(ballot, committee, VoteChoice.Approve, Everyone);

        var decisions = ballot.Close(ClosingAt);

        Assert.Equal([Guatemala.ConceptNoteId, Mexico.ConceptNoteId], decisions.Select(d => d.ConceptNoteId));
        Assert.Equal([DecisionOutcome.Approved, DecisionOutcome.Deferred], decisions.Select(d => d.Outcome));
        Assert.All(ballot.Items, i => Assert.False(i.IsPending));
        Assert.Equal([DecisionOutcome.Approved, DecisionOutcome.Deferred], ballot.Items.Select(i => i.Outcome));
    }

    // ---- Closing and cancelling ----

    [Fact]
    public void Closing_seals_every_paper_and_changes_the_ballots_version()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        var version = ballot.Version;
        var paperVersion = ballot.PaperOf("user-iom")!.Version;

        ballot.Close(ClosingAt);

        Assert.Equal(BallotStatus.Closed, ballot.Status);
        Assert.Equal(ClosingAt, ballot.ClosedAt);
        Assert.NotEqual(version, ballot.Version);
        Assert.All(ballot.Papers, p => Assert.Equal(ClosingAt, p.SealedAt));
        Assert.NotEqual(paperVersion, ballot.PaperOf("user-iom")!.Version);
    }

    [Fact]
    public void Closing_twice_is_a_conflict()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        ballot.Close(ClosingAt);
        var version = ballot.Version;

        Assert.Throws<DomainConflictException>(() => ballot.Close(ClosingAt.AddMinutes(1)));
        Assert.Equal(ClosingAt, ballot.ClosedAt);
        Assert.Equal(version, ballot.Version);
    }

    [Fact]
    public void Cancelling_after_closing_is_a_conflict()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        Vote(ballot, committee, VoteChoice.Approve, Everyone);
        ballot.Close(ClosingAt);

        Assert.Throws<DomainConflictException>(() => ballot.Cancel(ClosingAt.AddMinutes(1)));
        Assert.Equal(BallotStatus.Closed, ballot.Status);
        Assert.Equal(DecisionOutcome.Approved, ballot.Items[0].Outcome);
    }

    [Fact]
    public void A_cancelled_ballot_leaves_its_notes_free_and_undecided()
    {
        var committee = new Committee();
        var ballot = Open(committee, null, Guatemala, Mexico);
        Vote(ballot, committee, VoteChoice.Approve, Everyone);

        ballot.Cancel(VotingAt.AddDays(1));

        Assert.Equal(BallotStatus.Cancelled, ballot.Status);
        Assert.Equal(VotingAt.AddDays(1), ballot.ClosedAt);
        Assert.All(ballot.Items, i => Assert.False(i.IsPending));
        Assert.All(ballot.Items, i => Assert.Null(i.Outcome));
        Assert.All(ballot.Papers, p => Assert.Equal(VotingAt.AddDays(1), p.SealedAt));
    }

    [Fact]
    public void A_cancelled_ballot_cannot_be_closed_or_take_votes()
    {
        var committee = new Committee();
        var ballot = Open(committee);
        ballot.Cancel(VotingAt);

        Assert.Throws<DomainConflictException>(() => ballot.Close(ClosingAt));
        Assert.Throws<DomainConflictException>(() => ballot.CastVote(committee["IOM"], Guatemala.ConceptNoteId,
            VoteChoice.Approve, null, null, null, VotingAt.AddMinutes(1)));
    }

    // ---- Quorum ----

    [Theory]
    [InlineData(12, 8)]
    [InlineData(11, 8)]
    [InlineData(10, 7)]
    [InlineData(9, 6)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    public void The_two_thirds_quorum_rounds_up_and_is_never_below_one(int eligible, int quorum) =>
        Assert.Equal(quorum, Consensus.QuorumFor(eligible));
}
