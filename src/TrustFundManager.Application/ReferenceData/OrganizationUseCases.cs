using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

public sealed record OrganizationResponse(string Code, string Acronym, string Name, bool IsNetworkMember, bool IsActive)
{
    public static OrganizationResponse From(Organization o) => new(o.Code, o.Acronym, o.Name, o.IsNetworkMember, o.IsActive);
}

public sealed record PutOrganizationRequest(string? Acronym, string? Name, bool? IsNetworkMember, bool? IsActive);

public sealed class PutOrganizationRequestValidator : AbstractValidator<PutOrganizationRequest>
{
    public PutOrganizationRequestValidator()
    {
        RuleFor(r => r.Acronym).NotEmpty().MaximumLength(Organization.AcronymMaxLength);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Organization.NameMaxLength);
        RuleFor(r => r.IsNetworkMember).NotNull();
        RuleFor(r => r.IsActive).NotNull();
    }
}

/// <summary>The organization as stored, and whether this request added it.</summary>
public sealed record PutOrganizationResult(OrganizationResponse Organization, bool Created)
{
    public string Href => $"/api/organizations/{Organization.Code}";
}

/// <summary>The UN organizations that can take part in joint programmes.</summary>
public sealed class OrganizationUseCases(TrustFundDbContext db)
{
    public async Task<List<OrganizationResponse>> ListAsync(bool? activeOnly, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return await db.Organizations.AsNoTracking()
            .Where(o => activeOnly != true || o.IsActive)
            .OrderBy(o => o.Code)
            .Select(o => OrganizationResponse.From(o))
            .ToListAsync(ct);
    }

    public async Task<OrganizationResponse> GetAsync(string code, WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        var key = Organization.NormalizeCode(code);
        return await db.Organizations.AsNoTracking().Where(o => o.Code == key)
                   .Select(o => OrganizationResponse.From(o))
                   .SingleOrDefaultAsync(ct)
               ?? throw new NotFoundException($"There is no organization '{code}'.");
    }

    /// <summary>Adds an organization under a new code, or changes the one that has it.</summary>
    /// <exception cref="InvalidChangeException">The code is not one an organization can have.</exception>
    /// <exception cref="DomainConflictException">Someone else added the same code at the same moment.</exception>
    public async Task<PutOrganizationResult> PutAsync(string code, PutOrganizationRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageReferenceData);
        var key = Organization.NormalizeCode(code)
                  ?? throw new InvalidChangeException("code",
                      $"An organization code is 1 to {Organization.CodeMaxLength} letters or digits.");

        var organization = await db.Organizations.FindAsync([key], ct);
        var created = organization is null;
        if (organization is null)
        {
            organization = new Organization(key, request.Acronym!, request.Name!, request.IsNetworkMember!.Value,
                request.IsActive!.Value);
            db.Organizations.Add(organization);
        }
        else
        {
            organization.Change(request.Acronym!, request.Name!, request.IsNetworkMember!.Value, request.IsActive!.Value);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created)
        {
            throw new DomainConflictException(
                $"Organization '{key}' was added by someone else at the same moment; read it and retry.");
        }

        return new PutOrganizationResult(OrganizationResponse.From(organization), created);
    }
}
