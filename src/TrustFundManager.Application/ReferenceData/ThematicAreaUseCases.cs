using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

public sealed record ObjectiveSummary(int Number, string Title);

public sealed record ThematicAreaResponse(int Number, string Title, string? Description,
    IReadOnlyList<ObjectiveSummary> Objectives);

public sealed record UpdateThematicAreaRequest(string? Title, string? Description);

public sealed record RemapThematicAreasRequest(IReadOnlyList<AreaObjectives>? Areas);

public sealed record AreaObjectives(int? Number, IReadOnlyList<int>? ObjectiveNumbers);

public sealed class UpdateThematicAreaRequestValidator : AbstractValidator<UpdateThematicAreaRequest>
{
    public UpdateThematicAreaRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(ThematicArea.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(ThematicArea.DescriptionMaxLength);
    }
}

public sealed class RemapThematicAreasRequestValidator : AbstractValidator<RemapThematicAreasRequest>
{
    public RemapThematicAreasRequestValidator()
    {
        RuleFor(r => r.Areas).NotEmpty().WithMessage("List every thematic area with its objectives.");
        RuleForEach(r => r.Areas).NotNull().ChildRules(area =>
        {
            area.RuleFor(a => a.Number).NotNull().GreaterThan(0);
            area.RuleFor(a => a.ObjectiveNumbers).NotNull()
                .Must(numbers => numbers is null || numbers.Distinct().Count() == numbers.Count)
                .WithMessage("An objective is listed twice in the same area.");
        });
    }
}

/// <summary>The thematic areas, each with the GCM objectives it groups; the FMU and administrators change them.</summary>
public sealed class ThematicAreaUseCases(TrustFundDbContext db)
{
    public async Task<List<ThematicAreaResponse>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return await LoadAsync(number: null, ct);
    }

    public async Task<ThematicAreaResponse> GetAsync(int number, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return (await LoadAsync(number, ct)).SingleOrDefault() ?? throw NotFound(number);
    }

    /// <summary>Changes an area's title and description.</summary>
    public async Task<ThematicAreaResponse> UpdateAsync(int number, UpdateThematicAreaRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageReferenceData);
        var area = await db.ThematicAreas.FindAsync([number], ct) ?? throw NotFound(number);

        area.Rename(request.Title!, request.Description);
        await db.SaveChangesAsync(ct);
        return (await LoadAsync(number, ct)).Single();
    }

    /// <summary>Replaces the mapping of GCM objectives to areas: every objective in exactly one area.</summary>
    public async Task<List<ThematicAreaResponse>> RemapAsync(RemapThematicAreasRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageReferenceData);
        var framework = new ThematicFramework(await db.ThematicAreas.ToListAsync(ct),
            await db.GcmObjectives.ToListAsync(ct));
        framework.Remap(request.Areas!.Select(a => (a.Number!.Value, (IReadOnlyCollection<int>)a.ObjectiveNumbers!)).ToList());
        await db.SaveChangesAsync(ct);
        return await LoadAsync(number: null, ct);
    }

    private async Task<List<ThematicAreaResponse>> LoadAsync(int? number, CancellationToken ct)
    {
        var areas = await db.ThematicAreas.AsNoTracking()
            .Where(a => number == null || a.Number == number)
            .OrderBy(a => a.Number)
            .ToListAsync(ct);
        var objectives = await db.GcmObjectives.AsNoTracking()
            .Where(o => number == null || o.ThematicAreaNumber == number)
            .OrderBy(o => o.Number)
            .Select(o => new { o.ThematicAreaNumber, Summary = new ObjectiveSummary(o.Number, o.Title) })
            .ToListAsync(ct);
        var byArea = objectives.ToLookup(o => o.ThematicAreaNumber, o => o.Summary);
        return areas.Select(a => new ThematicAreaResponse(a.Number, a.Title, a.Description, byArea[a.Number].ToList()))
            .ToList();
    }

    private static NotFoundException NotFound(int number) => new($"There is no thematic area {number}.");
}
