using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.GuidingPrinciples;

public sealed record GuidingPrincipleResponse(int Number, string Title, string? Description)
{
    public static GuidingPrincipleResponse From(GuidingPrinciple p) => new(p.Number, p.Title, p.Description);
}

public sealed record UpdateGuidingPrincipleRequest(string? Title, string? Description);

public sealed class UpdateGuidingPrincipleRequestValidator : AbstractValidator<UpdateGuidingPrincipleRequest>
{
    public UpdateGuidingPrincipleRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(GuidingPrinciple.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(GuidingPrinciple.DescriptionMaxLength);
    }
}

public sealed class GuidingPrincipleEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/guiding-principles").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListGuidingPrinciples")
            .WithSummary("Lists the ten GCM guiding principles used as assessment criteria.");
        group.MapPut("/{number:int}", Update).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<UpdateGuidingPrincipleRequest>()
            .WithName("UpdateGuidingPrinciple")
            .WithSummary("Changes a guiding principle's title and description.");
    }

    private static async Task<Ok<List<GuidingPrincipleResponse>>> List(TrustFundDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.GuidingPrinciples.AsNoTracking().OrderBy(p => p.Number)
            .Select(p => GuidingPrincipleResponse.From(p))
            .ToListAsync(ct));

    private static async Task<Results<Ok<GuidingPrincipleResponse>, ProblemHttpResult>> Update(int number,
        UpdateGuidingPrincipleRequest request, TrustFundDbContext db, CancellationToken ct)
    {
        var principle = await db.GuidingPrinciples.FindAsync([number], ct);
        if (principle is null) return ApiProblems.NotFound($"There is no guiding principle {number}.");

        principle.Rename(request.Title!, request.Description);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(GuidingPrincipleResponse.From(principle));
    }
}
