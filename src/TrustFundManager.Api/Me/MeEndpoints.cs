using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;

namespace TrustFundManager.Api.Me;

public sealed record MeResponse(string User, string? Name, IReadOnlyList<string> Roles, string? Country,
    string? Organization, string? Constituency);

public sealed class MeEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Get).WithTags("Identity")
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetMe")
            .WithSummary("Tells who the caller is: user, roles, and the country, organization or constituency that scope what they see.");
    }

    private static Ok<MeResponse> Get(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(user.UserId(),
        user.Identity?.Name, user.RoleNames(), user.Country(), user.Organization(), user.Constituency()));
}
