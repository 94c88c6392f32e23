using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.Contributions;

public sealed class ContributionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contributions").WithTags("Funding");
        group.MapGet("/", List).RequireAuthorization(Policies.ReadFunding)
            .WithRequestValidation<ContributionQuery>()
            .WithName("ListContributions")
            .WithSummary("Contributions, latest pledge first, by donor, status and earmark, with their deposits.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadFunding)
            .WithName("GetContribution")
            .WithSummary("One contribution: the pledge, the commitment and every deposit in their currency and in USD.");
        group.MapPost("/", Pledge).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<PledgeRequest>()
            .WithName("PledgeContribution")
            .WithSummary("Records a donor's pledge: an amount in an ISO 4217 currency with an indicative rate to USD.");
        group.MapPost("/{id:guid}/commitment", Commit).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<CommitmentRequest>()
            .WithName("CommitContribution")
            .WithSummary("Records the signed agreement: date, amount, currency, rate to USD and an optional earmark to one thematic area.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/deposits", RecordDeposit).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<DepositRequest>()
            .WithName("RecordDeposit")
            .WithSummary("Records cash received in the commitment's currency at the rate of the day; the deposits never exceed the commitment, and the Administrative Agent's fee is charged on it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<ContributionPage>> List([AsParameters] ContributionQuery query, TrustFundDbContext db,
        CancellationToken ct)
    {
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
        return TypedResults.Ok(new ContributionPage(items.Select(c => ContributionResponse.From(c, donors[c.DonorId])).ToList(),
            page, pageSize, total));
    }

    private static async Task<Results<Ok<ContributionResponse>, ProblemHttpResult>> Get(Guid id, TrustFundDbContext db,
        CancellationToken ct) =>
        await DescribeAsync(id, db, ct) is { } response ? TypedResults.Ok(response) : NotFound(id);

    private static async Task<Results<Created<ContributionResponse>, ProblemHttpResult>> Pledge(PledgeRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Donors.AnyAsync(d => d.Id == request.DonorId, ct))
            throw new InvalidChangeException("donorId", $"There is no donor {request.DonorId}.");
        var now = time.GetUtcNow();
        var contribution = Contribution.Pledge(request.DonorId!.Value, request.PledgedOn!.Value, request.Amount!.Value,
            request.Currency!, request.RateToUsd!.Value, Today(now), user.UserId(), now);
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync(ct);
        var response = (await DescribeAsync(contribution.Id, db, ct))!;
        return TypedResults.Created(response.Href, response);
    }

    private static async Task<Results<Ok<ContributionResponse>, ProblemHttpResult>> Commit(Guid id, CommitmentRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var contribution = await db.Contributions.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null) return NotFound(id);
        var areas = await db.ThematicAreas.Select(a => a.Number).ToHashSetAsync(ct);
        var now = time.GetUtcNow();
        contribution.Commit(new ContributionCommitment(request.SignedOn!.Value, request.Amount!.Value, request.Currency!,
                request.RateToUsd!.Value, request.EarmarkedAreaNumber, request.AgreementReference),
            areas, Today(now), request.Version, user.UserId(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await DescribeAsync(id, db, ct))!);
    }

    private static async Task<Results<Created<ContributionResponse>, ProblemHttpResult>> RecordDeposit(Guid id,
        DepositRequest request, ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Contributions.AnyAsync(c => c.Id == id, ct)) return NotFound(id);
        var receipt = new DepositReceipt(request.ReceivedOn!.Value, request.Amount!.Value, request.RateToUsd!.Value, request.Reference!);
        var deposit = await db.SaveWithRetryAsync(async () =>
        {
            var contribution = await db.Contributions.Include(c => c.Deposits).SingleAsync(c => c.Id == id, ct);
            var feeRate = await db.FundSettings.Select(s => s.AdministrativeAgentFeeRate).SingleAsync(ct);
            var now = time.GetUtcNow();
            return contribution.RecordDeposit(receipt, feeRate, Today(now), user.UserId(), now);
        }, ct);
        var response = (await DescribeAsync(id, db, ct))!;
        return TypedResults.Created($"{response.Href}#deposit-{deposit.Number}", response);
    }

    private static async Task<ContributionResponse?> DescribeAsync(Guid id, TrustFundDbContext db, CancellationToken ct)
    {
        var contribution = await db.Contributions.AsNoTracking().Include(c => c.Deposits).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contribution is null) return null;
        var donor = await db.Donors.AsNoTracking().Where(d => d.Id == contribution.DonorId).Select(d => d.Name).SingleAsync(ct);
        return ContributionResponse.From(contribution, donor);
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound($"There is no contribution {id}.");
}
