using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Api.Organizations;

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

public sealed class OrganizationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations").WithTags("Reference data");

        group.MapGet("/", List).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("ListOrganizations")
            .WithSummary("Lists the UN organizations that can take part in joint programmes.");
        group.MapGet("/{code}", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetOrganization")
            .WithSummary("Reads one organization by its code.");
        group.MapPut("/{code}", Put).RequireAuthorization(Policies.ManageReferenceData)
            .WithRequestValidation<PutOrganizationRequest>()
            .WithName("PutOrganization")
            .WithSummary("Adds an organization under a new code, or changes the one that has it.");
    }

    private static async Task<Ok<List<OrganizationResponse>>> List(bool? activeOnly, TrustFundDbContext db,
        CancellationToken ct) =>
        TypedResults.Ok(await db.Organizations.AsNoTracking()
            .Where(o => activeOnly != true || o.IsActive)
            .OrderBy(o => o.Code)
            .Select(o => OrganizationResponse.From(o))
            .ToListAsync(ct));

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Get(string code,
        TrustFundDbContext db, CancellationToken ct)
    {
        var key = Organization.NormalizeCode(code);
        return await db.Organizations.AsNoTracking().Where(o => o.Code == key)
                .Select(o => OrganizationResponse.From(o))
                .SingleOrDefaultAsync(ct) is { } organization
            ? TypedResults.Ok(organization)
            : ApiProblems.NotFound($"There is no organization '{code}'.");
    }

    private static async Task<Results<Ok<OrganizationResponse>, Created<OrganizationResponse>, ValidationProblem, ProblemHttpResult>> Put(
        string code, PutOrganizationRequest request, TrustFundDbContext db, CancellationToken ct)
    {
        var key = Organization.NormalizeCode(code);
        if (key is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["code"] = [$"An organization code is 1 to {Organization.CodeMaxLength} letters or digits."],
            });

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
            return ApiProblems.Conflict($"Organization '{key}' was added by someone else at the same moment; read it and retry.");
        }

        var response = OrganizationResponse.From(organization);
        return created
            ? TypedResults.Created($"/api/organizations/{organization.Code}", response)
            : TypedResults.Ok(response);
    }
}
