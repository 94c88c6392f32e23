using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Common;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Funding;

/// <summary>A donor's contributions: the pledge, the signed commitment and the deposits, in their currency and in USD.</summary>
public sealed class ContributionUseCases(TrustFundDbContext db, TimeProvider time)
{
    public async Task<ContributionPage> ListAsync(ContributionQuery query, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        var (page, pageSize, skip) = Paging.Resolve(query.Page, query.PageSize);
        var contributions = db.Contributions.AsNoTracking();
        if (query.DonorId is { } donorId) contributions = contributions.Where(c => c.DonorId == donorId);
        if (query.Status == ContributionStatus.Pledged) contributions = contributions.Where(c => c.CommittedOn == null);
        if (query.Status == ContributionStatus.Committed) contributions = contributions.Where(c => c.CommittedOn != null);
        if (query.EarmarkedAreaNumber is { } area) contributions = contributions.Where(c => c.EarmarkedAreaNumber == area);

        var total = await contributions.CountAsync(ct);
        var items = await contributions.Include(c => c.Deposits).OrderByDescending(c => c.PledgedOn).ThenBy(c => c.Id)
            .Skip(skip).Take(pageSize).AsSplitQuery().ToListAsync(ct);
        var donorIds = items.Select(c => c.DonorId).Distinct().ToList();
        var donors = await db.Donors.Where(d => donorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return new ContributionPage(items.Select(c => ContributionResponse.From(c, donors[c.DonorId])).ToList(),
            page, pageSize, total);
    }

    public async Task<ContributionResponse> GetAsync(Guid id, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadFunding);
        return await DescribeAsync(id, ct) ?? throw NotFound(id);
    }

    /// <exception cref="InvalidChangeException">There is no such donor (400 on <c>donorId</c>).</exception>
    public async Task<ContributionResponse> PledgeAsync(PledgeRequest request, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        if (!await db.Donors.AnyAsync(d => d.Id == request.DonorId, ct))
            throw new InvalidChangeException("donorId", $"There is no donor {request.DonorId}.");
        var now = time.GetUtcNow();
        var contribution = Contribution.Pledge(request.DonorId!.Value, request.PledgedOn!.Value, request.Amount!.Value,
            request.Currency!, request.RateToUsd!.Value, Today(now), actor.UserId, now);
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync(ct);
        return (await DescribeAsync(contribution.Id, ct))!;
    }

    public async Task<ContributionResponse> CommitAsync(Guid id, CommitmentRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id);
        var areas = await db.ThematicAreas.Select(a => a.Number).ToHashSetAsync(ct);
        var now = time.GetUtcNow();
        contribution.Commit(new ContributionCommitment(request.SignedOn!.Value, request.Amount!.Value, request.Currency!,
                request.RateToUsd!.Value, request.EarmarkedAreaNumber, request.AgreementReference),
            areas, Today(now), request.Version, actor.UserId, now);
        await db.SaveChangesAsync(ct);
        return (await DescribeAsync(id, ct))!;
    }

    /// <summary>
    /// Records cash received. Deposits racing on one contribution are saved one after the other, each judged against
    /// what the others left of the commitment.
    /// </summary>
    public async Task<RecordedDeposit> RecordDepositAsync(Guid id, DepositRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFunding);
        if (!await db.Contributions.AnyAsync(c => c.Id == id, ct)) throw NotFound(id);
        var receipt = new DepositReceipt(request.ReceivedOn!.Value, request.Amount!.Value, request.RateToUsd!.Value,
            request.Reference!);
        var deposit = await db.SaveWithRetryAsync(async () =>
        {
            var contribution = await db.Contributions.Include(c => c.Deposits).SingleAsync(c => c.Id == id, ct);
            var feeRate = await db.FundSettings.Select(s => s.AdministrativeAgentFeeRate).SingleAsync(ct);
            var now = time.GetUtcNow();
            return contribution.RecordDeposit(receipt, feeRate, Today(now), actor.UserId, now);
        }, ct);
        return new RecordedDeposit((await DescribeAsync(id, ct))!, deposit.Number);
    }

    private async Task<ContributionResponse?> DescribeAsync(Guid id, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().Include(c => c.Deposits)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null) return null;
        var donor = await db.Donors.AsNoTracking().Where(d => d.Id == contribution.DonorId).Select(d => d.Name)
            .SingleAsync(ct);
        return ContributionResponse.From(contribution, donor);
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static NotFoundException NotFound(Guid id) => new($"There is no contribution {id}.");
}
