using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Funding;

/// <summary>The fund's money as of a day, and the ranked pipeline of approved notes waiting for it.</summary>
public sealed class FundingStatusUseCases(FundingStatusCache funding, FundingPipeline pipeline, TimeProvider time)
{
    /// <summary>The funding status as of <paramref name="asOf"/>, today by default, summed once per money change and day.</summary>
    public async Task<FundingStatus> StatusAsync(DateOnly? asOf, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return await funding.StatusAsync(ReportingDay.Resolve(asOf, time), ct);
    }

    public async Task<PipelineView> PipelineAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return await pipeline.RankAsync(time.GetUtcNow(), ct);
    }

    /// <summary>The pipeline's size, what it asks for and the free balance: the dashboard's figures, without the ranking.</summary>
    public async Task<PipelineTotals> PipelineTotalsAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return await pipeline.TotalsAsync(ct);
    }
}
