using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.GcmObjectives;

public sealed record GcmObjectiveResponse(int Number, string Title, string? Description, int ThematicAreaNumber)
{
    public static GcmObjectiveResponse From(GcmObjective o) => new(o.Number, o.Title, o.Description, o.ThematicAreaNumber);
}

public sealed record UpdateGcmObjectiveRequest(string? Title, string? Description, int? ThematicAreaNumber);

public sealed class UpdateGcmObjectiveRequestValidator : AbstractValidator<UpdateGcmObjectiveRequest>
{
    public UpdateGcmObjectiveRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(GcmObjective.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(GcmObjective.DescriptionMaxLength);
        RuleFor(r => r.ThematicAreaNumber).NotNull().GreaterThan(0);
    }
}

public sealed class GcmObjectiveEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/gcm-objectives").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListGcmObjectives")
            .WithSummary("Lists the 23 GCM objectives with the thematic area each belongs to.");
        group.MapGet("/{number:int}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetGcmObjective")
            .WithSummary("Reads one GCM objective.");
        group.MapPut("/{number:int}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateGcmObjectiveRequest>()
            .WithName("UpdateGcmObjective")
            .WithSummary("Changes a GCM objective's title and description, or moves it to another thematic area.");
    }

    private static async Task<Ok<List<GcmObjectiveResponse>>> List(TrustFundDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number)
            .Select(o => GcmObjectiveResponse.From(o))
            .ToListAsync(ct));

    private static async Task<Results<Ok<GcmObjectiveResponse>, ProblemHttpResult>> Get(int number,
        TrustFundDbContext db, CancellationToken ct) =>
        await db.GcmObjectives.AsNoTracking().Where(o => o.Number == number)
                .Select(o => GcmObjectiveResponse.From(o))
                .SingleOrDefaultAsync(ct) is { } objective
            ? TypedResults.Ok(objective)
            : ApiProblems.NotFound($"There is no GCM objective {number}.");

    private static async Task<Results<Ok<GcmObjectiveResponse>, ProblemHttpResult>> Update(int number,
        UpdateGcmObjectiveRequest request, TrustFundDbContext db, CancellationToken ct)
    {
        // Areas first: their membership version is what a racing move changes, so reading the objectives after it
        // means a move that landed in between is either seen or makes this save fail on the version.
        var areas = await db.ThematicAreas.ToListAsync(ct);
        var objectives = await db.GcmObjectives.ToListAsync(ct);
        var objective = objectives.SingleOrDefault(o => o.Number == number);
        if (objective is null) return ApiProblems.NotFound($"There is no GCM objective {number}.");

        objective.Rename(request.Title!, request.Description);
        new ThematicFramework(areas, objectives)
            .MoveObjective(number, request.ThematicAreaNumber!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(GcmObjectiveResponse.From(objective));
    }
}
