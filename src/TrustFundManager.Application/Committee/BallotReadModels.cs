using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Application.Committee;

public sealed record BallotRuleResponse(DecisionRule DecisionRule, int QuorumNumerator, int QuorumDenominator,
    bool QuorumRequiresEveryConstituency);

/// <summary>The caller's own part in an item: their vote, or why they are recused.</summary>
public sealed record MyVoteResponse(VoteChoice Choice, string? Conditions, string? Reason, string? Comment,
    DateTimeOffset CastAt, int Changes);

public sealed record RecusalResponse(string Member, string Constituency, RecusalReason Reason, string Explanation,
    DateTimeOffset RecordedAt);

/// <summary>
/// The count on one item. While the ballot is open the FMU gets the turnout only: the choices and the breakdown by
/// constituency are null until it closes, and then published as <see cref="TallyPublication"/> allows.
/// </summary>
public sealed record ItemTallyResponse(int Eligible, int Recused, int VotesCast, int NotVoted, int? Approve,
    int? ApproveWithConditions, int? Reject, int? Abstain, int QuorumRequired,
    IReadOnlyList<PublishedConstituencyTally>? ByConstituency);

public sealed record BallotItemResponse(
    Guid ConceptNoteId,
    int Position,
    string Title,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Organizations,
    string ConceptNoteHref,
    string VoteHref,
    DecisionOutcome? Outcome,
    MyVoteResponse? MyVote,
    RecusalResponse? MyRecusal,
    IReadOnlyList<RecusalResponse>? Recusals,
    ItemTallyResponse? Tally,
    Guid? DecisionId);

/// <summary>Who holds a paper and how far they got; for the FMU, which chases the members who have not voted.</summary>
public sealed record VoterResponse(string Member, string Constituency, int ItemsVoted, int ItemsRecused, int ItemsLeft);

public sealed record BallotResponse(
    Guid Id,
    string Title,
    BallotKind Kind,
    BallotStatus Status,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset Deadline,
    DateTimeOffset? ClosedAt,
    BallotRuleResponse Rule,
    int Voters,
    bool IsVoter,
    IReadOnlyList<BallotItemResponse> Items,
    IReadOnlyList<VoterResponse>? Participation,
    IReadOnlyList<string> AllowedActions,
    Guid WorkflowInstanceId,
    string Href);

public sealed record BallotSummaryResponse(Guid Id, string Title, BallotKind Kind, BallotStatus Status, DateTimeOffset OpenedAt,
    DateTimeOffset Deadline, DateTimeOffset? ClosedAt, int Items, string Href);

