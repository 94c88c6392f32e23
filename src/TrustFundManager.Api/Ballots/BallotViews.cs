using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.ConceptNotes;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Ballots;

/// <summary>
/// What a ballot shows to whom. Until it closes a member sees only their own votes; the FMU sees the counts and who
/// has voted, never how anyone voted. Once closed, everyone who reads ballots sees the tallies and recusals.
/// </summary>
internal static class BallotViews
{
    public static string Href(Guid id) => $"/api/ballots/{id}";

    public static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound($"No ballot has the id {id}.");

    public static async Task<Ok<BallotPage>> ListAsync([AsParameters] BallotQuery query, TrustFundDbContext db,
        CancellationToken ct)
    {
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var ballots = db.Ballots.AsNoTracking();
        if (query.Status is { } status) ballots = ballots.Where(b => b.Status == status);
        var total = await ballots.CountAsync(ct);
        var items = await ballots.OrderByDescending(b => b.OpenedAt).ThenBy(b => b.Id).Skip(skip).Take(pageSize)
            .Select(b => new BallotSummaryResponse(b.Id, b.Title, b.Kind, b.Status, b.OpenedAt, b.Deadline, b.ClosedAt,
                b.Items.Count, Href(b.Id)))
            .ToListAsync(ct);
        return TypedResults.Ok(new BallotPage(items, page, pageSize, total));
    }

    public static async Task<BallotResponse?> DescribeAsync(Guid id, WorkflowActor actor, TrustFundDbContext db,
        WorkflowEngine engine, CancellationToken ct)
    {
        var ballot = await db.Ballots.AsNoTracking().WithPapers().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (ballot is null) return null;
        var instance = await db.WorkflowInstances.AsNoTracking()
            .SingleAsync(i => i.DefinitionId == BallotWorkflowSteps.WorkflowId && i.SubjectId == id, ct);
        var decisions = await db.CommitteeDecisions.AsNoTracking().Where(d => d.BallotId == id)
            .ToDictionaryAsync(d => d.ConceptNoteId, d => d.Id, ct);
        var actions = (await engine.AvailableActionsAsync(instance, actor, ct)).Select(a => a.Action.Name).ToList();

        var paper = ballot.PaperOf(actor.UserId);
        var showTallies = actor.SeesEverything || ballot.Status != BallotStatus.Open;
        var items = ballot.Items.OrderBy(i => i.Position).Select(item =>
        {
            var vote = paper?.VoteOn(item.ConceptNoteId);
            var recusal = paper?.RecusalOn(item.ConceptNoteId);
            return new BallotItemResponse(item.ConceptNoteId, item.Position, item.Title, item.Countries, item.Organizations,
                ConceptNoteAccess.Href(item.ConceptNoteId),
                $"{Href(id)}/items/{item.ConceptNoteId}/vote",
                item.Outcome,
                vote is null ? null : new MyVoteResponse(vote.Choice, vote.Conditions, vote.Reason, vote.Comment, vote.CastAt, vote.Changes),
                recusal is null ? null : Recusal(paper!, recusal),
                showTallies ? RecusalsOn(ballot, item) : null,
                showTallies ? Tally(ballot, item) : null,
                decisions.TryGetValue(item.ConceptNoteId, out var decisionId) ? decisionId : null);
        }).ToList();

        var participation = actor.SeesEverything
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
            ballot.Papers.Count, paper is not null, items, participation, actions, instance.Id, Href(id));
    }

    private static ItemTallyResponse Tally(Ballot ballot, BallotItem item)
    {
        var tally = ballot.TallyOf(item);
        return new ItemTallyResponse(tally.Eligible, tally.Recused, tally.VotesCast, tally.Eligible - tally.VotesCast,
            tally.Approve, tally.ApproveWithConditions, tally.Reject, tally.Abstain,
            ballot.Rule.QuorumFor(tally.Eligible), tally.ByConstituency);
    }

    private static List<RecusalResponse> RecusalsOn(Ballot ballot, BallotItem item) =>
        ballot.RecusalsOn(item).Select(x => Recusal(x.Paper, x.Recusal)).ToList();

    private static RecusalResponse Recusal(BallotPaper paper, BallotRecusal recusal) =>
        new(paper.MemberName, paper.ConstituencyCode, recusal.Reason, recusal.Explanation, recusal.RecordedAt);
}
