using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

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

/// <summary>The 23 GCM objectives and the thematic area each belongs to.</summary>
public sealed class GcmObjectiveUseCases(TrustFundDbContext db)
{
    public async Task<List<GcmObjectiveResponse>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return await db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number)
            .Select(o => GcmObjectiveResponse.From(o))
            .ToListAsync(ct);
    }

    public async Task<GcmObjectiveResponse> GetAsync(int number, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return await db.GcmObjectives.AsNoTracking().Where(o => o.Number == number)
                   .Select(o => GcmObjectiveResponse.From(o))
                   .SingleOrDefaultAsync(ct)
               ?? throw NotFound(number);
    }

    /// <summary>Changes an objective's title and description, or moves it to another thematic area.</summary>
    public async Task<GcmObjectiveResponse> UpdateAsync(int number, UpdateGcmObjectiveRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageReferenceData);
        // Areas first: their membership version is what a racing move changes, so reading the objectives after it
        // means a move that landed in between is either seen or makes this save fail on the version.
        var areas = await db.ThematicAreas.ToListAsync(ct);
        var objectives = await db.GcmObjectives.ToListAsync(ct);
        var objective = objectives.SingleOrDefault(o => o.Number == number) ?? throw NotFound(number);

        objective.Rename(request.Title!, request.Description);
        new ThematicFramework(areas, objectives)
            .MoveObjective(number, request.ThematicAreaNumber!.Value);
        await db.SaveChangesAsync(ct);
        return GcmObjectiveResponse.From(objective);
    }

    private static NotFoundException NotFound(int number) => new($"There is no GCM objective {number}.");
}
