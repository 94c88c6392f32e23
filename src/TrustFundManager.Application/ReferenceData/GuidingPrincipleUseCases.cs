using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

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

/// <summary>The ten GCM guiding principles, the assessment criteria.</summary>
public sealed class GuidingPrincipleUseCases(TrustFundDbContext db)
{
    public async Task<List<GuidingPrincipleResponse>> ListAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return await db.GuidingPrinciples.AsNoTracking().OrderBy(p => p.Number)
            .Select(p => GuidingPrincipleResponse.From(p))
            .ToListAsync(ct);
    }

    public async Task<GuidingPrincipleResponse> UpdateAsync(int number, UpdateGuidingPrincipleRequest request,
        WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageReferenceData);
        var principle = await db.GuidingPrinciples.FindAsync([number], ct)
                        ?? throw new NotFoundException($"There is no guiding principle {number}.");

        principle.Rename(request.Title!, request.Description);
        await db.SaveChangesAsync(ct);
        return GuidingPrincipleResponse.From(principle);
    }
}
