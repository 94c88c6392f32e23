using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.FundingTargets;

public sealed record FundingTargetRequest(string? Title, decimal? AmountUsd, DateOnly? DueOn);

public sealed class FundingTargetRequestValidator : AbstractValidator<FundingTargetRequest>
{
    public FundingTargetRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(FundingTarget.TitleMaxLength);
        RuleFor(r => r.AmountUsd).NotNull();
        RuleFor(r => r.DueOn).NotNull();
    }
}

/// <summary>A target; <c>current</c> marks the one the funding status measures against today.</summary>
public sealed record FundingTargetResponse(Guid Id, string Title, decimal AmountUsd, DateOnly DueOn, bool Current,
    bool Passed, DateTimeOffset UpdatedAt, string UpdatedBy, string Href);

public sealed class FundingTargetEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/funding-targets").WithTags("Funding");
        group.MapGet("/", List).RequireAuthorization(Policies.ReadFunding)
            .WithName("ListFundingTargets")
            .WithSummary("The dated funding targets, earliest first; the current one is the next not yet passed.");
        group.MapPost("/", Create).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<FundingTargetRequest>()
            .WithName("CreateFundingTarget")
            .WithSummary("Adds a target: an amount in USD to reach by a day (one target per day).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", Change).RequireAuthorization(Policies.ManageFunding)
            .WithRequestValidation<FundingTargetRequest>()
            .WithName("ChangeFundingTarget")
            .WithSummary("Changes a target's title, amount or day.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.ManageFunding)
            .WithName("DeleteFundingTarget")
            .WithSummary("Removes a target.");
    }

    private static async Task<Ok<List<FundingTargetResponse>>> List(TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var targets = await db.FundingTargets.AsNoTracking().OrderBy(t => t.DueOn).ToListAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = FundingTarget.CurrentOn(targets, today);
        return TypedResults.Ok(targets.Select(t => Describe(t, current, today)).ToList());
    }

    private static async Task<Results<Created<FundingTargetResponse>, ProblemHttpResult>> Create(FundingTargetRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var target = new FundingTarget(request.Title!, request.AmountUsd!.Value, request.DueOn!.Value, user.UserId(), time.GetUtcNow());
        if (await db.FundingTargets.AnyAsync(t => t.DueOn == target.DueOn, ct))
            return ApiProblems.Conflict($"A target is already due on {target.DueOn:yyyy-MM-dd}; change that one instead.");
        db.FundingTargets.Add(target);
        await db.SaveChangesAsync(ct);
        var response = await DescribeAsync(target, db, time, ct);
        return TypedResults.Created(response.Href, response);
    }

    private static async Task<Results<Ok<FundingTargetResponse>, ProblemHttpResult>> Change(Guid id, FundingTargetRequest request,
        ClaimsPrincipal user, TrustFundDbContext db, TimeProvider time, CancellationToken ct)
    {
        var target = await db.FundingTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return ApiProblems.NotFound($"There is no funding target {id}.");
        target.Change(request.Title!, request.AmountUsd!.Value, request.DueOn!.Value, user.UserId(), time.GetUtcNow());
        if (await db.FundingTargets.AnyAsync(t => t.DueOn == target.DueOn && t.Id != id, ct))
            return ApiProblems.Conflict($"Another target is already due on {target.DueOn:yyyy-MM-dd}.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeAsync(target, db, time, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, TrustFundDbContext db, CancellationToken ct)
    {
        var target = await db.FundingTargets.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null) return ApiProblems.NotFound($"There is no funding target {id}.");
        db.FundingTargets.Remove(target);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<FundingTargetResponse> DescribeAsync(FundingTarget target, TrustFundDbContext db, TimeProvider time,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = FundingTarget.CurrentOn(await db.FundingTargets.AsNoTracking().ToListAsync(ct), today);
        return Describe(target, current, today);
    }

    private static FundingTargetResponse Describe(FundingTarget t, FundingTarget? current, DateOnly today) =>
        new(t.Id, t.Title, t.AmountUsd, t.DueOn, t.Id == current?.Id, t.DueOn < today, t.UpdatedAt, t.UpdatedBy,
            $"/api/funding-targets/{t.Id}");
}
