using Microsoft.EntityFrameworkCore;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Infrastructure.Funding;

/// <summary>The guard names that <c>workflows/joint-programme.v2.json</c> uses.</summary>
public static class JointProgrammeWorkflowSteps
{
    public const string FirstTrancheTransferred = "firstTrancheTransferred";
}

/// <summary>Implementation begins once the Administrative Agent has transferred a first tranche.</summary>
public sealed class FirstTrancheTransferredGuard(TrustFundDbContext db) : IWorkflowGuard
{
    public async ValueTask<string?> CheckAsync(WorkflowStepContext step, CancellationToken cancellationToken) =>
        db.Transfers.Local.Any(t => t.ProgrammeId == step.Instance.SubjectId)
        || await db.Transfers.AnyAsync(t => t.ProgrammeId == step.Instance.SubjectId, cancellationToken)
            ? null
            : "no tranche has been transferred yet";
}
