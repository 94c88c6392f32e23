using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Application.Reports;

namespace TrustFundManager.Api.Iati;

/// <summary>The IATI activity file, for those who read the fund's money (see <see cref="IatiUseCases"/> and docs/iati.md).</summary>
public sealed class IatiEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/iati/activities.xml", Activities).WithTags("IATI").RequireAuthorization(Policies.ReadFunding)
            .WithName("GetIatiActivities")
            .WithSummary("The fund and its joint programmes as an IATI 2.03 activity file (UTF-8 XML, valid against the IATI schema): the fund is the parent activity with the donors' pledges, commitments and deposits and the allocations; each joint programme is a child with its budget, transfers and annual expenditure. Concept notes are never published.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
    }

    private static async Task<FileContentHttpResult> Activities(ClaimsPrincipal user, IatiUseCases useCases,
        CancellationToken ct)
    {
        var file = await useCases.ActivitiesAsync(user.AsWorkflowActor(), ct);
        return TypedResults.Bytes(file.Content, file.ContentType, file.FileName);
    }
}
