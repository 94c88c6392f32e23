using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.JointProgrammes;

public sealed class JointProgrammeEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/allocations", Allocate).WithTags("Funding").RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<AllocationRequestBody>()
            .WithName("Allocate")
            .WithSummary("Funds an approved concept note from the free balance (earmarked money only for its own thematic area): creates the joint programme with a budget per participating organization, the indirect cost shown, and moves the note to 'funded'.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = app.MapGroup("/api/joint-programmes").WithTags("Joint programmes");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithRequestValidation<JointProgrammeQuery>()
            .WithName("ListJointProgrammes")
            .WithSummary("The joint programmes the caller may see, latest allocation first, by state, country, thematic area and organization.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetJointProgramme")
            .WithSummary("A programme: budget per organization with indirect cost, transfers, expenditure and delivery rate.");
        group.MapPost("/{id:guid}/transfers", RecordTransfer).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<TransferRequest>()
            .WithName("RecordTransfer")
            .WithSummary("Records a tranche the Administrative Agent transferred to one organization; an organization's tranches never exceed its budget.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}/expenditure/{organization}/{year:int}", ReportExpenditure)
            .RequireAuthorization(Policies.ReportExpenditure)
            .WithRequestValidation<ExpenditureRequest>()
            .WithName("ReportExpenditure")
            .WithSummary("An organization's expenditure for a calendar year (reported again, it replaces the figure); its expenditure never exceeds what it received. A participating organization reports its own; the FMU may report for any.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/actions/{action}", Act).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnJointProgramme")
            .WithSummary("beginImplementation (after the first tranche), suspend, resume, closeOperationally, closeFinancially or cancel.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.SignedIn)
            .WithName("GetJointProgrammeHistory")
            .WithSummary("The programme's workflow steps, oldest first.");
    }

    private static async Task<Results<Created<JointProgrammeResponse>, ProblemHttpResult>> Allocate(AllocationRequestBody request,
        ClaimsPrincipal user, TrustFundDbContext db, FundAllocations allocations, WorkflowEngine engine, CancellationToken ct)
    {
        var budget = request.Budget?.Select(b => new BudgetShare(b.Organization!, b.AmountUsd!.Value)).ToList();
        var programme = await allocations.AllocateAsync(new AllocationRequest(request.ConceptNoteId!.Value, budget, request.Comment),
            user.AsWorkflowActor(), ct);
        var loaded = (await JointProgrammeViews.FindVisibleAsync(programme.Id, user.AsWorkflowActor(), db, engine, false, ct))!;
        return TypedResults.Created(JointProgrammeViews.Href(programme.Id), JointProgrammeViews.Describe(loaded, engine));
    }

    private static async Task<Ok<JointProgrammePage>> List([AsParameters] JointProgrammeQuery query, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var instances = JointProgrammeViews.Instances(db).AsNoTracking().VisibleTo(user.AsWorkflowActor());
        if (query.State is { } state) instances = instances.Where(i => i.State == state);
        var rows =
            from programme in db.JointProgrammes.AsNoTracking()
            join instance in instances on programme.Id equals instance.SubjectId
            select new { Programme = programme, Instance = instance };
        if (query.Country?.ToUpperInvariant() is { } country) rows = rows.Where(r => r.Programme.Country == country);
        if (query.ThematicAreaNumber is { } area) rows = rows.Where(r => r.Programme.ThematicAreaNumber == area);
        if (query.Organization?.ToUpperInvariant() is { } organization)
            rows = rows.Where(r => r.Programme.Budget.Any(b => b.Organization == organization));

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.Programme.AllocatedOn).ThenBy(r => r.Programme.Id)
            .Skip(skip).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new JointProgrammePage(items.Select(r => new JointProgrammeSummary(r.Programme.Id, r.Programme.Title,
            r.Programme.Country, r.Programme.Region, r.Programme.ThematicAreaNumber, JointProgrammeViews.StatusOf(engine, r.Instance),
            r.Programme.AllocatedOn, r.Programme.AllocatedUsd, r.Programme.TransferredUsd, r.Programme.SpentUsd,
            r.Programme.DeliveryRate, JointProgrammeViews.Href(r.Programme.Id))).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<JointProgrammeResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct) =>
        await JointProgrammeViews.FindVisibleAsync(id, user.AsWorkflowActor(), db, engine, false, ct) is { } loaded
            ? TypedResults.Ok(JointProgrammeViews.Describe(loaded, engine))
            : JointProgrammeViews.NotFound(id);

    private static async Task<Results<Created<JointProgrammeResponse>, ProblemHttpResult>> RecordTransfer(Guid id,
        TransferRequest request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, TimeProvider time,
        CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        if (await JointProgrammeViews.FindVisibleAsync(id, actor, db, engine, false, ct) is null) return JointProgrammeViews.NotFound(id);
        var response = await SaveChangeAsync(id, actor, db, engine, time, (programme, state, today, now) =>
            programme.RecordTransfer(request.Organization!, request.AmountUsd!.Value, request.TransferredOn!.Value,
                request.Reference!, state, today, actor.UserId, now), ct);
        return TypedResults.Created($"{JointProgrammeViews.Href(id)}#transfers", response);
    }

    private static async Task<Results<Ok<JointProgrammeResponse>, ProblemHttpResult>> ReportExpenditure(Guid id,
        string organization, int year, ExpenditureRequest request, ClaimsPrincipal user, TrustFundDbContext db,
        WorkflowEngine engine, TimeProvider time, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        if (await JointProgrammeViews.FindVisibleAsync(id, actor, db, engine, false, ct) is null) return JointProgrammeViews.NotFound(id);
        if (!actor.Roles.Contains(Roles.FundManager)
            && !string.Equals(actor.Organization, organization.Trim(), StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Forbidden($"An organization reports its own expenditure only ({actor.Organization ?? "none in your sign-in"}).");

        return TypedResults.Ok(await SaveChangeAsync(id, actor, db, engine, time, (programme, state, today, now) =>
            programme.ReportExpenditure(organization, year, request.AmountUsd!.Value, state, today, actor.UserId, now), ct));
    }

    /// <summary>
    /// Applies a change to the programme as it is now (read afresh, with its state), saved with a retry when a racing
    /// write got there first, so its limits judge the latest figures; answers with the programme after the change.
    /// </summary>
    private static async Task<JointProgrammeResponse> SaveChangeAsync(Guid id, WorkflowActor actor, TrustFundDbContext db,
        WorkflowEngine engine, TimeProvider time, Func<JointProgramme, string, DateOnly, DateTimeOffset, object> change,
        CancellationToken ct)
    {
        await db.SaveWithRetryAsync(async () =>
        {
            var (programme, instance) = (await JointProgrammeViews.FindVisibleAsync(id, actor, db, engine, true, ct))!;
            var now = time.GetUtcNow();
            var result = change(programme, instance.State, DateOnly.FromDateTime(now.UtcDateTime), now);
            engine.HoldState(instance);
            return result;
        }, ct);
        return JointProgrammeViews.Describe((await JointProgrammeViews.FindVisibleAsync(id, actor, db, engine, false, ct))!, engine);
    }

    private static async Task<Results<Ok<JointProgrammeResponse>, ProblemHttpResult>> Act(Guid id, string action,
        FireActionRequest? request, ClaimsPrincipal user, TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct)
    {
        var actor = user.AsWorkflowActor();
        var loaded = await JointProgrammeViews.FindVisibleAsync(id, actor, db, engine, true, ct);
        if (loaded is null) return JointProgrammeViews.NotFound(id);
        var step = engine.DefinitionOf(loaded.Instance).FindAction(action);
        if (step is null) return ApiProblems.NotFound($"A joint programme has no action '{action}'.");
        if (request?.Version is { } version && version != loaded.Instance.Version)
            return ApiProblems.Conflict("The programme has moved on since you read it; read it again before acting.");

        await engine.FireAsync(loaded.Instance, step.Name, actor, request?.Comment, ct);
        await db.SaveChangesAsync(ct);
        var reloaded = (await JointProgrammeViews.FindVisibleAsync(id, actor, db, engine, false, ct))!;
        return TypedResults.Ok(JointProgrammeViews.Describe(reloaded, engine));
    }

    private static async Task<Results<Ok<List<JournalEntryResponse>>, ProblemHttpResult>> History(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowEngine engine, CancellationToken ct) =>
        await JointProgrammeViews.FindVisibleAsync(id, user.AsWorkflowActor(), db, engine, false, ct) is { } loaded
            ? TypedResults.Ok(await WorkflowJournalReader.ReadAsync(loaded.Instance, db, engine, ct))
            : JointProgrammeViews.NotFound(id);
}
