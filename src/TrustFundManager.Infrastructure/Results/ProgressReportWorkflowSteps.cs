using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Results;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Results;

/// <summary>The guard and effect names that <c>workflows/progress-report.v1.json</c> uses.</summary>
public static class ProgressReportWorkflowSteps
{
    public const string Complete = "progressReportComplete";
    public const string MarkSubmitted = "markProgressReportSubmitted";
    public const string Return = "returnProgressReport";
    public const string Approve = "approveProgressReport";

    internal static async Task<ProgressReport> ReportOfAsync(TrustFundDbContext db, WorkflowInstance instance,
        CancellationToken cancellationToken) =>
        db.ProgressReports.Local.FirstOrDefault(r => r.Id == instance.SubjectId)
        ?? await db.ProgressReports.Include(r => r.Values).SingleOrDefaultAsync(r => r.Id == instance.SubjectId, cancellationToken)
        ?? throw new InvalidOperationException($"Workflow instance {instance.Id} has no progress report {instance.SubjectId}.");

    /// <summary>The indicators of the programme's matrix that the report's organization reports.</summary>
    internal static async Task<List<Indicator>> IndicatorsOfAsync(TrustFundDbContext db, ProgressReport report,
        CancellationToken cancellationToken) =>
        await db.Indicators.Where(i => i.ProgrammeId == report.ProgrammeId && i.Organization == report.Organization)
            .ToListAsync(cancellationToken);
}

/// <summary>A report goes to review once its period has ended and each of its indicators has an actual and a narrative.</summary>
public sealed class ProgressReportCompleteGuard(TrustFundDbContext db) : IWorkflowGuard
{
    public async ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var report = await ProgressReportWorkflowSteps.ReportOfAsync(db, step.Instance, cancellationToken);
        var indicators = await ProgressReportWorkflowSteps.IndicatorsOfAsync(db, report, cancellationToken);
        return report.WhatKeepsFromSubmission(indicators, DateOnly.FromDateTime(step.At.UtcDateTime));
    }
}

public sealed class MarkProgressReportSubmittedEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
        (await ProgressReportWorkflowSteps.ReportOfAsync(db, step.Instance, cancellationToken))
        .MarkSubmitted(DateOnly.FromDateTime(step.At.UtcDateTime), step.Actor.UserId, step.At);
}

public sealed class ReturnProgressReportEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
        (await ProgressReportWorkflowSteps.ReportOfAsync(db, step.Instance, cancellationToken))
        .MarkReturned(step.Comment ?? string.Empty, step.Actor.UserId, step.At);
}

/// <summary>On approval the values lock and become the indicators' actuals for the period.</summary>
public sealed class ApproveProgressReportEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
        (await ProgressReportWorkflowSteps.ReportOfAsync(db, step.Instance, cancellationToken))
        .MarkApproved(DateOnly.FromDateTime(step.At.UtcDateTime), step.Actor.UserId, step.At);
}
