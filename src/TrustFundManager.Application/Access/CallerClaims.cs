using System.Security.Claims;
using TrustFundManager.Domain.Access;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.Access;

public static class CallerClaims
{
    /// <summary>Entra ID names the role claim <c>roles</c>; so do development tokens.</summary>
    public const string RoleClaimType = "roles";
    public const string NameClaimType = "name";

    /// <summary>A stable id of the caller: Entra's object id, or the token's subject.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("oid") ?? user.FindFirstValue("sub") ?? "anonymous";

    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user) =>
        Roles.All.Where(user.IsInRole).ToList();

    public static string? Country(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaims.Country);
    public static string? Organization(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaims.Organization);
    public static string? Constituency(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaims.Constituency);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NameClaimType) ?? user.FindFirstValue("preferred_username") ?? user.UserId();

    /// <summary>The caller as the workflow engine sees them: id, name, roles and scope.</summary>
    public static WorkflowActor AsWorkflowActor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.DisplayName(), user.RoleNames(), user.Country(), user.Organization(), user.Constituency());
}
