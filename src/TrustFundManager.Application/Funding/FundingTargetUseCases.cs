using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Funding;

/// <summary>The dated funding targets the funding status measures commitments against; one target per day.</summary>
public sealed class FundingTargetUseCases(TrustFundDbContext db, TimeProvider time)
{
    public async Task<List<FundingTargetResponse>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        var targets = await db.FundingTargets.AsNoTracking().OrderBy(t => t.DueOn).ToListAsync(ct);
        var today = Today();
        var current = FundingTarget.CurrentOn(targets, today);
        return targets.Select(t => Describe(t, current, today)).ToList();
    }

    /// <exception cref="DomainConflictException">A target is already due that day.</exception>
    public async Task<FundingTargetResponse> CreateAsync(FundingTargetRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var target = new FundingTarget(request.Title!, request.AmountUsd!.Value, request.DueOn!.Value, actor.UserId,
            time.GetUtcNow());
        if (await db.FundingTargets.AnyAsync(t => t.DueOn == target.DueOn, ct))
            throw new DomainConflictException(
                $"A target is already due on {target.DueOn:yyyy-MM-dd}; change that one instead.");
        db.FundingTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(target, ct);
    }

    /// <exception cref="DomainConflictException">Another target is already due that day.</exception>
    public async Task<FundingTargetResponse> ChangeAsync(Guid id, FundingTargetRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var target = await db.FundingTargets.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        target.Change(request.Title!, request.AmountUsd!.Value, request.DueOn!.Value, actor.UserId, time.GetUtcNow());
        if (await db.FundingTargets.AnyAsync(t => t.DueOn == target.DueOn && t.Id != id, ct))
            throw new DomainConflictException($"Another target is already due on {target.DueOn:yyyy-MM-dd}.");
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(target, ct);
    }

    public async Task DeleteAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var target = await db.FundingTargets.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        db.FundingTargets.Remove(target);
        await db.SaveChangesAsync(ct);
    }

    private async Task<FundingTargetResponse> DescribeAsync(FundingTarget target, CancellationToken ct)
    {
        var today = Today();
        var current = FundingTarget.CurrentOn(await db.FundingTargets.AsNoTracking().ToListAsync(ct), today);
        return Describe(target, current, today);
    }

    private static FundingTargetResponse Describe(FundingTarget t, FundingTarget? current, DateOnly today) =>
        new(t.Id, t.Title, t.AmountUsd, t.DueOn, t.Id == current?.Id, t.DueOn < today, t.UpdatedAt, t.UpdatedBy,
            $"/api/funding-targets/{t.Id}");

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static NotFoundException NotFound(Guid id) => new($"There is no funding target {id}.");
}
