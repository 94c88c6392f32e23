using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.OpenApi;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Funding;

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
            .WithSummary("A programme: budget per organization with indirect cost, transfers, expenditure and delivery rate.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/transfers", RecordTransfer).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<TransferRequest>()
            .WithName("RecordTransfer")
            .WithSummary("Records a tranche the Administrative Agent transferred to one organization; an organization's tranches never exceed its budget.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}/expenditure/{organization}/{year:int}", ReportExpenditure)
            .RequireAuthorization(Policies.ReportExpenditure)
            .WithRequestValidation<ExpenditureRequest>()
            .WithName("ReportExpenditure")
            .WithSummary("An organization's expenditure for a calendar year (reported again, it replaces the figure); its expenditure never exceeds what it received. A participating organization reports its own; the FMU may report for any.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/actions/{action}", Act).RequireAuthorization(Policies.ManageFunding)
            .WithWorkflowActions(JointProgrammeStatus.WorkflowId)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnJointProgramme")
            .WithSummary("beginImplementation (after the first tranche), suspend, resume, closeOperationally, closeFinancially or cancel.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.SignedIn)
            .WithName("GetJointProgrammeHistory")
            .WithSummary("The programme's workflow steps, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<JointProgrammeResponse>> Allocate(AllocationRequestBody request, ClaimsPrincipal user,
        JointProgrammeUseCases useCases, CancellationToken ct)
    {
        var programme = await useCases.AllocateAsync(request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(programme.Href, programme);
    }

    private static async Task<Ok<JointProgrammePage>> List([AsParameters] JointProgrammeQuery query, ClaimsPrincipal user,
        JointProgrammeUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(query, user.AsWorkflowActor(), ct));

    private static async Task<Ok<JointProgrammeResponse>> Get(Guid id, ClaimsPrincipal user,
        JointProgrammeUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Created<JointProgrammeResponse>> RecordTransfer(Guid id, TransferRequest request,
        ClaimsPrincipal user, JointProgrammeUseCases useCases, CancellationToken ct)
    {
        var programme = await useCases.RecordTransferAsync(id, request, user.AsWorkflowActor(), ct);
        return TypedResults.Created($"{programme.Href}#transfers", programme);
    }

    private static async Task<Ok<JointProgrammeResponse>> ReportExpenditure(Guid id, string organization, int year,
        ExpenditureRequest request, ClaimsPrincipal user, JointProgrammeUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ReportExpenditureAsync(id, organization, year, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<JointProgrammeResponse>> Act(Guid id, string action, FireActionRequest? request,
        ClaimsPrincipal user, JointProgrammeUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ActAsync(id, action, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<JournalEntryResponse>>> History(Guid id, ClaimsPrincipal user,
        JointProgrammeUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.HistoryAsync(id, user.AsWorkflowActor(), ct));
}
