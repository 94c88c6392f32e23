using Microsoft.EntityFrameworkCore;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>The guard and effect names that <c>workflows/joint-programme.v2.json</c> uses.</summary>
public static class JointProgrammeWorkflowSteps
{
    public const string FirstTrancheTransferred = "firstTrancheTransferred";
    public const string ReleaseUntransferredAllocation = "releaseUntransferredAllocation";
}

/// <summary>Implementation begins once the Administrative Agent has transferred a first tranche.</summary>
public sealed class FirstTrancheTransferredGuard(TrustFundDbContext db) : IWorkflowGuard
{
    public async ValueTask<UnmetGuard?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
        db.Transfers.Local.Any(t => t.ProgrammeId == step.Instance.SubjectId)
        || await db.Transfers.AnyAsync(t => t.ProgrammeId == step.Instance.SubjectId, cancellationToken)
            ? null
            : "no tranche has been transferred yet";
}

/// <summary>On cancellation: the allocation not yet transferred returns to the free balance.</summary>
public sealed class ReleaseUntransferredAllocationEffect(TrustFundDbContext db) : IWorkflowEffect
{
    public async Task RunAsync(WorkflowStepContext step, CancellationToken cancellationToken)
    {
        var programme = db.JointProgrammes.Local.FirstOrDefault(p => p.Id == step.Instance.SubjectId)
                        ?? await db.JointProgrammes.Include(p => p.Budget)
                            .SingleAsync(p => p.Id == step.Instance.SubjectId, cancellationToken);
        if (programme.Budget.Count == 0) await db.Entry(programme).Collection(p => p.Budget).LoadAsync(cancellationToken);
        programme.ReleaseUntransferred(DateOnly.FromDateTime(step.At.UtcDateTime), step.Actor.UserId, step.At);
    }
}
