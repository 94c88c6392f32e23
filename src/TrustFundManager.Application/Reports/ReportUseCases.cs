using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Application.Funding;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Reports;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Reports;

/// <summary>The Excel workbooks, laid out by the files in <c>reports/</c> (see docs/reports.md), each for whoever may read what it shows.</summary>
public sealed class ReportUseCases(TrustFundDbContext db, WorkflowEngine engine, WorkflowSubjects subjects,
    FundingStatusReport fundingStatus, PipelineReport pipeline, PortfolioReport portfolio, ResultsMatrixReport resultsMatrix,
    TimeProvider time)
{
    public const string WorkbookContentType = ReportFile.ContentType;

    /// <summary>The funding status as of <paramref name="asOf"/>, today by default.</summary>
    public async Task<FileDownload> FundingStatusAsync(DateOnly? asOf, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        var day = ReportingDay.Resolve(asOf, time);
        return Download(await fundingStatus.BuildAsync(day, time.GetUtcNow(), ct));
    }

    public async Task<FileDownload> PipelineAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return Download(await pipeline.BuildAsync(time.GetUtcNow(), ct));
    }

    /// <summary>The concept notes and programmes the caller may see.</summary>
    public async Task<FileDownload> PortfolioAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadPortfolio);
        return Download(await portfolio.BuildAsync(actor, time.GetUtcNow(), ct));
    }

    /// <summary>A programme's results matrix, for whoever may see the programme.</summary>
    public async Task<FileDownload> ResultsMatrixAsync(Guid programmeId, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.SignedIn);
        var loaded = await JointProgrammeViews.FindVisibleAsync(subjects, db, programmeId, actor, tracked: false, ct);
        return Download(await resultsMatrix.BuildAsync(programmeId,
            JointProgrammeViews.StatusOf(engine, loaded.Instance).Title, time.GetUtcNow(), ct));
    }

    private static FileDownload Download(ReportFile file) => new(file.Content, ReportFile.ContentType, file.FileName);
}
