using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.OpenApi;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Results;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Results;

namespace TrustFundManager.Api.Results;

public sealed class ProgressReportEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var programme = app.MapGroup("/api/joint-programmes/{id:guid}/progress-reports").WithTags("Results");
        programme.MapGet("/", List).RequireAuthorization(Policies.SignedIn)
            .WithName("ListProgressReports")
            .WithSummary("The programme's progress reports the caller may see, latest period first: an organization sees its own, the FMU all, governments and the committee the approved ones.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        programme.MapPost("/", Open).RequireAuthorization(Policies.ReportProgress)
            .WithRequestValidation<OpenProgressReportRequest>()
            .WithName("OpenProgressReport")
            .WithSummary("Opens the caller's organization's draft report for a reporting period (up to a year, overlapping none of its other reports) on a programme in implementation.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var group = app.MapGroup("/api/progress-reports/{id:guid}").WithTags("Results");
        group.MapGet("/", Get).RequireAuthorization(Policies.SignedIn)
            .WithName("GetProgressReport")
            .WithSummary("A progress report: each of the organization's indicators with its actual, narrative and breakdown, the report's status and the actions the caller may take.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/values", RecordValues).RequireAuthorization(Policies.ReportProgress)
            .WithRequestValidation<ProgressValuesRequest>()
            .WithName("RecordProgressValues")
            .WithSummary("Replaces the report's actuals and narratives (with the version read). Only a draft or a returned report changes; an approved report's values are locked.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/actions/{action}", Act).RequireAuthorization(Policies.SignedIn)
            .WithWorkflowActions(ProgressReportStatus.WorkflowId)
            .WithRequestValidation<FireActionRequest>()
            .WithName("ActOnProgressReport")
            .WithSummary("submit (the organization, once the period has ended and every indicator has an actual and a narrative), approve (the FMU: the values lock) or return (the FMU, with a comment).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/history", History).RequireAuthorization(Policies.SignedIn)
            .WithName("GetProgressReportHistory")
            .WithSummary("The report's workflow steps, oldest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<ProgressReportSummary>>> List(Guid id, ClaimsPrincipal user,
        ProgressReportUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ListAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Created<ProgressReportResponse>> Open(Guid id, OpenProgressReportRequest request,
        ClaimsPrincipal user, ProgressReportUseCases useCases, CancellationToken ct)
    {
        var response = await useCases.OpenAsync(id, request, user.AsWorkflowActor(), ct);
        return TypedResults.Created(response.Links.Self, response);
    }

    private static async Task<Ok<ProgressReportResponse>> Get(Guid id, ClaimsPrincipal user,
        ProgressReportUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(id, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ProgressReportResponse>> RecordValues(Guid id, ProgressValuesRequest request,
        ClaimsPrincipal user, ProgressReportUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.RecordValuesAsync(id, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<ProgressReportResponse>> Act(Guid id, string action, FireActionRequest? request,
        ClaimsPrincipal user, ProgressReportUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.ActAsync(id, action, request, user.AsWorkflowActor(), ct));

    private static async Task<Ok<List<JournalEntryResponse>>> History(Guid id, ClaimsPrincipal user,
        ProgressReportUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.HistoryAsync(id, user.AsWorkflowActor(), ct));
}
