using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Funding;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Workflows;

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
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentType)
            .ProducesValidationProblem();
        group.MapGet("/pipeline.xlsx", Pipeline).RequireAuthorization(Policies.ReadFunding)
            .WithName("GetPipelineWorkbook")
            .WithSummary("The ranked pipeline of GET /api/pipeline as an Excel workbook: rank, note, country, area, the parts of the score, the funding gap and the cumulative gap, and what the free balance reaches.")
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentType);
        group.MapGet("/portfolio.xlsx", Portfolio).RequireAuthorization(Policies.ReadPortfolio)
            .WithName("GetPortfolioWorkbook")
            .WithSummary("The concept notes and joint programmes the caller may see, with status, country, region, thematic area, amounts and dates, as an Excel workbook. A government sees its own country's only, an organization those it takes part in.")
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentType);
        group.MapGet("/joint-programmes/{id:guid}/results-matrix.xlsx", ResultsMatrix).RequireAuthorization(Policies.SignedIn)
            .WithName("GetResultsMatrixWorkbook")
            .WithSummary("A joint programme's results matrix as an Excel workbook: the programme's standing, and every outcome, output and indicator with its baseline, target, latest approved actual and whether it is on track. Whoever may see the programme may download it.")
            .Produces(StatusCodes.Status200OK, contentType: ReportFile.ContentType);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultsMatrix(Guid id, ClaimsPrincipal user,
        TrustFundDbContext db, WorkflowSubjects subjects, WorkflowEngine engine, ResultsMatrixReport report, TimeProvider time,
        CancellationToken ct)
    {
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, id, user.AsWorkflowActor(), tracked: false, ct);
        return Download(await report.BuildAsync(id, JointProgrammeViews.StatusOf(engine, loaded.Instance).Title, time.GetUtcNow(), ct));
    }

    private static async Task<FileContentHttpResult> FundingStatus(DateOnly? asOf, FundingStatusReport report, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return Download(await report.BuildAsync(asOf ?? DateOnly.FromDateTime(now.UtcDateTime), now, ct));
    }

    private static async Task<FileContentHttpResult> Pipeline(PipelineReport report, TimeProvider time, CancellationToken ct) =>
        Download(await report.BuildAsync(time.GetUtcNow(), ct));

    private static async Task<FileContentHttpResult> Portfolio(ClaimsPrincipal user, PortfolioReport report, TimeProvider time,
        CancellationToken ct) =>
        Download(await report.BuildAsync(user.AsWorkflowActor(), time.GetUtcNow(), ct));

    private static FileContentHttpResult Download(ReportFile file) =>
        TypedResults.File(file.Content, ReportFile.ContentType, file.FileName);
}
