using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.ConceptNotes;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Decisions;

public sealed record DecisionQuery(
    DecisionOutcome? Outcome,
    Guid? BallotId,
    Guid? ConceptNoteId,
    string? Country,
    DateTimeOffset? DecidedFrom,
    DateTimeOffset? DecidedTo,
    int? Page,
    int? PageSize);

public sealed class DecisionQueryValidator : AbstractValidator<DecisionQuery>
{
    public DecisionQueryValidator()
    {
        RuleFor(q => q.Outcome).IsInEnum();
        RuleFor(q => q.Country).Length(3).Matches("^[A-Za-z]{3}$").WithMessage("A country is its ISO 3166-1 alpha-3 code.");
        RuleFor(q => q.DecidedTo).GreaterThanOrEqualTo(q => q.DecidedFrom).When(q => q.DecidedFrom is not null && q.DecidedTo is not null)
            .WithMessage("'decidedTo' cannot be before 'decidedFrom'.");
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed record DecisionResponse(
    Guid Id,
    Guid ConceptNoteId,
    string ConceptNoteTitle,
    string Country,
    Guid BallotId,
    string BallotTitle,
    DecisionOutcome Outcome,
    DateTimeOffset DecidedAt,
    DecisionRule DecisionRule,
    int Eligible,
    int QuorumRequired,
    bool QuorumMet,
    int VotesCast,
    int Approve,
    int ApproveWithConditions,
    int Reject,
    int Abstain,
    int Recused,
    IReadOnlyList<ConstituencyTally> TallyByConstituency,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> RejectionReasons,
    IReadOnlyList<RecordedRecusal> Recusals,
    string Rationale,
    string ConceptNoteHref,
    string BallotHref,
    string Href)
{
    public static DecisionResponse From(CommitteeDecision d) => new(d.Id, d.ConceptNoteId, d.ConceptNoteTitle, d.Country,
        d.BallotId, d.BallotTitle, d.Outcome, d.DecidedAt, d.DecisionRule, d.Eligible, d.QuorumRequired, d.QuorumMet,
        d.VotesCast, d.Approve, d.ApproveWithConditions, d.Reject, d.Abstain, d.Recused, d.Tally, d.Conditions,
        d.RejectionReasons, d.Recusals, d.Rationale, ConceptNoteAccess.Href(d.ConceptNoteId), $"/api/ballots/{d.BallotId}",
        $"/api/decisions/{d.Id}");
}

public sealed record DecisionPage(IReadOnlyList<DecisionResponse> Items, int Page, int PageSize, int TotalCount);

/// <summary>The record of the committee's decisions: each visible to whoever may see its concept note.</summary>
public sealed class DecisionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/decisions").WithTags("Steering Committee");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<DecisionQuery>()
            .WithName("ListDecisions")
            .WithSummary("The committee's recorded decisions on the concept notes the caller may see, newest first, filtered by outcome, ballot, concept note, country and date.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetDecision")
            .WithSummary("One decision: outcome, tally by constituency, conditions, reasons, recusals and rationale.");
    }

    private static IQueryable<CommitteeDecision> Visible(TrustFundDbContext db, WorkflowActor actor)
    {
        var notes = db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == ConceptNoteStatus.WorkflowId).VisibleTo(actor);
        return db.CommitteeDecisions.AsNoTracking().Where(d => notes.Any(i => i.SubjectId == d.ConceptNoteId));
    }

    private static async Task<Ok<DecisionPage>> List([AsParameters] DecisionQuery query, ClaimsPrincipal user,
        TrustFundDbContext db, CancellationToken ct)
    {
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var decisions = Visible(db, user.AsWorkflowActor());
        if (query.Outcome is { } outcome) decisions = decisions.Where(d => d.Outcome == outcome);
        if (query.BallotId is { } ballotId) decisions = decisions.Where(d => d.BallotId == ballotId);
        if (query.ConceptNoteId is { } noteId) decisions = decisions.Where(d => d.ConceptNoteId == noteId);
        if (query.Country?.ToUpperInvariant() is { } country) decisions = decisions.Where(d => d.Country == country);
        if (query.DecidedFrom is { } from) decisions = decisions.Where(d => d.DecidedAt >= from.ToUniversalTime());
        if (query.DecidedTo is { } to) decisions = decisions.Where(d => d.DecidedAt <= to.ToUniversalTime());

        var total = await decisions.CountAsync(ct);
        var items = await decisions.OrderByDescending(d => d.DecidedAt).ThenBy(d => d.Id).Skip(skip).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new DecisionPage(items.Select(DecisionResponse.From).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, CancellationToken ct) =>
        await Visible(db, user.AsWorkflowActor()).SingleOrDefaultAsync(d => d.Id == id, ct) is { } decision
            ? TypedResults.Ok(DecisionResponse.From(decision))
            : ApiProblems.NotFound($"No decision has the id {id}.");
}