public sealed record BallotPage(IReadOnlyList<BallotSummaryResponse> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// What a ballot shows to whom, the one place that decides it. Until it closes a member sees only their own votes; the
/// FMU sees who has voted and how many votes are in (to chase the others), never a breakdown by choice; an
/// administrator sees none of it. Once closed, everyone who reads ballots sees the tallies and recusals in the form
/// the committee publishes them: a constituency too small to keep its members' votes secret shows no choices.
/// </summary>
internal static class BallotViews
{
    public static string NotFoundMessage(Guid id) => $"No ballot has the id {id}.";

    /// <summary>The ballot <paramref name="instance"/> drives, as <paramref name="actor"/> may see it.</summary>
    /// <exception cref="NotFoundException">The ballot itself is missing.</exception>
    public static async Task<BallotResponse> DescribeAsync(WorkflowInstance instance, WorkflowActor actor,
        TrustFundDbContext db, WorkflowEngine engine, DateTimeOffset now, CancellationToken ct)
    {
        var minimumCell = await db.FundSettings.AsNoTracking().Select(s => s.MinimumPublishedTallyCell).SingleAsync(ct);
        var id = instance.SubjectId;
        var ballot = await db.Ballots.AsNoTracking().WithPapers().SingleOrDefaultAsync(b => b.Id == id, ct)
                     ?? throw new NotFoundException(NotFoundMessage(id));
        var decisions = await db.CommitteeDecisions.AsNoTracking().Where(d => d.BallotId == id)
            .ToDictionaryAsync(d => d.ConceptNoteId, d => d.Id, ct);
        var actions = (await engine.AvailableActionsAsync(instance, actor, ct)).Select(a => a.Action.Name).ToList();

        var paper = ballot.PaperOf(actor.UserId);
        // A cancelled ballot decided nothing, so it publishes nothing: like an open one, its choices stay sealed.
        var sealedVotes = ballot.Status != BallotStatus.Closed;
        var runsBallots = actor.Holds(AccessPolicies.RunBallots);
        var showTallies = !sealedVotes || runsBallots;
        var items = ballot.Items.OrderBy(i => i.Position).Select(item =>
        {
            var vote = paper?.VoteOn(item.ConceptNoteId);
            var recusal = paper?.RecusalOn(item.ConceptNoteId);
            return new BallotItemResponse(item.ConceptNoteId, item.Position, item.Title, item.Countries, item.Organizations,
                CommitteeLinks.ConceptNote(item.ConceptNoteId),
                $"{CommitteeLinks.Ballot(id)}/items/{item.ConceptNoteId}/vote",
                item.Outcome,
                vote is null ? null : new MyVoteResponse(vote.Choice, vote.Conditions, vote.Reason, vote.Comment, vote.CastAt, vote.Changes),
                recusal is null ? null : Recusal(paper!, recusal),
                showTallies ? RecusalsOn(ballot, item) : null,
                showTallies ? Tally(ballot, item, sealedVotes, minimumCell, now) : null,
                decisions.TryGetValue(item.ConceptNoteId, out var decisionId) ? decisionId : null);
        }).ToList();

        var participation = runsBallots
            ? ballot.Papers.OrderBy(p => p.ConstituencyCode).ThenBy(p => p.MemberName).Select(p =>
            {
                var voted = ballot.Items.Count(i => p.VoteOn(i.ConceptNoteId) is not null);
                var recused = ballot.Items.Count(i => p.RecusalOn(i.ConceptNoteId) is not null);
                return new VoterResponse(p.MemberName, p.ConstituencyCode, voted, recused, ballot.Items.Count - voted - recused);
            }).ToList()
            : null;

        return new BallotResponse(ballot.Id, ballot.Title, ballot.Kind, ballot.Status, ballot.OpenedAt, ballot.OpenedBy,
            ballot.Deadline, ballot.ClosedAt,
            new BallotRuleResponse(ballot.DecisionRule, ballot.QuorumNumerator, ballot.QuorumDenominator,
                ballot.QuorumRequiresEveryConstituency),
            ballot.Papers.Count, paper is not null, items, participation, actions, instance.Id, CommitteeLinks.Ballot(id));
    }

    private static ItemTallyResponse Tally(Ballot ballot, BallotItem item, bool sealedVotes, int minimumCell,
        DateTimeOffset now)
    {
        var tally = ballot.TallyOf(item, DateOnly.FromDateTime((ballot.ClosedAt ?? now).UtcDateTime));
        var quorum = ballot.Rule.QuorumFor(tally.Eligible);
        if (sealedVotes)
            return new ItemTallyResponse(tally.Eligible, tally.Recused, tally.VotesCast, tally.Eligible - tally.VotesCast,
                null, null, null, null, quorum, null);
        return new ItemTallyResponse(tally.Eligible, tally.Recused, tally.VotesCast, tally.Eligible - tally.VotesCast,
            tally.Approve, tally.ApproveWithConditions, tally.Reject, tally.Abstain, quorum,
            TallyPublication.Publish(tally.ByConstituency, minimumCell));
    }

    private static List<RecusalResponse> RecusalsOn(Ballot ballot, BallotItem item) =>
        ballot.RecusalsOn(item).Select(x => Recusal(x.Paper, x.Recusal)).ToList();

    private static RecusalResponse Recusal(BallotPaper paper, BallotRecusal recusal) =>
        new(paper.MemberName, paper.ConstituencyCode, recusal.Reason, recusal.Explanation, recusal.RecordedAt);
}
