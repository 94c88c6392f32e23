using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Reports;

namespace TrustFundManager.Api.Reports;

/// <summary>The Excel workbooks, laid out by the files in <c>reports/</c> (see docs/reports.md).</summary>
public sealed class ReportEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/funding-status.xlsx", FundingStatus).RequireAuthorization(Policies.ReadFunding)
            .WithName("GetFundingStatusWorkbook")
            .WithSummary("The funding status as of a day (today by default) as an Excel workbook: the summary against the current target, contributions by donor, and by thematic area, country and organization, and transfers and expenditure per programme and organization; totals add up to GET /api/funding-status.")
            .Produces(StatusCodes.Status200OK, contentType: ReportUseCases.WorkbookContentType)
            .ProducesValidationProblem();
        group.MapGet("/pipeline.xlsx", Pipeline).RequireAuthorization(Policies.ReadFunding)
            .WithName("GetPipelineWorkbook")
            .WithSummary("The ranked pipeline of GET /api/pipeline as an Excel workbook: rank, note, country, area, the parts of the score, the funding gap and the cumulative gap, and what the free balance reaches.")
            .Produces(StatusCodes.Status200OK, contentType: ReportUseCases.WorkbookContentType);
        group.MapGet("/portfolio.xlsx", Portfolio).RequireAuthorization(Policies.ReadPortfolio)
            .WithName("GetPortfolioWorkbook")
            .WithSummary("The concept notes and joint programmes the caller may see, with status, country, region, thematic area, amounts and dates, as an Excel workbook. A government sees its own country's only, an organization those it takes part in.")
            .Produces(StatusCodes.Status200OK, contentType: ReportUseCases.WorkbookContentType);
        group.MapGet("/joint-programmes/{id:guid}/results-matrix.xlsx", ResultsMatrix).RequireAuthorization(Policies.SignedIn)
            .WithName("GetResultsMatrixWorkbook")
            .WithSummary("A joint programme's results matrix as an Excel workbook: the programme's standing, and every outcome, output and indicator with its baseline, target, latest approved actual and whether it is on track. Whoever may see the programme may download it.")
            .Produces(StatusCodes.Status200OK, contentType: ReportUseCases.WorkbookContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<FileContentHttpResult> FundingStatus(DateOnly? asOf, ClaimsPrincipal user,
        ReportUseCases useCases, CancellationToken ct) =>
        Download(await useCases.FundingStatusAsync(asOf, user.AsWorkflowActor(), ct));

    private static async Task<FileContentHttpResult> Pipeline(ClaimsPrincipal user, ReportUseCases useCases,
        CancellationToken ct) =>
        Download(await useCases.PipelineAsync(user.AsWorkflowActor(), ct));

    private static async Task<FileContentHttpResult> Portfolio(ClaimsPrincipal user, ReportUseCases useCases,
        CancellationToken ct) =>
        Download(await useCases.PortfolioAsync(user.AsWorkflowActor(), ct));

    private static async Task<FileContentHttpResult> ResultsMatrix(Guid id, ClaimsPrincipal user, ReportUseCases useCases,
        CancellationToken ct) =>
        Download(await useCases.ResultsMatrixAsync(id, user.AsWorkflowActor(), ct));

    private static FileContentHttpResult Download(FileDownload file) =>
        TypedResults.File(file.Content, file.ContentType, file.FileName);
}
