using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Api.Development;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>One method of one <c>/api</c> route, as the running host maps it, with what its policy demands.</summary>
public sealed record ApiOperation(string Method, RouteEndpoint Endpoint, AuthorizationPolicy? Policy)
{
    public string Route => Endpoint.RoutePattern.RawText!;

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The JSON body the handler binds, if any (and whether it may be left out).</summary>
    public IAcceptsMetadata? Body => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>();

    public bool RequiresJsonBody => Body is { IsOptional: false, RequestType: not null };

    public override string ToString() => $"{Method} {Route}";

    /// <summary>A path for the route with every parameter filled with a well-formed value (ids that name nothing).</summary>
    public string SamplePath(IReadOnlyDictionary<string, string>? values = null) =>
        "/" + string.Join('/', Endpoint.RoutePattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => Uri.EscapeDataString(
                    values?.GetValueOrDefault(parameter.Name) ?? SampleValue(parameter)),
                RoutePatternSeparatorPart separator => separator.Content,
                _ => throw new InvalidOperationException($"{this}: a route part of kind {part.PartKind} cannot be filled."),
            }))));

    /// <summary>
    /// Whether the policy admits <paramref name="user"/>: every requirement judged from the user's roles and claims.
    /// A requirement of a kind this cannot judge fails loudly, so that a new kind of rule is not silently passed.
    /// </summary>
    public bool Admits(ClaimsPrincipal user)
    {
        if (Policy is null) throw new InvalidOperationException($"{this} states no authorization policy.");
        return Policy.Requirements.All(requirement => requirement switch
        {
            DenyAnonymousAuthorizationRequirement => user.Identity?.IsAuthenticated == true,
            RolesAuthorizationRequirement roles => roles.AllowedRoles.Any(user.IsInRole),
            ClaimsAuthorizationRequirement claim => user.Claims.Any(c => c.Type == claim.ClaimType
                && (claim.AllowedValues is null || !claim.AllowedValues.Any() || claim.AllowedValues.Contains(c.Value))),
            _ => throw new InvalidOperationException(
                $"{this}: cannot judge a {requirement.GetType().Name}; teach {nameof(ApiOperation)} about it."),
        });
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        if (constraints.Contains("guid")) return Guid.NewGuid().ToString();
        if (constraints.Contains("int") || constraints.Contains("long"))
            return parameter.Name == "year" ? "2025" : "1";
        if (constraints.Count > 0)
            throw new InvalidOperationException($"No sample value for the route constraint(s) {string.Join(", ", constraints)}.");
        return parameter.Name switch
        {
            "alpha3" => "MEX",
            "organization" => "UNICEF",
            "code" => "IOM",
            "action" => "submit",
            "id" => "concept-note",
            _ => "sample",
        };
    }
}

/// <summary>Every <c>/api</c> operation the host maps, read from its endpoint data source and its policy provider.</summary>
public static class ApiEndpointCatalog
{
    /// <summary>The demo users whose roles the sweeps try: one of each role.</summary>
    public static readonly string[] OneUserPerRole = ["fmu.officer", "admin", "gov.mex", "sc.deu", "puno.unicef"];

    public static async Task<IReadOnlyList<ApiOperation>> ReadAsync(TrustFundApiFactory api)
    {
        _ = api.Server;
        var policies = api.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var operations = new List<ApiOperation>();
        foreach (var endpoint in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } route || !route.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
                ?? throw new InvalidOperationException($"{route} answers every method; state which.");
            var policy = await AuthorizationPolicy.CombineAsync(policies,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            operations.AddRange(methods.Select(method => new ApiOperation(method, endpoint, policy)));
        }
        return operations.OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>The demo user's identity as its token carries it: its roles and the claims that scope what it sees.</summary>
    public static ClaimsPrincipal PrincipalOf(string userName)
    {
        var user = DevUsers.Find(userName) ?? throw new ArgumentException($"No demo user {userName}.", nameof(userName));
        var claims = new List<Claim> { new("sub", user.User) };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (user.Country is { } country) claims.Add(new Claim("country", country));
        if (user.Organization is { } organization) claims.Add(new Claim("organization", organization));
        if (user.Constituency is { } constituency) claims.Add(new Claim("constituency", constituency));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }
}
