using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.ThematicAreas;

public sealed class ThematicAreaEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/thematic-areas").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListThematicAreas")
            .WithSummary("Lists the thematic areas, each with the GCM objectives it groups.");
        group.MapGet("/{number:int}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetThematicArea")
            .WithSummary("Reads one thematic area with its GCM objectives.");
        group.MapPut("/{number:int}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateThematicAreaRequest>()
            .WithName("UpdateThematicArea")
            .WithSummary("Changes a thematic area's title and description.");
        group.MapPut("/", Remap).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<RemapThematicAreasRequest>()
            .WithName("RemapThematicAreas")
            .WithSummary("Replaces the mapping of GCM objectives to thematic areas: every objective in exactly one area.");
    }

    private static async Task<Ok<List<ThematicAreaResponse>>> List(TrustFundDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, number: null, ct));

    private static async Task<Results<Ok<ThematicAreaResponse>, ProblemHttpResult>> Get(int number,
        TrustFundDbContext db, CancellationToken ct) =>
        (await LoadAsync(db, number, ct)).SingleOrDefault() is { } area
            ? TypedResults.Ok(area)
            : ApiProblems.NotFound($"There is no thematic area {number}.");

    private static async Task<Results<Ok<ThematicAreaResponse>, ProblemHttpResult>> Update(int number,
        UpdateThematicAreaRequest request, TrustFundDbContext db, CancellationToken ct)
    {
        var area = await db.ThematicAreas.FindAsync([number], ct);
        if (area is null) return ApiProblems.NotFound($"There is no thematic area {number}.");

        area.Rename(request.Title!, request.Description);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await LoadAsync(db, number, ct)).Single());
    }

    private static async Task<Ok<List<ThematicAreaResponse>>> Remap(RemapThematicAreasRequest request,
        TrustFundDbContext db, CancellationToken ct)
    {
        var framework = new ThematicFramework(await db.ThematicAreas.ToListAsync(ct),
            await db.GcmObjectives.ToListAsync(ct));
        framework.Remap(request.Areas!.Select(a => (a.Number!.Value, (IReadOnlyCollection<int>)a.ObjectiveNumbers!)).ToList());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadAsync(db, number: null, ct));
    }

    private static async Task<List<ThematicAreaResponse>> LoadAsync(TrustFundDbContext db, int? number,
        CancellationToken ct)
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
}
