using Microsoft.AspNetCore.Http.HttpResults;
using TrustFundManager.Api.Common;
using TrustFundManager.Application.Common;
using TrustFundManager.Api.Security;
using TrustFundManager.Application.Access;
using TrustFundManager.Infrastructure.Iati;

namespace TrustFundManager.Api.Iati;

/// <summary>
/// The IATI activity file. IATI data is meant to be public, but this file holds the fund's whole books (every donor's
/// pledges, commitments and deposits, every allocation and transfer), which the API shows only to those who read the
/// fund's money: the FMU publishes the file to the IATI Registry. See docs/iati.md.
/// </summary>
public sealed class IatiEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/iati/activities.xml", Activities).WithTags("IATI").RequireAuthorization(Policies.ReadFunding)
            .WithName("GetIatiActivities")
            .WithSummary("The fund and its joint programmes as an IATI 2.03 activity file (UTF-8 XML, valid against the IATI schema): the fund is the parent activity with the donors' pledges, commitments and deposits and the allocations; each joint programme is a child with its budget, transfers and annual expenditure. Concept notes are never published.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");
    }

    private static async Task<FileContentHttpResult> Activities(IatiExport export, CancellationToken ct) =>
        TypedResults.Bytes(IatiActivitiesWriter.ToBytes(await export.BuildAsync(ct)), IatiActivitiesWriter.ContentType);
}
