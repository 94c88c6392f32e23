using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;

namespace TrustFundManager.Api.Development;

public sealed record DevTokenRequest(string? User);

public sealed record DevTokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

public sealed class DevTokenRequestValidator : AbstractValidator<DevTokenRequest>
{
    public DevTokenRequestValidator() =>
        RuleFor(r => r.User)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Name the demo user to sign in as (see GET /dev/users).")
            .Must(user => DevUsers.Find(user) is not null)
            .WithMessage(r => $"There is no demo user '{r.User}' (see GET /dev/users).");
}

/// <summary>The development token issuer. Mapped in the Development environment only.</summary>
public static class DevIdentityEndpoints
{
    public static void MapDevIdentity(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev").WithTags("Development sign-in").AllowAnonymous();

        group.MapGet("/users", () => TypedResults.Ok(DevUsers.All))
            .WithName("ListDevUsers")
            .WithSummary("Lists the demo users a development token can be issued for (Development only).");

        group.MapPost("/token", IssueToken)
            .WithRequestValidation<DevTokenRequest>()
            .WithName("IssueDevToken")
            .WithSummary("Issues a bearer token for a demo user (Development only).");
    }

    private static Ok<DevTokenResponse> IssueToken(DevTokenRequest request, DevTokenIssuer issuer,
        TimeProvider timeProvider)
    {
        var user = DevUsers.Find(request.User)!;
        var token = issuer.IssueFor(user, timeProvider.GetUtcNow());
        return TypedResults.Ok(new DevTokenResponse(token, "Bearer", (int)issuer.Lifetime.TotalSeconds));
    }
}
