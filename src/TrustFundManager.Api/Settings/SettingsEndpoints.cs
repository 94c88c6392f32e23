using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.ReferenceData;

namespace TrustFundManager.Api.Settings;

public sealed class SettingsEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Reference data");

        group.MapGet("/", Get).RequireAuthorization(Policies.ReadReferenceData)
            .WithName("GetSettings")
            .WithSummary("Reads the fund's settings: ceilings, duration limits, fees, decision rule, quorum and revision period.");
        group.MapPut("/", Update).RequireAuthorization(Policies.ManageFundRules)
            .WithRequestValidation<UpdateSettingsRequest>()
            .WithName("UpdateSettings")
            .WithSummary("Replaces the fund's settings; every field is required, with the version read (409 if it is stale).")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<SettingsResponse>> Get(ClaimsPrincipal user, SettingsUseCases useCases,
        CancellationToken ct) =>
        TypedResults.Ok(await useCases.GetAsync(user.AsWorkflowActor(), ct));

    private static async Task<Ok<SettingsResponse>> Update(UpdateSettingsRequest request, ClaimsPrincipal user,
        SettingsUseCases useCases, CancellationToken ct) =>
        TypedResults.Ok(await useCases.UpdateAsync(request, user.AsWorkflowActor(), ct));
}
